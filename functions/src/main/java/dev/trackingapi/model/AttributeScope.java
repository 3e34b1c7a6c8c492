package dev.trackingapi.model;

import java.util.Optional;

/**
 * Where an attribute's first-seen type applies: per project, event attributes per event name and customer
 * attributes per project.
 *
 * @param id a stable identifier of the scope; project ids never contain '#', so "p#event#a#b" has one reading
 */
public record AttributeScope(String projectId, String id) {
    private static final String EVENT = "#event#";
    private static final String CUSTOMER = "#customer";

    public static AttributeScope event(String projectId, String eventName) {
        return new AttributeScope(projectId, projectId + EVENT + eventName);
    }

    public static AttributeScope customer(String projectId) {
        return new AttributeScope(projectId, projectId + CUSTOMER);
    }

    /** The event name of a scope id of the project, or empty when it is the customer scope (or another project's). */
    public static Optional<String> eventNameOf(String projectId, String scopeId) {
        String prefix = projectId + EVENT;
        return scopeId.startsWith(prefix) ? Optional.of(scopeId.substring(prefix.length())) : Optional.empty();
    }
}
