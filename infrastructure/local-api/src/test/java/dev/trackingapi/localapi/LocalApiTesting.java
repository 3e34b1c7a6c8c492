package dev.trackingapi.localapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trackingapi.store.dynamodb.DynamoDbClients;
import dev.trackingapi.template.CloudFormationYaml;
import dev.trackingapi.template.TemplateTables;
import dev.trackingapi.testing.StoredData;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Starting the local API in the test JVM, driving it over real HTTP, and reading DynamoDB with a client of its own. */
final class LocalApiTesting {
    static final Path ROOT = TemplateTables.findTemplate().orElseThrow().getParent();
    static final Path TEMPLATE = ROOT.resolve("template.yaml");
    static final Path EVENTS = ROOT.resolve("events");
    static final String KEY_HEADER = "x-growlytics-key";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalApiTesting() {
    }

    /** A started API and everything it printed. */
    record Running(LocalApi api, ByteArrayOutputStream output) implements AutoCloseable {
        String log() {
            return output.toString(StandardCharsets.UTF_8);
        }

        URI uri(String path) {
            return api.url().resolve(path);
        }

        @Override
        public void close() {
            api.close();
        }
    }

    /** A started API, a DynamoDB client of the test's own on its endpoint, and what the API stored, read through it. */
    record WithData(Running running, DynamoDbClient dynamoDb, StoredData stored) implements AutoCloseable {
        static WithData start(String... args) {
            Running running = LocalApiTesting.start(args);
            DynamoDbClient dynamoDb = sdkClient(running.api().dynamoDbEndpoint());
            return new WithData(running, dynamoDb, new StoredData(dynamoDb, running.api().tableNames()));
        }

        @Override
        public void close() {
            dynamoDb.close();
            running.close();
        }
    }

    /** What the command did: its exit code and its two output streams. */
    record Outcome(int exitCode, String out, String err, LocalApi api) {
    }

    static Running start(String... args) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        return new Running(LocalApi.start(Options.parse(args), new PrintStream(output, true, StandardCharsets.UTF_8),
                TestHandlers.ALL), output);
    }

    static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LocalApiMain.Started started = LocalApiMain.start(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), TestHandlers.ALL);
        return new Outcome(started.exitCode(), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8), started.api());
    }

    /** template.yaml with the test functions of test-functions.yaml added to its resources, written to directory. */
    @SuppressWarnings("unchecked")
    static Path templateWithTestFunctions(Path directory) {
        Map<String, Object> template = new LinkedHashMap<>(CloudFormationYaml.read(TEMPLATE));
        Map<String, Object> resources = new LinkedHashMap<>((Map<String, Object>) template.get("Resources"));
        try {
            resources.putAll(CloudFormationYaml.read(Path.of(LocalApiTesting.class.getResource("/test-functions.yaml")
                    .toURI())));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        template.put("Resources", resources);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Path file = directory.resolve("template.yaml");
        try {
            Files.writeString(file, new Yaml(options).dump(template), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A DynamoDB client of the test's own, as the aws CLI would be: only the endpoint in common with the API. */
    static DynamoDbClient sdkClient(URI endpoint) {
        return DynamoDbClients.create(endpoint, Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("someone", "else")));
    }

    /** The body and path of one of the events/ files. */
    static JsonNode eventFile(String name) {
        try {
            return JSON.readTree(EVENTS.resolve(name + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> post(Running running, String path, String key, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(running.uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header(KEY_HEADER, key);
        }
        if (contentType != null) {
            request.header("content-type", contentType);
        }
        return send(request.build());
    }

    static HttpResponse<String> get(Running running, String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(running.uri(path)).GET();
        if (key != null) {
            request.header(KEY_HEADER, key);
        }
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    static List<String> lines(String text) {
        return text.lines().filter(line -> !line.isBlank()).toList();
    }
}
