package dev.trackingapi.importer;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress: a bar redrawn in place on a terminal, plain lines otherwise, at a measured rate. */
class ProgressTest {
    private final AtomicLong now = new AtomicLong();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    private Progress progress(Progress.Mode mode, long total, long before) {
        return new Progress(mode, new PrintStream(written, true, StandardCharsets.UTF_8), total, before, 5_000,
                now::get);
    }

    private String written() {
        return written.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theBar_showsItemsRateEtaAndRejections_redrawnInPlace() {
        Progress progress = progress(Progress.Mode.BAR, 100_000, 0);

        now.set(10_000_000_000L);
        progress.update(25_000, 3);
        now.set(10_050_000_000L);
        progress.update(25_100, 3);
        progress.finish(100_000, 4);

        assertThat(written()).startsWith("\r[#######-----------------------]  25%  25,000/100,000 items  2,500 items/s"
                + "  ETA 0:30  rejected 3\u001b[K");
        assertThat(written()).as("at most ten redraws a second").doesNotContain("25,100");
        assertThat(written()).endsWith("\r[##############################] 100%  100,000/100,000 items  9,950 items/s"
                + "  ETA 0:00  rejected 4\u001b[K" + System.lineSeparator());
    }

    @Test
    void plainLines_comeEveryFewSeconds_andCountOnlyThisRunsItemsInTheRate() {
        Progress progress = progress(Progress.Mode.LINES, 10_000, 4_000);

        now.set(1_000_000_000L);
        progress.update(4_500, 0);
        now.set(6_000_000_000L);
        progress.update(7_000, 1);
        progress.finish(10_000, 1);

        assertThat(written()).isEqualTo("progress: 7,000 of 10,000 items (70%), 500 items/s, ETA 0:06, rejected 1"
                + System.lineSeparator());
    }

    @Test
    void durations_readAsClockTimes() {
        assertThat(Progress.duration(59)).isEqualTo("0:59");
        assertThat(Progress.duration(3_725)).isEqualTo("1:02:05");
    }
}
