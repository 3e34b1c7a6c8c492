package dev.trackingapi.model;

import java.util.List;

/**
 * A validated event.
 *
 * @param timeMillis the event time in epoch milliseconds, or null when the route takes the receive time
 * @param eventId    the client's idempotency key, or null (a key is then derived from the event's content)
 */
public record EventRequest(String customerId, String name, Long timeMillis, String eventId, List<Attribute> attributes) {
}
