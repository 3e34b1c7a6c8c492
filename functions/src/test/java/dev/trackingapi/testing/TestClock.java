package dev.trackingapi.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves: set by hand, or moving on by a step each time it is read. */
public final class TestClock extends Clock {
    private final Duration stepPerRead;
    private Instant now;

    private TestClock(Instant start, Duration stepPerRead) {
        this.now = start;
        this.stepPerRead = stepPerRead;
    }

    /** Stands still until the test sets or advances it. */
    public static TestClock at(Instant start) {
        return new TestClock(start, Duration.ZERO);
    }

    /** Reads {@code start}, then {@code start + step}, and so on: for what should stop after a number of reads. */
    public static TestClock ticking(Instant start, Duration step) {
        return new TestClock(start, step);
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public synchronized Instant instant() {
        Instant read = now;
        now = now.plus(stepPerRead);
        return read;
    }

    @Override
    public ZoneOffset getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
