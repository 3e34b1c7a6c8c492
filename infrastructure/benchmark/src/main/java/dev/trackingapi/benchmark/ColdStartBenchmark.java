package dev.trackingapi.benchmark;

import dev.trackingapi.config.EnvironmentVariables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Figure 3: a fresh JVM with the Lambda runtime's flags, from process start to the first successful tracked event,
 * for four handlers in turn: a hello-world handler (the JVM's floor), the SDK floor ({@link SdkFloorHandler}: our
 * DynamoDB client and one PutItem, nothing else), ours (/track/event/v2 with its Lambda wiring from environment
 * variables, deployed classpath) and a baseline written the way typical AWS samples write one (Enhanced Client, the
 * SDK's default HTTP client and credential chain). Each writes to DynamoDB Local over loopback. The store is an
 * established one: a first, unmeasured run of ours registers the event's attribute types and creates the customer,
 * and every measured run of ours sends a new event of that name and customer, as a store that has been sending
 * events does when a new execution environment starts.
 */
public final class ColdStartBenchmark {
    static final String CHILD = "dev.trackingapi.baseline.ColdStartChild";
    static final String HELLO = "dev.trackingapi.baseline.HelloWorldHandler";
    static final String OURS = "dev.trackingapi.entrypoints.TrackEventV2Handler";
    static final String BASELINE = "dev.trackingapi.baseline.BaselineTrackEventHandler";
    static final String SDK_FLOOR = SdkFloorHandler.class.getName();

    private ColdStartBenchmark() {
    }

    public record Result(Percentiles hello, Percentiles sdkFloor, Percentiles ours, Percentiles baseline) {
        public double oursOverBaseline() {
            return ours.medianMillis() / baseline.medianMillis();
        }

        public double sdkFloorOverBaseline() {
            return sdkFloor.medianMillis() / baseline.medianMillis();
        }
    }

    public static Result run(LocalDynamoDb dynamoDb, Path repository, int runs) {
        Map<String, String> environment = lambdaEnvironment(dynamoDb);
        String ourClasspath = Classpaths.functions(repository, Classpaths.baselineClasses(repository));
        String baselineClasspath = Classpaths.baseline(repository);
        String sdkFloorClasspath = Classpaths.functionsWithHarness(repository);
        String project = "cold-" + UUID.randomUUID().toString().substring(0, 8);
        int eventNames = TrafficMix.EVENT_NAMES.size();
        TrafficMix mix = new TrafficMix(1, eventNames * (runs + 1), 10);
        once(ourClasspath, OURS, mix, 0, project, environment);
        long[] hello = new long[runs];
        long[] sdkFloor = new long[runs];
        long[] ours = new long[runs];
        long[] baseline = new long[runs];
        for (int run = 0; run < runs; run++) {
            int event = eventNames * (run + 1);
            hello[run] = once(baselineClasspath, HELLO, mix, event, project, environment);
            sdkFloor[run] = once(sdkFloorClasspath, SDK_FLOOR, mix, event + 1, project, environment);
            ours[run] = once(ourClasspath, OURS, mix, event, project, environment);
            baseline[run] = once(baselineClasspath, BASELINE, mix, event + 2, project, environment);
        }
        return new Result(Percentiles.of(hello), Percentiles.of(sdkFloor), Percentiles.of(ours),
                Percentiles.of(baseline));
    }

    /** What Lambda gives a function: region, credentials, and the template's variables (here pointing at Local). */
    static Map<String, String> lambdaEnvironment(LocalDynamoDb dynamoDb) {
        Map<String, String> environment = new HashMap<>();
        environment.put(EnvironmentVariables.AWS_REGION, "us-east-1");
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_SESSION_TOKEN", "local");
        environment.put(EnvironmentVariables.DYNAMODB_ENDPOINT, dynamoDb.server().endpoint().toString());
        environment.put(EnvironmentVariables.EVENTS_TABLE, dynamoDb.tables().events());
        environment.put(EnvironmentVariables.CUSTOMERS_TABLE, dynamoDb.tables().customers());
        environment.put(EnvironmentVariables.ATTRIBUTE_TYPES_TABLE, dynamoDb.tables().attributeTypes());
        return environment;
    }

    private static long once(String classpath, String handler, TrafficMix mix, int event, String project,
                             Map<String, String> environment) {
        Path body = bodyFile(mix.body(0, event, 0));
        try {
            ChildJvm.Outcome outcome = ChildJvm.run(classpath, CHILD,
                    List.of(handler, body.toString(), project, "cold-" + UUID.randomUUID()), environment, "STATUS ");
            if (!outcome.line().equals("STATUS 200")) {
                throw new IllegalStateException(handler + " answered " + outcome.line());
            }
            return outcome.nanosToLine();
        } finally {
            deleteQuietly(body);
        }
    }

    static Path bodyFile(String body) {
        try {
            Path file = Files.createTempFile("event-body", ".json");
            Files.writeString(file, body, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }
}
