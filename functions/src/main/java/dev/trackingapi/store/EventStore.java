package dev.trackingapi.store;

import dev.trackingapi.domain.StoredEvent;

/** Events, one item each, readable per customer in time order. */
public interface EventStore {

    /**
     * Writes the event unless one with the same key exists.
     *
     * @return true when written, false when it was a duplicate (a retry) and nothing was written
     */
    boolean putIfAbsent(StoredEvent event);
}
