package dev.trackingapi.store;

import dev.trackingapi.model.EventsPage;
import dev.trackingapi.model.EventsQuery;

/** Events as stored, read back per customer (the read side of {@link EventStore}). */
public interface EventRecords {

    /**
     * One page of the customer's events, newest first, in one read. A page holds at most {@code limit} events; with a
     * name it may hold fewer (even none) and still have a next position, as a read covers a bounded number of events.
     */
    EventsPage page(EventsQuery query);

    /** Whether {@code position} can be where a page of this query ended: within its time range, in the stored form. */
    boolean isPositionOf(EventsQuery query, String position);
}
