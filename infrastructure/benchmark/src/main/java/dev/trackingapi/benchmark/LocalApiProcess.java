package dev.trackingapi.benchmark;

import dev.trackingapi.template.DynamoDbLocalServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local API as a user runs it (infrastructure/local-api/start.sh), in its own JVM on loopback with DynamoDB
 * Local in memory, so that its throughput and its memory are its own.
 */
final class LocalApiProcess implements AutoCloseable {
    static final String PROJECT = "load";
    static final String KEY = "gtk_load-test-key";

    private final Process process;
    private final int port;
    private final int dynamoDbPort;

    private LocalApiProcess(Process process, int port, int dynamoDbPort) {
        this.process = process;
        this.port = port;
        this.dynamoDbPort = dynamoDbPort;
    }

    static LocalApiProcess start(Path repository, Path log) {
        int port = DynamoDbLocalServer.freePort();
        int dynamoDbPort = DynamoDbLocalServer.freePort();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                repository.resolve("infrastructure/local-api/start.sh").toString(), "--in-memory",
                "--port", Integer.toString(port), "--dynamodb-port", Integer.toString(dynamoDbPort),
                "--api-key", PROJECT + ":" + KEY))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_OPTS", "-Xmx1g");
        try {
            LocalApiProcess api = new LocalApiProcess(builder.start(), port, dynamoDbPort);
            api.awaitHealthy(Duration.ofMinutes(5), log);
            return api;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the local API", e);
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    URI dynamoDbEndpoint() {
        return URI.create("http://127.0.0.1:" + dynamoDbPort);
    }

    /** start.sh execs java, so this is the JVM serving the API. */
    long pid() {
        return process.pid();
    }

    private void awaitHealthy(Duration timeout, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the local API exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(baseUri().resolve("/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException("the local API was not healthy within " + timeout + "; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
