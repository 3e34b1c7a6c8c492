package dev.trackingapi.model;

import java.util.List;

/** A page of events, newest first; {@code nextPosition} is where the next page starts, null after the last one. */
public record EventsPage(List<EventRecord> events, String nextPosition) {
}
