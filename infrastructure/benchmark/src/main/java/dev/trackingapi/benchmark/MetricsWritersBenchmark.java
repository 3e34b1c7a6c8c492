package dev.trackingapi.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Figures 3 and 4 for each way of writing metrics ({@link EmfWriters}): no metrics, the functions' own EMF lines, the
 * AWS EMF library, Powertools metrics. Every child JVM has the same classpath (the deployed functions, the harness and
 * both libraries' jars), so only the writer differs; the writers take turns within each round, in a rotated order, so
 * that a noisy moment of a shared machine falls on all of them.
 */
final class MetricsWritersBenchmark {
    private MetricsWritersBenchmark() {
    }

    /** One writer's runs: cold starts, and primed first requests with the warm p50 of the same JVM. */
    record Runs(long[] coldStart, long[] primedFirst, long[] warmP50) {
        Percentiles coldStartMillis() {
            return Percentiles.of(coldStart);
        }

        /** Figure 4 as the benchmark reads it: the median first request over the median warm p50. */
        double primedRatio() {
            return Percentiles.of(primedFirst).medianMillis() / Percentiles.of(warmP50).medianMillis();
        }

        /**
         * This writer's cold start minus another's, round by round (each round ran both back to back), sorted: the
         * cost of the writer with the machine's slow moments mostly cancelled out.
         */
        double[] coldStartDeltaMillis(Runs other) {
            double[] deltas = new double[coldStart.length];
            for (int i = 0; i < deltas.length; i++) {
                deltas[i] = (coldStart[i] - other.coldStart[i]) / 1e6;
            }
            java.util.Arrays.sort(deltas);
            return deltas;
        }

        /** Each run's own first ÷ warm, sorted: the spread of figure 4. */
        double[] runRatios() {
            double[] ratios = new double[primedFirst.length];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = (double) primedFirst[i] / warmP50[i];
            }
            java.util.Arrays.sort(ratios);
            return ratios;
        }
    }

    static Map<EmfWriters, Runs> run(LocalDynamoDb dynamoDb, Path repository, int rounds, int warmRequests) {
        Map<String, String> environment = ColdStartBenchmark.lambdaEnvironment(dynamoDb);
        environment.put(EmfWriters.LAMBDA_FUNCTION_NAME, "TrackEventV2Function");
        String classpath = Classpaths.functionsWithHarnessAndEmfLibraries(repository);
        String project = "writers-" + UUID.randomUUID().toString().substring(0, 8);
        int eventNames = TrafficMix.EVENT_NAMES.size();
        TrafficMix mix = new TrafficMix(1, eventNames * (rounds * EmfWriters.values().length + 2), 10);
        EmfWriters[] writers = EmfWriters.values();
        // The store is an established one: its types and customer exist before anything is measured.
        coldStart(classpath, EmfWriters.HAND_WRITTEN, mix, 0, project, environment);
        priming(classpath, EmfWriters.HAND_WRITTEN, project, 0, warmRequests, environment);
        Map<EmfWriters, List<long[]>> measured = new EnumMap<>(EmfWriters.class);
        int pass = 1;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < writers.length; i++) {
                EmfWriters writer = writers[(round + i) % writers.length];
                long cold = coldStart(classpath, writer, mix, eventNames * pass, project, environment);
                long[] primed = priming(classpath, writer, project, pass, warmRequests, environment);
                measured.computeIfAbsent(writer, w -> new ArrayList<>()).add(new long[]{cold, primed[0], primed[1]});
                pass++;
            }
        }
        Map<EmfWriters, Runs> runs = new EnumMap<>(EmfWriters.class);
        measured.forEach((writer, list) -> runs.put(writer, new Runs(
                list.stream().mapToLong(run -> run[0]).toArray(),
                list.stream().mapToLong(run -> run[1]).toArray(),
                list.stream().mapToLong(run -> run[2]).toArray())));
        return runs;
    }

    private static long coldStart(String classpath, EmfWriters writer, TrafficMix mix, int event, String project,
                                  Map<String, String> environment) {
        Path body = ColdStartBenchmark.bodyFile(mix.body(0, event, 0));
        try {
            ChildJvm.Outcome outcome = ChildJvm.run(classpath, MetricsWriterChild.class.getName(),
                    List.of(writer.label(), ColdStartBenchmark.OURS, body.toString(), project,
                            "cold-" + UUID.randomUUID()), environment, "STATUS ");
            if (!outcome.line().equals("STATUS 200")) {
                throw new IllegalStateException(writer.label() + " answered " + outcome.line());
            }
            return outcome.nanosToLine();
        } finally {
            ColdStartBenchmark.deleteQuietly(body);
        }
    }

    private static long[] priming(String classpath, EmfWriters writer, String project, int pass, int warmRequests,
                                  Map<String, String> environment) {
        return PrimingBenchmark.child(classpath, environment, project, pass, warmRequests, "primed", writer.label());
    }
}
