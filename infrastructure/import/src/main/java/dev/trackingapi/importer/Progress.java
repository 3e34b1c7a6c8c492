package dev.trackingapi.importer;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How far the import is: a bar redrawn in place on a terminal (items, items/s, ETA, rejected so far), a plain line
 * every few seconds otherwise (a log, CI), or nothing.
 */
final class Progress {
    enum Mode { BAR, LINES, NONE }

    private static final int BAR_WIDTH = 30;
    private static final long BAR_EVERY_NANOS = 100_000_000L;

    private final Mode mode;
    private final PrintStream err;
    private final long total;
    private final long before;
    private final long linesEveryNanos;
    private final LongSupplier nanoTime;
    private final long started;
    private long lastShown;
    private boolean shown;

    /**
     * @param total  the items of the whole import
     * @param before the items acknowledged before this run (a resumed import)
     */
    Progress(Mode mode, PrintStream err, long total, long before, long linesEveryMillis, LongSupplier nanoTime) {
        this.mode = mode;
        this.err = err;
        this.total = total;
        this.before = before;
        this.linesEveryNanos = linesEveryMillis * 1_000_000L;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.lastShown = started;
    }

    /** After an answer: shows the progress when it is time to. */
    synchronized void update(long acknowledged, long rejected) {
        long now = nanoTime.getAsLong();
        if (mode == Mode.NONE || now - lastShown < (mode == Mode.BAR ? BAR_EVERY_NANOS : linesEveryNanos)) {
            return;
        }
        lastShown = now;
        show(acknowledged, rejected, now);
    }

    /** At the end: the bar at its last state, and the line ended. */
    synchronized void finish(long acknowledged, long rejected) {
        if (mode == Mode.BAR) {
            show(acknowledged, rejected, nanoTime.getAsLong());
            err.println();
        }
    }

    private void show(long acknowledged, long rejected, long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = (acknowledged - before) / seconds;
        long remaining = Math.max(0, total - acknowledged);
        String eta = rate <= 0 ? "--:--" : duration((long) Math.ceil(remaining / rate));
        int percent = total == 0 ? 100 : (int) (100 * acknowledged / total);
        if (mode == Mode.BAR) {
            int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * acknowledged / total);
            err.print(String.format(Locale.ROOT, "\r[%s%s] %3d%%  %,d/%,d items  %,.0f items/s  ETA %s  rejected %,d\u001b[K",
                    "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), percent, acknowledged, total, rate, eta,
                    rejected));
            err.flush();
            shown = true;
        } else {
            err.println(String.format(Locale.ROOT, "progress: %,d of %,d items (%d%%), %,.0f items/s, ETA %s,"
                    + " rejected %,d", acknowledged, total, percent, rate, eta, rejected));
        }
    }

    boolean shown() {
        return shown;
    }

    static String duration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
                seconds % 60) : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
