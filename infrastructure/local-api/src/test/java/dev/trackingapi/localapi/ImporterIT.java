package dev.trackingapi.localapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.testing.StoredData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * infrastructure/import/import.sh against the local API, as a user runs it: killed half-way and resumed, a CSV file
 * with bad cells, a customer list, and its progress on a terminal (a pseudo-terminal from util-linux's script) and
 * off one.
 */
class ImporterIT {
    private static final String KEY = "gtk_importer_it_project_key_0000000000000001";
    private static final String PROJECT = "imports";
    private static final Path IMPORT = LocalApiTesting.ROOT.resolve("infrastructure/import/import.sh");

    private static LocalApiTesting.WithData api;
    private static LocalApiTesting.Running running;
    private static StoredData stored;

    @TempDir
    Path folder;

    @BeforeAll
    static void start() {
        api = LocalApiTesting.WithData.start("--in-memory", "--port", "0", "--dynamodb-port", "0",
                "--api-key", PROJECT + ":" + KEY);
        running = api.running();
        stored = api.stored();
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    private ProcessBuilder importer(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(LocalApiTesting.ROOT.toFile());
        builder.environment().put("TRACKING_API_KEY", KEY);
        return builder;
    }

    private List<String> importCommand(String url, String... arguments) {
        List<String> command = new ArrayList<>(List.of(IMPORT.toString(), "--url", url));
        command.addAll(List.of(arguments));
        return command;
    }

    private record Finished(int exitCode, String output) {
    }

    private Finished run(ProcessBuilder builder) throws Exception {
        Path output = Files.createTempFile(folder, "output", ".txt");
        Process process = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the import ended").isTrue();
        return new Finished(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** Lines of customers c0..c99: events with an eventId, and every 50th line an update of a customer in turn. */
    private Path ndjson(String name, int lines, String run) throws IOException {
        List<String> text = new ArrayList<>(lines);
        for (int line = 1; line <= lines; line++) {
            String customer = run + "-c" + (line % 50 == 0 ? line / 50 : line) % 100;
            text.add(line % 50 == 0
                    ? "{\"type\":\"customer\",\"id\":\"" + customer + "\",\"attributes\":{\"line" + line + "\":" + line
                    + ",\"last\":" + line + "}}"
                    : "{\"type\":\"event\",\"eventId\":\"e-" + line + "\",\"customerId\":\"" + customer
                    + "\",\"name\":\"Imported\",\"time\":" + (1_700_000_000_000L + line) + ",\"attributes\":{\"Line\":"
                    + line + ",\"Page\":\"p" + line % 7 + "\"}}");
        }
        Path file = folder.resolve(name);
        Files.write(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** An HTTP proxy in front of the API that records the lines (the Line attribute) of every item sent through it. */
    private static final class RecordingProxy implements AutoCloseable {
        private final HttpServer server;
        private final List<Set<Integer>> requests = Collections.synchronizedList(new ArrayList<>());

        RecordingProxy(URI api) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Set<Integer> lines = new HashSet<>();
                for (JsonNode item : LocalApiTesting.JSON.readTree(body).path("batch")) {
                    lines.add(item.path("attributes").path("Line").asInt(item.path("attributes").path("last").asInt()));
                }
                requests.add(lines);
                HttpResponse<byte[]> answer;
                try {
                    answer = LocalApiTesting.HTTP.send(HttpRequest.newBuilder(api.resolve(exchange.getRequestURI()))
                            .header("x-growlytics-key", exchange.getRequestHeaders().getFirst("x-growlytics-key"))
                            .header("content-type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                answer.headers().firstValue("retry-after").ifPresent(value ->
                        exchange.getResponseHeaders().add("retry-after", value));
                exchange.getResponseHeaders().add("content-type", "application/json");
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        int requestCount() {
            return requests.size();
        }

        /** The lines sent in the requests from the n-th on. */
        List<Integer> linesSentFrom(int request) {
            List<Integer> lines = new ArrayList<>();
            synchronized (requests) {
                requests.subList(request, requests.size()).forEach(lines::addAll);
            }
            return lines;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static Set<Long> acknowledged(Path checkpoint) throws IOException {
        Set<Long> lines = new HashSet<>();
        for (JsonNode range : LocalApiTesting.JSON.readTree(checkpoint.toFile()).at("/files/0/acknowledged")) {
            for (long line = range.get(0).asLong(); line <= range.get(1).asLong(); line++) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void killedHalfWay_andResumed_storesEveryItemExactlyOnce_andNeverSendsAnAcknowledgedItemAgain() throws Exception {
        int lines = 12_000;
        String run = "kill";
        Path file = ndjson("orders.ndjson", lines, run);
        Path checkpoint = folder.resolve("orders.ndjson.checkpoint");
        try (RecordingProxy proxy = new RecordingProxy(running.uri("/"))) {
            Process first = importer(importCommand(proxy.url(), "--batch-size", "200", "--in-flight", "2",
                    "--progress-every", "1", file.toString())).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("first.txt").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline && (!Files.exists(checkpoint)
                    || LocalApiTesting.JSON.readTree(checkpoint.toFile()).path("stored").asLong() < lines / 4)) {
                assertThat(first.isAlive()).as("the import runs until killed: "
                        + Files.readString(folder.resolve("first.txt"))).isTrue();
                Thread.sleep(50);
            }
            first.destroyForcibly();
            assertThat(first.waitFor(1, TimeUnit.MINUTES)).isTrue();
            int requestsBeforeResume = proxy.requestCount();
            Set<Long> acknowledgedAtKill = acknowledged(checkpoint);
            assertThat(acknowledgedAtKill).as("killed half-way").hasSizeGreaterThanOrEqualTo(lines / 4)
                    .hasSizeLessThan(lines);
            assertThat(Files.readString(folder.resolve("first.txt"))).contains("progress: ");

            Finished resumed = run(importer(importCommand(proxy.url(), "--resume", "--batch-size", "200",
                    file.toString())));

            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            assertThat(resumed.output()).contains("resumed: ").contains("stored       12,000");
            List<Integer> sentAgain = proxy.linesSentFrom(requestsBeforeResume);
            assertThat(sentAgain).as("no acknowledged line is sent again")
                    .noneMatch(line -> acknowledgedAtKill.contains((long) line));
            assertThat(new HashSet<>(sentAgain)).hasSize(sentAgain.size());
        }
        assertThat(checkpoint).as("a finished import leaves no checkpoint").doesNotExist();
        Set<String> eventIds = new HashSet<>();
        int events = 0;
        for (int c = 0; c < 100; c++) {
            for (Map<String, AttributeValue> event : stored.events(PROJECT, run + "-c" + c)) {
                eventIds.add(event.get("eventId").s());
                events++;
            }
            Map<String, AttributeValue> profile = stored.profile(PROJECT, run + "-c" + c).orElseThrow();
            int last = 0;
            for (int line = 50; line <= lines; line += 50) {
                if (line / 50 % 100 == c) {
                    assertThat(profile.get("attr:line" + line)).as(run + "-c" + c + " line " + line)
                            .isEqualTo(AttributeValue.fromN(Integer.toString(line)));
                    last = line;
                }
            }
            if (last > 0) {
                assertThat(profile.get("attr:last")).as("the customer's last update in the file wins")
                        .isEqualTo(AttributeValue.fromN(Integer.toString(last)));
            }
        }
        assertThat(events).as("every event once").isEqualTo(lines - lines / 50).isEqualTo(eventIds.size());
    }

    @Test
    void aCsvFileWithCellsOfTheWrongType_isRejectedWhole_listingEveryBadCell_andNothingIsStored() throws Exception {
        Path csv = folder.resolve("customers.csv");
        Files.writeString(csv, "Customer ID,Plan:string,Lifetime Value:number,Signed Up:date,Newsletter:boolean\n"
                + "csv-bad-1,gold,12500.75,2021-03-04,true\n"
                + "csv-bad-2,silver,twelve,2021-03-04,false\n"
                + "csv-bad-3,bronze,3,04/03/2021,no\n");

        Finished finished = run(importer(importCommand(running.uri("/").toString().replaceAll("/$", ""),
                csv.toString())));

        assertThat(finished.exitCode()).isEqualTo(1);
        assertThat(finished.output()).contains("customers.csv: 3 problems; the file was rejected and nothing was sent:")
                .contains("row 3, column C \"Lifetime Value:number\" (number): \"twelve\"")
                .contains("row 4, column D \"Signed Up:date\" (date): \"04/03/2021\" must be a date")
                .contains("row 4, column E \"Newsletter:boolean\" (boolean): \"no\" is not a boolean")
                .doesNotContain(KEY);
        assertThat(stored.itemsWhoseKeyContains("csv-bad-")).isEmpty();
    }

    @Test
    void aCustomerList_isStoredWithItsDeclaredAndInferredTypes() throws Exception {
        Path csv = folder.resolve("list.csv");
        Files.writeString(csv, "id,name,Plan:string,Lifetime Value:number,Signed Up:date,Newsletter:boolean,Visits\n"
                + "csv-ok-1,Asha Rao,gold,12500.75,2021-03-04,true,3\n"
                + "csv-ok-2,\"Rao, Bea\",007,10,2021-03-05 10:00:00,FALSE,\n");

        Finished finished = run(importer(importCommand(running.uri("/").toString().replaceAll("/$", ""),
                csv.toString())));

        assertThat(finished.exitCode()).as(finished.output()).isZero();
        Map<String, AttributeValue> first = stored.profile(PROJECT, "csv-ok-1").orElseThrow();
        assertThat(first.get("name")).isEqualTo(AttributeValue.fromS("Asha Rao"));
        assertThat(first.get("attr:Lifetime Value")).isEqualTo(AttributeValue.fromN("12500.75"));
        assertThat(first.get("attr:Signed Up")).isEqualTo(AttributeValue.fromS("2021-03-04T00:00:00.000Z"));
        assertThat(first.get("attr:Newsletter")).isEqualTo(AttributeValue.fromBool(true));
        Map<String, AttributeValue> second = stored.profile(PROJECT, "csv-ok-2").orElseThrow();
        assertThat(second.get("attr:Plan")).isEqualTo(AttributeValue.fromS("007"));
        assertThat(second).doesNotContainKey("attr:Visits");
        assertThat(stored.registeredType(AttributeScope.customer(PROJECT), "Visits")).contains("number");
    }

    @Test
    void progress_isABarRedrawnInPlaceOnATerminal_andPlainLinesOffOne() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")),
                "util-linux's script is needed for a pseudo-terminal");
        Path file = ndjson("progress.ndjson", 2_000, "progress");
        String url = running.uri("/").toString().replaceAll("/$", "");
        String command = String.join(" ", importCommand(url, "--batch-size", "100", "--in-flight", "1",
                file.toString()).stream().map(argument -> "'" + argument + "'").toList());

        Finished onATerminal = run(importer(List.of("/usr/bin/script", "-q", "-e", "-c", command, "/dev/null")));

        assertThat(onATerminal.exitCode()).as(onATerminal.output()).isZero();
        assertThat(onATerminal.output()).contains("\r[").contains(" items/s  ETA ").contains("  rejected 0")
                .contains("100%  2,000/2,000 items").contains("Imported 2,000 items of progress.ndjson")
                .doesNotContain("progress: ");

        Files.delete(file);
        file = ndjson("progress.ndjson", 2_000, "progress");
        Finished offATerminal = run(importer(importCommand(url, "--batch-size", "100", "--in-flight", "1",
                "--progress-every", "1", file.toString())));

        assertThat(offATerminal.exitCode()).as(offATerminal.output()).isZero();
        assertThat(offATerminal.output()).doesNotContain("\r").contains("Imported 2,000 items of progress.ndjson");
    }
}
