package dev.trackingapi.importer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The importer against a scripted API: what it sends, sends again, never sends twice, and how it ends. */
class ImporterTest {
    private static final String KEY = "gtk_secret-key-that-must-never-show";

    @TempDir
    Path folder;

    record Run(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = ImportCli.run(args, Map.of(ImportCli.KEY_VARIABLE, KEY),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path ndjson(String name, List<String> lines) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> events(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add("{\"type\":\"event\",\"customerId\":\"c" + i % 7 + "\",\"name\":\"Viewed\",\"time\":" + i
                    + ",\"attributes\":{\"n\":" + i + "}}");
        }
        return lines;
    }

    private static List<Integer> numbers(List<JsonNode> items) {
        return items.stream().map(item -> item.path("attributes").path("n").asInt()).toList();
    }

    @Test
    void everyItemStored_exitsZero_withASummary_andLeavesNoCheckpoint() throws Exception {
        Path file = ndjson("events.ndjson", events(2_500));
        try (StubApi api = new StubApi((call, items) -> StubApi.Answer.of(200,
                StubApi.results(items, item -> "stored")))) {

            Run run = run("--url", api.url().toString(), file.toString());

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(api.batches()).extracting(List::size).containsExactlyInAnyOrder(1000, 1000, 500);
            assertThat(numbers(api.items())).doesNotHaveDuplicates().hasSize(2_500);
            assertThat(api.keys()).containsOnly(KEY);
            assertThat(run.out()).contains("Imported 2,500 items of events.ndjson").contains("stored        2,500")
                    .contains("rejected          0");
            assertThat(folder.resolve("events.ndjson.checkpoint")).doesNotExist();
            assertThat(run.all()).doesNotContain(KEY);
        }
    }

    @Test
    void unavailableItems_areSentAgainAlone_inOrder_afterRetryAfter_andStoredItemsNeverAgain() throws Exception {
        Path file = ndjson("events.ndjson", events(40));
        try (StubApi api = new StubApi((call, items) -> new StubApi.Answer(200, Map.of("retry-after", "1"),
                StubApi.results(items, item -> call == 0 && item.path("attributes").path("n").asInt() % 2 == 0
                        ? "unavailable" : "stored")))) {
            long started = System.nanoTime();

            Run run = run("--url", api.url().toString(), "--in-flight", "1", file.toString());

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(api.batches()).hasSize(2);
            assertThat(numbers(api.batches().get(1))).containsExactly(2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24,
                    26, 28, 30, 32, 34, 36, 38, 40);
            assertThat(System.nanoTime() - started).as("Retry-After: 1 was honoured").isGreaterThan(1_000_000_000L);
            assertThat(run.out()).contains("sent again       20");
        }
    }

    @Test
    void answers429And5xxAndLostAnswers_areRetriedWithTheWholeBatch_untilStored() throws Exception {
        Path file = ndjson("events.ndjson", events(30));
        try (StubApi api = new StubApi((call, items) -> switch (call) {
            case 0 -> new StubApi.Answer(429, Map.of("retry-after", "0"), "{\"message\":\"Too Many Requests\"}");
            case 1 -> StubApi.Answer.of(503, "{\"message\":\"Service Unavailable\"}");
            case 2 -> StubApi.Answer.of(500, "{\"type\":\"InternalError\",\"message\":\"x\",\"requestId\":\"r\"}");
            default -> StubApi.Answer.of(200, StubApi.results(items, item -> "stored"));
        })) {
            Run run = run("--url", api.url().toString(), file.toString());

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(api.batches()).hasSize(4).allSatisfy(batch -> assertThat(batch).hasSize(30));
        }
    }

    @Test
    void rejectedItems_andLinesThatCannotBeItems_goToTheRejectedFile_withTheirLinesAndReasons() throws Exception {
        List<String> lines = new ArrayList<>(events(5));
        lines.add(2, "{\"type\":\"event\",\"customerId\":\"c\",\"name\":\"Late\"}");
        lines.add("");
        lines.add("not json");
        lines.add("{\"type\":\"order\",\"id\":\"o-1\"}");
        lines.add("{\"type\":\"event\",\"a\":1,\"a\":2}");
        Path file = ndjson("mixed.ndjson", lines);
        try (StubApi api = new StubApi((call, items) -> StubApi.Answer.of(200,
                StubApi.results(items, item -> item.has("time") ? "stored" : "rejected")))) {

            Run run = run("--url", api.url().toString(), file.toString());

            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            assertThat(api.items()).hasSize(6);
            List<JsonNode> rejected = new ArrayList<>();
            for (String line : Files.readAllLines(folder.resolve("mixed.ndjson.rejected.ndjson"))) {
                rejected.add(StubApi.JSON.readTree(line));
            }
            assertThat(rejected).extracting(entry -> entry.get("line").asInt()).containsExactlyInAnyOrder(3, 8, 9, 10);
            JsonNode late = rejected.stream().filter(entry -> entry.get("line").asInt() == 3).findFirst().orElseThrow();
            assertThat(late.get("file").asText()).isEqualTo("mixed.ndjson");
            assertThat(late.get("item").get("name").asText()).isEqualTo("Late");
            assertThat(late.get("reasons").get(0).get("message").asText()).isEqualTo("time is required");
            assertThat(rejected).filteredOn(entry -> entry.get("line").asInt() == 8).singleElement()
                    .satisfies(entry -> assertThat(entry.get("text").asText()).isEqualTo("not json"));
            assertThat(rejected).filteredOn(entry -> entry.get("line").asInt() == 9).singleElement()
                    .satisfies(entry -> assertThat(entry.get("reasons").get(0).get("message").asText())
                            .isEqualTo("type must be one of [event, customer]"));
            assertThat(rejected).filteredOn(entry -> entry.get("line").asInt() == 10).singleElement()
                    .satisfies(entry -> assertThat(entry.get("reasons").get(0).get("message").asText())
                            .contains("Duplicate field 'a'"));
            assertThat(run.out()).contains("rejected          4  written with their line numbers and reasons to");
        }
    }

    @Test
    void aRefusedKey_stopsTheImport_keepingWhatWasAcknowledged_andResumeSendsOnlyTheRest() throws Exception {
        Path file = ndjson("events.ndjson", events(50));
        java.util.concurrent.atomic.AtomicBoolean keyRevoked = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (StubApi api = new StubApi((call, items) -> keyRevoked.get() && call >= 2
                ? StubApi.Answer.of(401, "{\"message\":\"Unauthorized\"}")
                : StubApi.Answer.of(200, StubApi.results(items, item -> "stored")))) {

            Run stopped = run("--url", api.url().toString(), "--batch-size", "10", "--in-flight", "1",
                    file.toString());

            assertThat(stopped.exitCode()).as(stopped.all()).isEqualTo(3);
            assertThat(stopped.out()).contains("the API refused the key (401 Unauthorized)")
                    .contains("stored           20").contains("not sent         30").contains("--resume");
            assertThat(stopped.all()).doesNotContain(KEY);
            assertThat(Files.readString(folder.resolve("events.ndjson.checkpoint"))).doesNotContain(KEY);

            keyRevoked.set(false);
            int before = api.batches().size();
            Run resumed = run("--url", api.url().toString(), "--resume", "--batch-size", "10", file.toString());

            assertThat(resumed.exitCode()).as(resumed.all()).isZero();
            List<JsonNode> resent = new ArrayList<>();
            api.batches().subList(before, api.batches().size()).forEach(resent::addAll);
            assertThat(numbers(resent)).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.rangeClosed(21, 50).boxed().toList());
            assertThat(resumed.err()).contains("resumed: 20 were acknowledged before");
            assertThat(resumed.out()).contains("stored           50");
        }
    }

