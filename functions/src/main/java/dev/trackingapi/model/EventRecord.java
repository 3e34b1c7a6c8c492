package dev.trackingapi.model;

import java.util.List;
import java.util.Map;

/**
 * An event as read back: what was applied, typed as stored, and what was kept because it was not.
 *
 * @param eventId the client's eventId, or null when it sent none
 */
public record EventRecord(String name, long timeMillis, long receivedAtMillis, String eventId,
                          Map<String, TypedValue> attributes, List<KeptValue> ignored) {
}
