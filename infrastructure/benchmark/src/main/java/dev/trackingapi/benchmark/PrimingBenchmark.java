package dev.trackingapi.benchmark;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Figure 4: in one fresh JVM (per run), the SnapStart priming hook, then the first real request, divided by the warm
 * p50 of the same handler. The same without the hook shows what priming saves. The attribute types and the customer
 * already exist (as for a store that has been sending events), but the new JVM's caches are empty, as after a restore.
 */
public final class PrimingBenchmark {
    private static final String CRAC_STAND_IN = "dev.trackingapi.benchmark.crac";
    private PrimingBenchmark() {
    }

    public record Result(Percentiles primedFirst, Percentiles unprimedFirst, Percentiles warmP50) {
        public double primedRatio() {
            return primedFirst.medianMillis() / warmP50.medianMillis();
        }

        public double unprimedRatio() {
            return unprimedFirst.medianMillis() / warmP50.medianMillis();
        }
    }

    public static Result run(LocalDynamoDb dynamoDb, Path repository, int runs, int warmRequests) {
        Map<String, String> environment = ColdStartBenchmark.lambdaEnvironment(dynamoDb);
        String classpath = Classpaths.functionsWithHarness(repository);
        String project = "priming-" + UUID.randomUUID().toString().substring(0, 8);
        child(classpath, environment, project, 0, warmRequests, "unprimed");
        long[] primed = new long[runs];
        long[] unprimed = new long[runs];
        long[] warm = new long[runs];
        for (int run = 0; run < runs; run++) {
            long[] primedRun = child(classpath, environment, project, 1 + 2 * run, warmRequests, "primed");
            long[] unprimedRun = child(classpath, environment, project, 2 + 2 * run, warmRequests, "unprimed");
            primed[run] = primedRun[0];
            warm[run] = primedRun[1];
            unprimed[run] = unprimedRun[0];
        }
        return new Result(Percentiles.of(primed), Percentiles.of(unprimed), Percentiles.of(warm));
    }

    private static long[] child(String classpath, Map<String, String> environment, String project, int pass,
                                int warmRequests, String mode) {
        return child(classpath, environment, project, pass, warmRequests, mode, EmfWriters.HAND_WRITTEN.label());
    }

    /** @return the first request's and the warm p50's nanoseconds, with metrics written by {@code writer} */
    static long[] child(String classpath, Map<String, String> environment, String project, int pass,
                        int warmRequests, String mode, String writer) {
        ChildJvm.Outcome outcome = ChildJvm.run(List.of("-Dorg.crac.Core.Compat=" + CRAC_STAND_IN), classpath,
                PrimingChild.class.getName(),
                List.of(project, Integer.toString(pass), Integer.toString(warmRequests), mode, writer), environment,
                "PRIMING ");
        String[] parts = outcome.line().split(" ");
        return new long[]{Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    }
}
