package dev.trackingapi.benchmark;

import dev.trackingapi.template.TemplateTables;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The long load run of the reliability checks ({@code load.sh}): sustained concurrent clients against the local API
 * on loopback for a few minutes. Passes (exit 0) when no request got a 5xx, the acknowledged events and customers
 * are exactly what is stored, and the server's live heap after the warm-up does not grow.
 * Arguments: [--minutes M (default 3)] [--clients C (default 16)].
 */
public final class LoadTest {
    private static final double ALLOWED_HEAP_GROWTH_MB = 32;

    private LoadTest() {
    }

    public static void main(String[] args) throws Exception {
        double minutes = 3;
        int clients = 16;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: load.sh [--minutes M] [--clients C]");
                    System.exit(2);
                }
            }
        }
        Path repository = TemplateTables.findTemplate().map(Path::getParent)
                .orElseThrow(() -> new IllegalStateException("run from inside the repository"));
        Path log = Files.createTempFile("local-api-load", ".log");
        Duration duration = Duration.ofMillis((long) (minutes * 60_000));
        int heapSamples = Math.max(3, (int) (duration.toSeconds() / 30));
        LoadRun.Result result;
        try (LocalApiProcess api = LocalApiProcess.start(repository, log)) {
            result = LoadRun.run(api, clients, duration, heapSamples);
        }
        boolean flat = heapFlat(result);
        System.out.println(report(result, clients));
        System.out.printf(Locale.ROOT, "verdict: no 5xx %s, acknowledged == stored %s, live heap flat %s (server log: %s)%n",
                result.serverErrors() == 0, result.consistent(), flat, log);
        System.exit(result.serverErrors() == 0 && result.consistent() && flat ? 0 : 1);
    }

    /** After the warm-up (the first sample), the live heap may wobble but not climb. */
    static boolean heapFlat(LoadRun.Result result) {
        var heap = result.liveHeapMegabytes();
        double afterWarmUp = heap.get(Math.min(1, heap.size() - 1));
        return heap.get(heap.size() - 1) - afterWarmUp <= ALLOWED_HEAP_GROWTH_MB;
    }

    static String report(LoadRun.Result result, int clients) {
        StringBuilder heap = new StringBuilder();
        result.liveHeapMegabytes().forEach(mb -> heap.append(String.format(Locale.ROOT, "%.0f ", mb)));
        return String.format(Locale.ROOT, """
                        %d clients for %.0f s: %d requests, statuses %s
                           events acknowledged %d, stored %d; customers acknowledged %d, stored %d
                           %.0f events/s acknowledged; latency of 200s p50 %.2f ms, p99 %.2f ms
                           server live heap after full GC, MB, over the run: %s""",
                clients, result.seconds(), result.requests(), result.statuses(), result.acknowledgedEvents(),
                result.storedEvents(), result.acknowledgedCustomers(), result.storedCustomers(),
                result.eventsPerSecond(), result.latency().p50Millis(), result.latency().p99Millis(),
                heap.toString().trim());
    }
}
