package dev.trackingapi.localapi;

import dev.trackingapi.config.TableNames;
import dev.trackingapi.testing.StoredData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.trackingapi.localapi.LocalApiTesting.post;
import static org.assertj.core.api.Assertions.assertThat;

/** Data survives a stop and a start on the same data directory, including a stop by signal mid-request. */
class RestartIT {
    private static final Pattern URL_LINE = Pattern.compile("URL\\s+(http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path directory;

    @Test
    void restartOnTheSameDataDirectory_keepsTheData_andTheDevKey() {
        Path data = directory.resolve("data");
        String customer = "restart-" + UUID.randomUUID();
        String devKey;
        try (LocalApiTesting.Running first = startOn(data)) {
            devKey = first.api().keys().get(0).key();
            assertThat(post(first, "/track/event/v2", devKey, "application/json", event(customer, "First"))
                    .statusCode()).isEqualTo(200);
        }
        assertThat(data.resolve(LocalKeys.DEV_KEY_FILE)).content().isEqualToIgnoringNewLines(devKey);

        try (LocalApiTesting.Running second = startOn(data)) {
            assertThat(second.api().keys()).singleElement()
                    .satisfies(key -> assertThat(key.key()).isEqualTo(devKey));
            assertThat(post(second, "/track/event/v2", devKey, "application/json", event(customer, "Second"))
                    .statusCode()).isEqualTo(200);

            assertThat(storedEventNames(second.api().dynamoDbEndpoint(), second.api().tableNames(), "local", customer))
                    .containsExactlyInAnyOrder("First", "Second");
        }
    }

    @Test
    void sigterm_answersTheRequestInFlight_thenStopsDynamoDbLocal_andNothingAcknowledgedIsLost() throws Exception {
        Path template = LocalApiTesting.templateWithTestFunctions(Files.createDirectories(directory.resolve("t")));
        Path data = directory.resolve("data");
        String key = "gtk_restart_it_signal_000000000000000000";
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TestHandlers.class.getName(),
                "--template", template.toString(), "--data-dir", data.toString(), "--port", "0",
                "--dynamodb-port", "0", "--api-key", "shop:" + key)
                .redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<URI> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                    Matcher matcher = URL_LINE.matcher(line);
                    if (matcher.find()) {
                        url.complete(URI.create(matcher.group(1)));
                    }
                }
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
            url.completeExceptionally(new IllegalStateException("exited before it started: " + output));
        });
        reader.start();
        try {
            URI base = url.get(60, TimeUnit.SECONDS);
            String customer = "signal-" + UUID.randomUUID();

            CompletableFuture<HttpResponse<String>> inFlight = LocalApiTesting.HTTP.sendAsync(
                    HttpRequest.newBuilder(base.resolve("/slow/track/event/v2")).header("x-growlytics-key", key)
                            .header("content-type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(event(customer, "Slow"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(SlowTrackEventHandler.DELAY_MILLIS / 3);
            // SIGTERM, as Ctrl-C's SIGINT runs the same shutdown; Process.destroy() would also close our end of stdout.
            process.toHandle().destroy();

            HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            String printed = String.join("\n", output);
            assertThat(process.exitValue()).as(printed).isEqualTo(143);
            assertThat(printed).contains("Stopping: no new requests; answering 1 in flight")
                    .containsPattern("POST /slow/track/event/v2 200 \\d+ ms")
                    .doesNotContain("Exception");
            assertThat(output.get(output.size() - 1)).startsWith("Stopped. Data kept in " + data);

            try (LocalApiTesting.Running restarted = LocalApiTesting.start("--template", template.toString(),
                    "--data-dir", data.toString(), "--port", "0", "--dynamodb-port", "0", "--api-key", "shop:" + key)) {
                assertThat(storedEventNames(restarted.api().dynamoDbEndpoint(), restarted.api().tableNames(), "shop",
                        customer)).containsExactly("Slow");
            }
        } finally {
            process.destroyForcibly();
        }
    }

    private static LocalApiTesting.Running startOn(Path data) {
        return LocalApiTesting.start("--data-dir", data.toString(), "--port", "0", "--dynamodb-port", "0");
    }

    private static String event(String customer, String name) {
        return "{\"customerId\":\"" + customer + "\",\"name\":\"" + name + "\",\"time\":1700000000000,"
                + "\"attributes\":[{\"name\":\"Amount\",\"value\":12.5,\"type\":\"number\"}]}";
    }

    private static List<String> storedEventNames(URI endpoint, TableNames tables, String project, String customer) {
        try (DynamoDbClient client = LocalApiTesting.sdkClient(endpoint)) {
            return new StoredData(client, tables).events(project, customer).stream()
                    .map(item -> item.get("name").s()).toList();
        }
    }
}