    @Test
    void anApiThatStaysUnavailable_stopsTheImportAfterTheAttempts_toBeResumed() throws Exception {
        Path file = ndjson("events.ndjson", events(5));
        try (StubApi api = new StubApi((call, items) -> StubApi.Answer.of(503, "{\"message\":\"Service Unavailable\"}"))) {

            Run run = run("--url", api.url().toString(), "--max-attempts", "2", file.toString());

            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.out()).contains("the API answered 503 Service Unavailable, 2 times in a row");
            assertThat(api.batches()).hasSize(2);
            assertThat(folder.resolve("events.ndjson.checkpoint")).exists();
        }
    }

    @Test
    void aCustomersUpdate_waitsUntilItsEarlierUpdateInFlightIsAcknowledged() throws Exception {
        Path file = ndjson("customers.ndjson", List.of(
                "{\"type\":\"customer\",\"id\":\"c1\",\"attributes\":{\"plan\":\"silver\"}}",
                "{\"type\":\"event\",\"customerId\":\"c1\",\"name\":\"Viewed\",\"time\":1,\"attributes\":{}}",
                "{\"type\":\"customer\",\"id\":\"c2\",\"attributes\":{\"plan\":\"bronze\"}}",
                "{\"type\":\"customer\",\"id\":\"c1\",\"attributes\":{\"plan\":\"gold\"}}"));
        List<String> happened = Collections.synchronizedList(new ArrayList<>());
        try (StubApi api = new StubApi((call, items) -> {
            String what = items.get(0).path("attributes").path("plan").asText(items.get(0).path("type").asText());
            happened.add("received " + what);
            if (what.equals("silver")) {
                Thread.sleep(500);
            }
            happened.add("answered " + what);
            return StubApi.Answer.of(200, StubApi.results(items, item -> "stored"));
        })) {
            Run run = run("--url", api.url().toString(), "--batch-size", "1", "--in-flight", "4", file.toString());

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(happened.indexOf("received gold")).as(happened.toString())
                    .isGreaterThan(happened.indexOf("answered silver"));
            assertThat(happened.indexOf("received bronze")).as("other customers do not wait: " + happened)
                    .isLessThan(happened.indexOf("answered silver"));
        }
    }

    @Test
    void aCsvFileWithBadCells_isRejectedWhole_beforeAnythingIsSent_listingEveryCell() throws Exception {
        Path csv = folder.resolve("customers.csv");
        Files.writeString(csv, "Customer ID,Plan:string,Lifetime Value:number,Signed Up:date,Newsletter:boolean\n"
                + "c1,gold,12.5,2021-03-04,true\n"
                + "c2,silver,\"12,5\",2021-02-30,yes\n"
                + ",bronze,3,2021-01-01,false\n");
        try (StubApi api = new StubApi((call, items) -> StubApi.Answer.of(200,
                StubApi.results(items, item -> "stored")))) {

            Run run = run("--url", api.url().toString(), csv.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(api.batches()).isEmpty();
            assertThat(run.err()).contains("customers.csv: 4 problems; the file was rejected and nothing was sent:")
                    .contains("row 3, column C \"Lifetime Value:number\" (number): \"12,5\" is not a number")
                    .contains("row 3, column D \"Signed Up:date\" (date): \"2021-02-30\" is not a real calendar date")
                    .contains("row 3, column E \"Newsletter:boolean\" (boolean): \"yes\" is not a boolean")
                    .contains("row 4, column A \"Customer ID\" (the customer id): \"\" is not allowed to be empty");
        }
    }

    @Test
    void usageErrors_areOneLine_exitCode2_andNeverShowTheKey() throws Exception {
        Path file = ndjson("events.ndjson", events(1));
        Path text = folder.resolve("events.txt");
        Files.writeString(text, "x");

        assertThat(run("--url", "http://127.0.0.1:9", "--key", KEY, "--batch-siz", "5", file.toString()))
                .satisfies(run -> {
                    assertThat(run.exitCode()).isEqualTo(2);
                    assertThat(run.all()).contains("--batch-siz").doesNotContain(KEY);
                });
        assertThat(run("--url", "http://127.0.0.1:9", "--key=" + KEY, "--bogus", file.toString()).all())
                .doesNotContain(KEY);
        assertThat(run("--url", "ftp://example.com", file.toString()).err()).contains("--url must be an http(s)");
        assertThat(run("--url", "http://127.0.0.1:9", text.toString()).err()).contains("events.txt: name a file .ndjson");
        assertThat(run("--url", "http://127.0.0.1:9", "--resume", file.toString()).err())
                .contains("nothing to resume: no checkpoint at");
        assertThat(run("--url", "http://127.0.0.1:9", "--batch-size", "1001", file.toString()).err())
                .contains("--batch-size is 1 to 1000, not 1001");
        assertThat(ImportCli.run(new String[]{"--url", "http://127.0.0.1:9", file.toString()}, Map.of(),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), false))
                .as("no key").isEqualTo(2);
    }

    @Test
    void aCheckpointOfAnUnfinishedImport_mustBeResumed_andOnlyOnTheSameFiles() throws Exception {
        Path file = ndjson("events.ndjson", events(5));
        try (StubApi api = new StubApi((call, items) -> StubApi.Answer.of(503, "{\"message\":\"Service Unavailable\"}"))) {
            assertThat(run("--url", api.url().toString(), "--max-attempts", "1", file.toString()).exitCode())
                    .isEqualTo(3);

            assertThat(run("--url", api.url().toString(), file.toString()).err())
                    .contains("holds the progress of an unfinished import: pass --resume");
            Files.writeString(file, "{\"type\":\"event\"}\n", java.nio.file.StandardOpenOption.APPEND);
            assertThat(run("--url", api.url().toString(), "--resume", file.toString()).err())
                    .contains("is the progress of an import of other files, or of these files before they changed");
            assertThat(run("--url", "http://localhost:1", "--resume", file.toString()).err())
                    .contains("is the progress of an import to " + api.url());
        }
    }

    @Test
    void backoff_growsFromHalfASecond_toThirtySeconds_andIsNeverShorterThanRetryAfter() {
        assertThat(Importer.backoff(1, java.util.Optional.empty()).toMillis()).isBetween(375L, 625L);
        assertThat(Importer.backoff(3, java.util.Optional.empty()).toMillis()).isBetween(1_500L, 2_500L);
        assertThat(Importer.backoff(40, java.util.Optional.empty()).toMillis()).isBetween(22_500L, 37_500L);
        assertThat(Importer.backoff(1, java.util.Optional.of(java.time.Duration.ofSeconds(5))).toMillis())
                .isEqualTo(5_000L);
    }
}
