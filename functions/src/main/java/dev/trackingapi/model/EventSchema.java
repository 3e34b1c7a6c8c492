package dev.trackingapi.model;

import java.util.Map;

/** One event name's registered types; {@code complete} is false when there are more than were listed. */
public record EventSchema(String name, Map<String, TypeRegistration> attributes, boolean complete) {
}
