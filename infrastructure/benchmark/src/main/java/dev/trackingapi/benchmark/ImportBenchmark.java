package dev.trackingapi.benchmark;

import dev.trackingapi.importer.ImportCli;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Figure 10: the importer (infrastructure/import) sending an NDJSON file of events to the local API, in its own JVM
 * on loopback with DynamoDB Local in memory, as a user runs both: events per second from its start to its summary,
 * and the events stored afterwards, which must be exactly the lines of the file.
 */
final class ImportBenchmark {
    private ImportBenchmark() {
    }

    record Result(int lines, double seconds, int exitCode, long stored, String summary) {
        double eventsPerSecond() {
            return lines / seconds;
        }
    }

    static Result run(Path repository, int lines, Path log) {
        TrafficMix mix = new TrafficMix(1_000, Math.max(1, lines / 1_000), 10);
        Path file;
        try {
            file = Files.createTempFile("batch-import-benchmark", ".ndjson");
            List<String> items = new ArrayList<>(lines);
            int eventsPerCustomer = Math.max(1, lines / mix.customers());
            for (int event = 0; event < eventsPerCustomer; event++) {
                for (int customer = 0; customer < mix.customers() && items.size() < lines; customer++) {
                    items.add("{\"type\":\"event\"," + mix.body(customer, event, 0).substring(1));
                }
            }
            Files.write(file, items, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (LocalApiProcess api = LocalApiProcess.start(repository, log)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long started = System.nanoTime();
            int exitCode = ImportCli.run(new String[]{"--url", api.baseUri().toString(), "--progress", "none",
                    "--checkpoint", file + ".checkpoint", "--rejected", file + ".rejected.ndjson", file.toString()},
                    Map.of("TRACKING_API_KEY", LocalApiProcess.KEY), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
            double seconds = (System.nanoTime() - started) / 1e9;
            try (DynamoDbClient dynamoDb = LocalDynamoDb.patientClient(api.dynamoDbEndpoint())) {
                return new Result(lines, seconds, exitCode, LoadRun.count(dynamoDb, LoadRun.EVENTS_TABLE, null),
                        out.toString(StandardCharsets.UTF_8).strip());
            }
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }
}
