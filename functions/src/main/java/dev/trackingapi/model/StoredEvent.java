package dev.trackingapi.model;

import java.time.Instant;
import java.util.List;

/**
 * An event as it is written: one item, keyed so that a customer's events read back in time order and a retry of the
 * same event finds the same key.
 *
 * @param eventKey the idempotency key (see {@link EventKeys})
 * @param eventId  the client's eventId, or null
 * @param ignored  attributes whose values were not applied, kept with the event
 * @param timedByReceipt true when the body had no time and {@code timeMillis} is the receive time of this request:
 *                       a retry received later then has another time, so only an eventId can make it the same event
 */
public record StoredEvent(String projectId, String customerId, String name, long timeMillis, String eventKey,
                          String eventId, Instant receivedAt, List<Attribute> attributes,
                          List<IgnoredAttribute> ignored, boolean timedByReceipt) {

    /** The same event at another time (the time of the first receipt of its eventId). */
    public StoredEvent at(long otherTimeMillis) {
        return new StoredEvent(projectId, customerId, name, otherTimeMillis, eventKey, eventId, receivedAt, attributes,
                ignored, timedByReceipt);
    }
}
