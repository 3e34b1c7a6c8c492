package dev.trackingapi.model;

/**
 * Where an attribute's first-seen type applies: per project, event attributes per event name and customer
 * attributes per project.
 *
 * @param id a stable identifier of the scope; project ids never contain '#', so "p#event#a#b" has one reading
 */
public record AttributeScope(String projectId, String id) {

    public static AttributeScope event(String projectId, String eventName) {
        return new AttributeScope(projectId, projectId + "#event#" + eventName);
    }

    public static AttributeScope customer(String projectId) {
        return new AttributeScope(projectId, projectId + "#customer");
    }
}
