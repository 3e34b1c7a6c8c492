package dev.trackingapi.store;

import dev.trackingapi.model.StoredEvent;

/** Events, one item each, readable per customer in time order. */
public interface EventStore {

    /**
     * Writes the event unless one with the same key exists. An event timed by its receipt that has an eventId is
     * written at the time of the first receipt of that eventId, so that a retry received later is the same event.
     *
     * @return true when written, false when it was a duplicate (a retry) and nothing was written
     */
    boolean putIfAbsent(StoredEvent event);
}
