package dev.trackingapi.model;

import java.util.Map;

/**
 * Every registered type of a project: customer attributes, and event attributes by event name.
 *
 * @param complete false when the project holds more types than one answer lists
 */
public record ProjectSchema(Map<String, TypeRegistration> customer, Map<String, Map<String, TypeRegistration>> events,
                            boolean complete) {
}
