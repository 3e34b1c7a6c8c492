package dev.trackingapi.model;

/**
 * One page of a customer's events, newest first.
 *
 * @param fromMillis    the earliest event time, inclusive
 * @param toMillis      the latest event time, exclusive
 * @param nameOrNull    only events of this name, or null for all
 * @param afterPosition where the previous page ended (a position {@link EventsPage#nextPosition()} gave), or null
 */
public record EventsQuery(String projectId, String customerId, long fromMillis, long toMillis, String nameOrNull,
                          int limit, String afterPosition) {
    /** The earliest time an event can have, and one past the latest: event times are epoch milliseconds. */
    public static final long MIN_TIME = 0;
    public static final long END_OF_TIME = Dates.MAX.toEpochMilli() + 1;
}
