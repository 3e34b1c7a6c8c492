package dev.trackingapi.service;

import dev.trackingapi.model.EventsPage;
import dev.trackingapi.model.EventsQuery;
import dev.trackingapi.store.EventRecords;

/** A customer's events as stored, a page at a time, newest first: each page one read. */
public final class EventReader {
    private final EventRecords events;

    public EventReader(EventRecords events) {
        this.events = events;
    }

    public EventsPage page(EventsQuery query) {
        return events.page(query);
    }

    /** Whether a page of this query can continue from {@code position} (a position a page of it gave). */
    public boolean canContinueFrom(EventsQuery query, String position) {
        return events.isPositionOf(query, position);
    }
}
