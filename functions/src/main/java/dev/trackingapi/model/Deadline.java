package dev.trackingapi.model;

import java.time.Clock;
import java.time.Instant;

/** When work that can be resumed later must stop, so that the answer saying how far it got still goes out in time. */
public final class Deadline {
    private static final Deadline NONE = new Deadline(null, Clock.systemUTC());

    private final Instant at;
    private final Clock clock;

    private Deadline(Instant at, Clock clock) {
        this.at = at;
        this.clock = clock;
    }

    /** No limit (outside Lambda, when nothing says how long the request may take). */
    public static Deadline none() {
        return NONE;
    }

    public static Deadline at(Instant at, Clock clock) {
        return new Deadline(at, clock);
    }

    public boolean passed() {
        return at != null && !clock.instant().isBefore(at);
    }

    @Override
    public String toString() {
        return at == null ? "no deadline" : "deadline " + at;
    }
}
