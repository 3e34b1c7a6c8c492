package dev.trackingapi.domain;

/**
 * Where an attribute's first-seen type applies: per project, event attributes per event name and customer
 * attributes per project (growlytics-api.md, part 2, decision 8).
 *
 * @param id a stable identifier of the scope; project ids never contain '#', so "p#event#a#b" has one reading
 */
public record AttributeScope(String projectId, String eventName, String id) {

    public static AttributeScope event(String projectId, String eventName) {
        return new AttributeScope(projectId, eventName, projectId + "#event#" + eventName);
    }

    public static AttributeScope customer(String projectId) {
        return new AttributeScope(projectId, null, projectId + "#customer");
    }

    public boolean isCustomer() {
        return eventName == null;
    }
}
