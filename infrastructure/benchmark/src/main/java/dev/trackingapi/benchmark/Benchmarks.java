package dev.trackingapi.benchmark;

import dev.trackingapi.service.BatchTracker;
import dev.trackingapi.service.CustomerProfiles;
import dev.trackingapi.template.TemplateTables;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the benchmarks and prints their figures beside the targets, with the machine they ran on.
 * {@code run.sh} builds and starts it. Options: {@code --quick} runs smaller sizes (a smoke test of the harness, not
 * figures); {@code --figures 3,4} runs only those figures (all ten by default); {@code --metrics-writers}
 * compares figures 3 and 4 across the ways of writing metrics (none, the functions' EMF lines, the AWS EMF library,
 * Powertools), alone.
 */
public final class Benchmarks {
    private static final Set<Integer> ALL_FIGURES = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

    private Benchmarks() {
    }

    public static void main(String[] args) {
        // As template.yaml sets it for the batch function (figure 9): a keep-alive connection for each of its
        // concurrent calls. The single routes never hold more than two connections, so it changes nothing for them.
        System.setProperty("http.maxConnections", "32");
        boolean quick = false;
        boolean metricsWriters = false;
        Set<Integer> figures = ALL_FIGURES;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                quick = true;
            } else if (args[i].equals("--metrics-writers")) {
                metricsWriters = true;
            } else if (args[i].equals("--figures") && i + 1 < args.length) {
                try {
                    figures = figures(args[++i]);
                } catch (IllegalArgumentException e) {
                    System.err.println(e.getMessage());
                    System.exit(2);
                }
            } else {
                System.err.println("usage: run.sh [--quick] [--figures N,N...] [--metrics-writers]  (unknown argument: "
                        + args[i] + ")");
                System.exit(2);
            }
        }
        Path repository = TemplateTables.findTemplate().map(Path::getParent)
                .orElseThrow(() -> new IllegalStateException("run from inside the repository"));
        System.out.println(machine());
        System.out.println();
        if (metricsWriters) {
            try (LocalDynamoDb dynamoDb = LocalDynamoDb.start()) {
                metricsWriters(dynamoDb, repository, quick ? 2 : 15, 300);
            }
            return;
        }
        if (figures.stream().anyMatch(figure -> figure <= 4 || figure == 7 || figure == 9)) {
            try (LocalDynamoDb dynamoDb = LocalDynamoDb.start()) {
                if (figures.contains(1)) {
                    requestCounts(dynamoDb, quick ? new TrafficMix(50, 5, 10) : new TrafficMix(1000, 20, 10));
                }
                if (figures.contains(2)) {
                    handlerOverhead(dynamoDb, quick ? 500 : 3000, quick ? 1000 : 5000);
                }
                if (figures.contains(3)) {
                    coldStart(dynamoDb, repository, quick ? 3 : 7);
                }
                if (figures.contains(4)) {
                    priming(dynamoDb, repository, quick ? 3 : 11, 300);
                }
                if (figures.contains(7)) {
                    readCosts(dynamoDb, quick ? new TrafficMix(5, 30, 10) : new TrafficMix(20, 60, 10));
                }
                if (figures.contains(9)) {
                    batches(dynamoDb, quick ? new TrafficMix(100, 20, 10) : new TrafficMix(1_000, 100, 10), 500,
                            quick ? 2 : 5);
                }
            }
        }
        if (figures.contains(5)) {
            localApi(repository, 8, Duration.ofSeconds(quick ? 10 : 60));
        }
        if (figures.contains(6)) {
            artifact(repository);
        }
        if (figures.contains(8)) {
            try (LocalDynamoDb dynamoDb = LocalDynamoDb.start()) {
                erasure(dynamoDb, quick ? 5_000 : 50_000);
            }
        }
        if (figures.contains(10)) {
            importer(repository, quick ? 5_000 : 100_000);
        }
    }

    /** The figures of a "--figures" list such as "3,4": numbers from 1 to 10, comma-separated. */
    static Set<Integer> figures(String list) {
        Set<Integer> figures = new TreeSet<>();
        for (String figure : list.split(",")) {
            try {
                figures.add(Integer.parseInt(figure.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(notFigures(list), e);
            }
        }
        if (!ALL_FIGURES.containsAll(figures)) {
            throw new IllegalArgumentException(notFigures(list));
        }
        return figures;
    }

    private static String notFigures(String list) {
        return "--figures takes numbers from 1 to 10, comma-separated, not: " + list;
    }

    private static void requestCounts(LocalDynamoDb dynamoDb, TrafficMix mix) {
        long started = System.nanoTime();
        RequestCountBenchmark.Result result = RequestCountBenchmark.run(dynamoDb, mix);
        System.out.printf(Locale.ROOT, "1. DynamoDB requests per tracked event (%d customers x %d events x %d attributes, %.0f s)%n",
                mix.customers(), mix.events() / mix.customers(), mix.attributesPerEvent(), (System.nanoTime() - started) / 1e9);
        for (var pass : new Object[][]{{"first pass", result.first()}, {"steady state", result.steady()}}) {
            RequestCountBenchmark.Pass figures = (RequestCountBenchmark.Pass) pass[1];
            System.out.printf(Locale.ROOT, "   %-13s writes %.4f  reads %.4f (%d of the erasure count)  write units %.4f  item"
                            + " bytes %.0f  failed conditions %d%n",
                    pass[0], figures.writesPerEvent(), figures.readsPerEvent(), figures.counts().erasureCountReads(),
                    figures.writeUnitsPerEvent(), figures.itemBytesPerEvent(), figures.counts().failedConditions());
        }
        RequestCounter.Counts steady = result.steady().counts();
        System.out.printf(Locale.ROOT, "   target: steady <= 1.02 writes and 0 reads per event (beyond the erasure count's,"
                        + " one per %d s): %s; first pass <= %d writes (events + new customers + new attributes): %s"
                        + " (%d)%n", CustomerProfiles.TRUST_WINDOW.toSeconds(),
                verdict(result.steady().writesPerEvent() <= 1.02
                        && steady.readRequests() == steady.erasureCountReads()),
                result.firstPassWriteAllowance(),
                verdict(result.first().counts().writeRequests() <= result.firstPassWriteAllowance()),
                result.first().counts().writeRequests());
    }

    private static void readCosts(LocalDynamoDb dynamoDb, TrafficMix mix) {
        List<ReadCostBenchmark.Route> routes = ReadCostBenchmark.run(dynamoDb, mix);
        System.out.printf(Locale.ROOT, "7. DynamoDB reads per call of the read routes (%d customers x %d events x %d"
                + " attributes; read units as billed eventually consistent, computed from item sizes)%n",
                mix.customers(), mix.events() / mix.customers(), mix.attributesPerEvent());
        for (ReadCostBenchmark.Route route : routes) {
            System.out.printf(Locale.ROOT, "   %-58s reads %.2f  read units %.2f  (%d calls)%n", route.name(),
                    route.readsPerCall(), route.readUnitsPerCall(), route.calls());
        }
        boolean oneReadEach = routes.stream().filter(route -> !route.name().contains("first call"))
                .allMatch(route -> route.readsPerCall() == 1.0);
        System.out.printf(Locale.ROOT, "   target: one read request per call (profile in steady state, events page,"
                + " schema of a small project): %s%n", verdict(oneReadEach));
    }

    private static void handlerOverhead(LocalDynamoDb dynamoDb, int warmUp, int measured) {
        HandlerOverheadBenchmark.Result result = HandlerOverheadBenchmark.run(dynamoDb, warmUp, measured);
        System.out.printf(Locale.ROOT, "2. Handler overhead (%d warm requests each, alternating)%n", measured);
        System.out.printf(Locale.ROOT, "   /track/event/v2 handler  p50 %.3f ms  p99 %.3f ms%n", result.handler().p50Millis(),
                result.handler().p99Millis());
        System.out.printf(Locale.ROOT, "   bare PutItem             p50 %.3f ms  p99 %.3f ms%n", result.barePutItem().p50Millis(),
                result.barePutItem().p99Millis());
        System.out.printf(Locale.ROOT, "   ratio p50 %.3f  p99 %.3f   target p50 <= 1.15: %s%n", result.p50Ratio(),
                result.p99Ratio(), verdict(result.p50Ratio() <= 1.15));
    }

    private static void coldStart(LocalDynamoDb dynamoDb, Path repository, int runs) {
        ColdStartBenchmark.Result result = ColdStartBenchmark.run(dynamoDb, repository, runs);
        System.out.printf(Locale.ROOT, "3. Cold start to the first tracked event (fresh JVM, %s; median of %d)%n",
                String.join(" ", ChildJvm.LAMBDA_FLAGS), runs);
        System.out.printf(Locale.ROOT, "   hello-world handler (JVM floor)       %.0f ms%n", result.hello().medianMillis());
        System.out.printf(Locale.ROOT, "   SDK floor (our client, one PutItem)   %.0f ms  (%.2f x baseline)%n",
                result.sdkFloor().medianMillis(), result.sdkFloorOverBaseline());
        System.out.printf(Locale.ROOT, "   ours (/track/event/v2)                %.0f ms%n", result.ours().medianMillis());
        System.out.printf(Locale.ROOT, "   baseline (Enhanced Client)            %.0f ms%n", result.baseline().medianMillis());
        System.out.printf(Locale.ROOT, "   ours / baseline %.2f   target <= 0.6: %s%n", result.oursOverBaseline(),
                verdict(result.oursOverBaseline() <= 0.6));
    }

    private static void priming(LocalDynamoDb dynamoDb, Path repository, int runs, int warm) {
        PrimingBenchmark.Result result = PrimingBenchmark.run(dynamoDb, repository, runs, warm);
        System.out.printf(Locale.ROOT, "4. Priming (fresh JVM per run, median of %d; warm p50 over %d requests)%n", runs, warm);
        System.out.printf(Locale.ROOT, "   first request after priming   %.2f ms  (%.2f x warm p50)%n",
                result.primedFirst().medianMillis(), result.primedRatio());
        System.out.printf(Locale.ROOT, "   first request without priming %.2f ms  (%.2f x warm p50)%n",
                result.unprimedFirst().medianMillis(), result.unprimedRatio());
        System.out.printf(Locale.ROOT, "   warm p50 %.3f ms   target <= 2: %s%n", result.warmP50().medianMillis(),
                verdict(result.primedRatio() <= 2));
    }

    private static void metricsWriters(LocalDynamoDb dynamoDb, Path repository, int rounds, int warm) {
        var runs = MetricsWritersBenchmark.run(dynamoDb, repository, rounds, warm);
        MetricsWritersBenchmark.Runs none = runs.get(EmfWriters.NONE);
        System.out.printf(Locale.ROOT, "Metrics writers: figures 3 and 4 per writer (fresh JVMs, %d rounds, writers"
                + " alternating; warm p50 over %d requests)%n", rounds, warm);
        System.out.printf(Locale.ROOT, "   %-13s %-26s %-34s %s%n", "writer", "3. cold start ms: median",
                "minus none, same round: median [IQR]", "4. first / warm p50: ratio of medians [IQR of runs]");
        runs.forEach((writer, run) -> {
            double[] deltas = run.coldStartDeltaMillis(none);
            double[] ratios = run.runRatios();
            System.out.printf(Locale.ROOT, "   %-13s %6.0f [%4.0f-%4.0f]%9s %+6.0f [%+5.0f %+5.0f]%15s %.2f [%.2f-%.2f]"
                            + "  (first %.2f ms, warm %.3f ms)%n",
                    writer.label(), run.coldStartMillis().medianMillis(), quartile(run.coldStart(), 1) / 1e6,
                    quartile(run.coldStart(), 3) / 1e6, "", deltas[deltas.length / 2], deltas[deltas.length / 4],
                    deltas[deltas.length * 3 / 4], "", run.primedRatio(), ratios[ratios.length / 4],
                    ratios[ratios.length * 3 / 4], Percentiles.of(run.primedFirst()).medianMillis(),
                    Percentiles.of(run.warmP50()).medianMillis());
        });
    }

    private static double quartile(long[] values, int quarter) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length * quarter / 4];
    }

    private static void localApi(Path repository, int clients, Duration duration) {
        Path log;
        try {
            log = Files.createTempFile("local-api-benchmark", ".log");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        LoadRun.Result result;
        try (LocalApiProcess api = LocalApiProcess.start(repository, log)) {
            result = LoadRun.run(api, clients, duration, 3);
        }
        System.out.println("5. Local API throughput (loopback HTTP, the local API in its own JVM with DynamoDB Local in memory)");
        System.out.println("   " + LoadTest.report(result, clients).replace("\n", "\n   "));
        System.out.printf(Locale.ROOT, "   no 5xx: %s; acknowledged == stored: %s%n", result.serverErrors() == 0,
                result.consistent());
    }

    private static void artifact(Path repository) {
        ArtifactSize.Result result = ArtifactSize.measure(repository);
        System.out.printf(Locale.ROOT, "6. Deployment package of functions/: %.2f MB zipped (%d dependency jars)%n",
                result.megabytes(), result.dependencyJars());
    }

    private static void batches(LocalDynamoDb dynamoDb, TrafficMix mix, int batchSize, int largest) {
        long started = System.nanoTime();
        BatchBenchmark.Result result = BatchBenchmark.run(dynamoDb, mix, batchSize);
        System.out.printf(Locale.ROOT, "9. Batches of %d against single requests: %,d events (%d customers x %d events x %d"
                        + " attributes) each way, steady state, in turn (%.0f s)%n", batchSize, mix.events(),
                mix.customers(), mix.events() / mix.customers(), mix.attributesPerEvent(),
                (System.nanoTime() - started) / 1e9);
        for (var mode : new Object[][]{{"single", result.single()}, {"batch", result.batch()}}) {
            BatchBenchmark.Mode figures = (BatchBenchmark.Mode) mode[1];
            System.out.printf(Locale.ROOT, "   %-7s writes %.4f  write units %.4f  reads %.4f  handler %.3f ms/event"
                            + "  API Gateway requests %,d  cost $%.2f per million events%n", mode[0],
                    figures.writesPerEvent(), figures.writeUnitsPerEvent(), figures.readsPerEvent(),
                    figures.handlerMillisPerEvent(), figures.meteredRequests(), figures.costPerMillionEvents());
        }
        System.out.printf(Locale.ROOT, "   DynamoDB Local's floor, the batch's PutItems made again and nothing else: %.3f ms"
                        + " each one at a time, %.3f ms each %d at a time (batch handler = %.2f x this floor)%n",
                result.floorOne(), result.floorBatch(), BatchTracker.MAX_CONCURRENT_CUSTOMERS,
                result.batch().handlerMillisPerEvent() / result.floorBatch());
        System.out.printf(Locale.ROOT, "   the handlers' own work, DynamoDB answering at once: single %.3f ms/event (CPU %.3f),"
                        + " batch %.3f ms/event (CPU %.3f)%n", result.ownSingle().handlerMillisPerEvent(),
                result.ownSingle().cpuMillisPerEvent(), result.ownBatch().handlerMillisPerEvent(),
                result.ownBatch().cpuMillisPerEvent());
        boolean sameWrites = result.batch().counts().writeRequests() == result.single().counts().writeRequests()
                && result.batch().counts().writeUnits() == result.single().counts().writeUnits();
        System.out.printf(Locale.ROOT, "   target: the same writes and write units per event as single requests: %s;"
                        + " handler time batch / single %.3f <= 0.25: %s; batch cost <= $0.80: %s%n", verdict(sameWrites),
                result.handlerTimeRatio(), verdict(result.handlerTimeRatio() <= 0.25),
                verdict(result.batch().costPerMillionEvents() <= 0.80));
        List<Double> thousand = BatchBenchmark.largestBatchMillis(dynamoDb, new TrafficMix(1_000, 1, 10), largest);
        System.out.printf(Locale.ROOT, "   batches of 1,000 items (new events of known customers): %s ms; the function's"
                        + " timeout is 10,000 ms, items start at most until 3,500 ms%n",
                String.join(", ", thousand.stream().map(ms -> String.format(Locale.ROOT, "%,.0f", ms)).toList()));
    }

    private static void importer(Path repository, int lines) {
        Path log;
        try {
            log = Files.createTempFile("import-benchmark", ".log");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        ImportBenchmark.Result result = ImportBenchmark.run(repository, lines, log);
        System.out.printf(Locale.ROOT, "10. Importer against the local API (its own JVM, loopback, DynamoDB Local in"
                + " memory): %,d-line NDJSON file of events%n", lines);
        System.out.printf(Locale.ROOT, "   %,.0f events/s (%.1f s), exit code %d; events stored %,d: %s%n",
                result.eventsPerSecond(), result.seconds(), result.exitCode(), result.stored(),
                result.stored() == lines ? "the same count" : "MISSED");
        System.out.println("   " + result.summary().replace("\n", "\n   "));
    }

    private static void erasure(LocalDynamoDb dynamoDb, int events) {
        ErasureBenchmark.Result result = ErasureBenchmark.run(dynamoDb, events);
        System.out.printf(Locale.ROOT, "8. Erasure of one customer with %,d events (the real eraser on DynamoDB Local,"
                + " trust window shortened to %d ms)%n", events, ErasureBenchmark.TRUST_WINDOW.toMillis());
        System.out.printf(Locale.ROOT, "   %.1f s in %d call(s): %,.0f events erased per second%n",
                result.elapsed().toNanos() / 1e9, result.calls(), result.eventsPerSecond());
        System.out.printf(Locale.ROOT, "   %d write requests (%.4f per event), %d read requests (%.4f per event: the"
                        + " pages), %d write units%n", result.counts().writeRequests(), result.writeRequestsPerEvent(),
                result.counts().readRequests(), result.readRequestsPerEvent(), result.counts().writeUnits());
        System.out.printf(Locale.ROOT, "   target <= 0.05 requests per event beyond reading the pages: %s%n",
                verdict(result.writeRequestsPerEvent() <= 0.05));
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (Exception ignored) {
            // not Linux: the CPU stays unnamed
        }
        return String.format(Locale.ROOT, "Machine: %s, %d cores, %s %s; Java %s (%s)", cpu,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }
}
