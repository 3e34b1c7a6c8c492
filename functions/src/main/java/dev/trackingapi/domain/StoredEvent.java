package dev.trackingapi.domain;

import java.time.Instant;
import java.util.List;

/**
 * An event as it is written: one item, keyed so that a customer's events read back in time order and a retry of the
 * same event finds the same key.
 *
 * @param eventKey the idempotency key (see {@link EventKeys})
 * @param eventId  the client's eventId, or null
 * @param ignored  attributes whose values were not applied, kept with the event
 */
public record StoredEvent(String projectId, String customerId, String name, long timeMillis, String eventKey,
                          String eventId, Instant receivedAt, List<Attribute> attributes,
                          List<IgnoredAttribute> ignored) {
}
