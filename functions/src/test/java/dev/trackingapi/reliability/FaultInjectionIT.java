package dev.trackingapi.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.config.TableNames;
import dev.trackingapi.template.DynamoDbLocalServer;
import dev.trackingapi.template.TemplateTables;
import dev.trackingapi.template.TemplateTablesCreator;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.testing.FaultInjector;
import dev.trackingapi.testing.ResponseContract;
import dev.trackingapi.testing.StoredData;
import dev.trackingapi.testing.TestDynamoDb;
import dev.trackingapi.testing.TrackingApi.Response;
import dev.trackingapi.testing.TrackingApi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static dev.trackingapi.testing.TrackingApi.REST_API_CUSTOMER;
import static dev.trackingapi.testing.TrackingApi.REST_API_EVENT;
import static dev.trackingapi.testing.TrackingApi.TRACK_BATCH;
import static dev.trackingapi.testing.TrackingApi.TRACK_EVENT;
import static dev.trackingapi.testing.TrackingApi.TRACK_EVENT_V2;
import static dev.trackingapi.testing.TrackingApi.TRACK_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * DynamoDB failing under the API: throttling, 5xx, connection resets and timeouts injected into a fraction of the
 * attempts (before DynamoDB got them, or after it processed them and the answer was lost), and DynamoDB Local
 * stopped mid-run. Every answer is a 200 or a 503 with Retry-After and a JSON body, never a 500; replaying every
 * request that did not get a 200, as a client does, until it does leaves exactly one copy of each event and every
 * customer complete. Events on /rest-api/event carry an eventId: without one (and without a time) a replay is a
 * new event by design, its time being its receive time.
 */
class FaultInjectionIT {
    private static final int ENVIRONMENTS = 8;
    private static final int REQUESTS_PER_ROUTE = 64;
    private static final int CUSTOMERS = 16;
    private static final int MAX_REPLAY_ROUNDS = 40;
    private static final long SEED = 20260120L;
    /**
     * Receive times are fixed, so that the DynamoDB requests, and so the faults the seed chooses for them, are the
     * same from run to run (up to which environment is first to register a type or create a customer).
     */
    private static final Instant FIRST_RECEIPT = Instant.parse("2026-01-20T00:00:00Z");
    /** Of DynamoDB attempts; the SDK makes up to 3 per call, so about 6% of calls fail for good and answer 503. */
    private static final double FAULT_FRACTION = 0.4;

    /** One logical request of the workload: what it is, and what it must leave behind. */
    record Logical(int index, String route, String customer, String body) {
        boolean isEvent() {
            return TrackingApi.isEventRoute(route);
        }
    }

    /** What a run did: the answers it got, round by round. */
    record Outcome(int firstRound503s, int replayRounds, int replays) {
    }

    static List<Logical> workload() {
        List<Logical> requests = new ArrayList<>();
        List<String> routes = List.of(TRACK_EVENT_V2, TRACK_EVENT, REST_API_EVENT, TRACK_USER, REST_API_CUSTOMER);
        for (int i = 0; i < REQUESTS_PER_ROUTE * routes.size(); i++) {
            String route = routes.get(i % routes.size());
            String customer = "f-c" + i % CUSTOMERS;
            String body = switch (route) {
                case TRACK_EVENT_V2 -> "{\"customerId\":\"" + customer + "\",\"name\":\"Faulted\",\"time\":" + (1_000_000 + i)
                        + ",\"attributes\":[{\"name\":\"k\",\"type\":\"number\",\"value\":" + i + "},"
                        + "{\"name\":\"s\",\"type\":\"string\",\"value\":\"v" + i + "\"},"
                        + "{\"name\":\"d\",\"type\":\"date\",\"value\":\"2020-01-20\"}]}";
                case TRACK_EVENT -> "{\"eventId\":\"e-" + i + "\",\"customerId\":\"" + customer + "\",\"name\":\"Faulted\","
                        + "\"time\":" + (1_000_000 + i) + ",\"attributes\":{\"k\":" + i + ",\"s\":\"v" + i + "\"}}";
                case REST_API_EVENT -> "{\"eventId\":\"e-" + i + "\",\"customerId\":\"" + customer + "\",\"name\":\"Faulted\","
                        + "\"attributes\":[{\"name\":\"k\",\"type\":\"number\",\"value\":" + i + "}]}";
                case TRACK_USER -> "{\"id\":\"" + customer + "\",\"attributes\":{\"name\":\"Customer " + i % CUSTOMERS
                        + "\",\"r" + i + "a\":" + i + ",\"r" + i + "b\":\"v" + i + "\"}}";
                default -> "{\"id\":\"" + customer + "\",\"attributes\":[{\"name\":\"r" + i + "a\",\"type\":\"number\","
                        + "\"value\":" + i + "},{\"name\":\"r" + i + "b\",\"type\":\"string\",\"value\":\"v" + i + "\"}]}";
            };
            requests.add(new Logical(i, route, customer, body));
        }
        return requests;
    }

    @Test
    void injectedThrottling5xxAndTimeouts_are503s_andReplaysLeaveExactlyOneCopyOfEachEventAndCompleteCustomers()
            throws Exception {
        FaultInjector faults = new FaultInjector(SEED, FAULT_FRACTION, true);
        List<DynamoDbClient> clients = new ArrayList<>();
        List<TrackingApi> environments = environmentsFailingWith(faults, clients);
        // Fixed, like the receive times, so that a run with the same seed sends the same requests (DynamoDB Local is
        // new, in memory, in every test JVM).
        String project = "faults-" + SEED;
        List<Logical> workload = workload();
        try {
            Outcome outcome = runUntilAllTracked(environments, project, workload, () -> true);

            System.out.printf("FaultInjectionIT: %d requests, %d DynamoDB attempts, faults before DynamoDB %s, after it"
                            + " %s; %d answered 503 at first, %d replays in %d rounds%n", workload.size(),
                    faults.attempts(), faults.injectedBefore(), faults.injectedAfter(), outcome.firstRound503s(),
                    outcome.replays(), outcome.replayRounds());
            for (FaultInjector.Kind kind : FaultInjector.Kind.values()) {
                assertThat(faults.injectedBefore().get(kind) + faults.injectedAfter().get(kind)).as(kind.name())
                        .isPositive();
            }
            assertThat(outcome.firstRound503s()).as("the faults were felt").isPositive();
            verifyExactlyOnceAndComplete(new StoredData(TestDynamoDb.client(), TestDynamoDb.tables()), project, workload);
        } finally {
            clients.forEach(DynamoDbClient::close);
        }
    }

    /** The execution environments of a run, each on a DynamoDB client of its own through the faults (in clients). */
    private static List<TrackingApi> environmentsFailingWith(FaultInjector faults, List<DynamoDbClient> clients) {
        List<TrackingApi> environments = new ArrayList<>();
        for (int e = 0; e < ENVIRONMENTS; e++) {
            DynamoDbClient client = TestDynamoDb.newClient(TestDynamoDb.server(),
                    configuration -> configuration.addExecutionInterceptor(faults));
            clients.add(client);
            environments.add(new TrackingApi(client, TestDynamoDb.tables()));
        }
        return environments;
    }

    @Test
    void dynamoDbStoppedMidRun_is503_andAfterItsRestartReplaysLeaveExactlyOneCopyOfEachEventAndCompleteCustomers(
            @TempDir Path dataDirectory) throws Exception {
        Optional<Path> templateFile = TemplateTables.findTemplate();
        Assumptions.assumeTrue(templateFile.isPresent(), "template.yaml not found: the DynamoDB tests need its tables");
        int port = DynamoDbLocalServer.freePort();
        AtomicInteger sent = new AtomicInteger();
        DynamoDbLocalServer[] server = {DynamoDbLocalServer.start(port, dataDirectory)};
        List<DynamoDbClient> clients = new ArrayList<>();
        try {
            TemplateTables template = TemplateTables.read(templateFile.get());
            TemplateTablesCreator.createMissing(TestDynamoDb.newClient(server[0]), template, "outage-");
            TableNames tables = TestDynamoDb.tableNames(template, "outage-");
            List<TrackingApi> environments = new ArrayList<>();
            for (int e = 0; e < ENVIRONMENTS; e++) {
                DynamoDbClient client = TestDynamoDb.newClient(server[0]);
                clients.add(client);
                environments.add(new TrackingApi(client, tables));
            }
            List<Logical> workload = workload();
            String project = "outage-" + UUID.randomUUID();
            ExecutorService outage = Executors.newSingleThreadExecutor();
            Future<?> stopAndRestart = outage.submit(() -> {
                while (sent.get() < workload.size() / 3) {
                    Thread.onSpinWait();
                }
                server[0].close();
                sleep(1_500);
                server[0] = DynamoDbLocalServer.start(port, dataDirectory);
                return null;
            });
            Outcome outcome;
            try {
                outcome = runUntilAllTracked(environments, project, workload, () -> {
                    sent.incrementAndGet();
                    sleep(3);
                    return true;
                });
                stopAndRestart.get(1, TimeUnit.MINUTES);
            } finally {
                outage.shutdownNow();
            }

            System.out.printf("FaultInjectionIT: DynamoDB Local stopped for 1.5 s after %d of %d requests: %d answered"
                    + " 503 at first, %d replays in %d rounds%n", workload.size() / 3, workload.size(),
                    outcome.firstRound503s(), outcome.replays(), outcome.replayRounds());
            assertThat(outcome.firstRound503s()).as("the outage was felt").isPositive();
            verifyExactlyOnceAndComplete(new StoredData(TestDynamoDb.newClient(server[0]), tables), project, workload);
        } finally {
            clients.forEach(DynamoDbClient::close);
            server[0].close();
        }
    }

    @Test
    void injectedFaultsUnderBatches_makeItemsUnavailable_andReplayingOnlyThoseLeavesOneCopyOfEachInBatchOrder()
            throws Exception {
        FaultInjector faults = new FaultInjector(SEED + 1, FAULT_FRACTION, false);
        List<DynamoDbClient> clients = new ArrayList<>();
        List<TrackingApi> environments = environmentsFailingWith(faults, clients);
        String project = "batch-faults-" + SEED;
        int itemsPerBatch = 120;
        AtomicInteger unavailableAtFirst = new AtomicInteger();
        AtomicInteger replays = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(ENVIRONMENTS);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int b = 0; b < ENVIRONMENTS; b++) {
                int batch = b;
                List<String> items = new ArrayList<>();
                for (int i = 0; i < itemsPerBatch; i++) {
                    String customer = "bf-c" + (batch + i) % CUSTOMERS;
                    String item = switch (i % 3) {
                        case 0 -> "{\"type\":\"event\",\"customerId\":\"" + customer + "\",\"name\":\"Faulted\","
                                + "\"time\":" + (2_000_000 + batch * 1_000 + i) + ",\"attributes\":{\"k\":"
                                + (batch * 1_000 + i) + "}}";
                        case 1 -> "{\"type\":\"event\",\"eventId\":\"b" + batch + "-" + i + "\",\"customerId\":\""
                                + customer + "\",\"name\":\"Faulted\",\"time\":3000000,\"attributes\":[{\"name\":"
                                + "\"k\",\"type\":\"number\",\"value\":" + (batch * 1_000 + i) + "}]}";
                        default -> "{\"type\":\"customer\",\"id\":\"" + customer + "\",\"attributes\":{\"b"
                                + batch + "i" + i + "\":" + i + ",\"last-b" + batch + "\":" + i + "}}";
                    };
                    items.add(item);
                }
                batches.add(pool.submit(() -> {
                    List<Integer> pending = new ArrayList<>(IntStream.range(0, itemsPerBatch).boxed().toList());
                    for (int round = 0; !pending.isEmpty(); round++) {
                        assertThat(round).as("items still unavailable").isLessThan(MAX_REPLAY_ROUNDS);
                        String body = "{\"batch\":[" + String.join(",", pending.stream().map(items::get).toList())
                                + "]}";
                        Response response = environments.get(batch).call(ApiGatewayEvents.post(TRACK_BATCH, project,
                                body, false, FIRST_RECEIPT.plusSeconds(1_000L * round)));
                        assertThat(response.status()).as(response.toString()).isEqualTo(200);
                        assertThat(ResponseContract.violations(response)).as(response.toString()).isEmpty();
                        List<Integer> unavailable = new ArrayList<>();
                        JsonNode results = response.json().get("results");
                        for (int k = 0; k < pending.size(); k++) {
                            String status = results.get(k).get("status").asText();
                            assertThat(status).isIn("stored", "unavailable");
                            if (status.equals("unavailable")) {
                                unavailable.add(pending.get(k));
                            }
                        }
                        if (round == 0) {
                            unavailableAtFirst.addAndGet(unavailable.size());
                        } else {
                            replays.addAndGet(pending.size());
                        }
                        pending = unavailable;
                    }
                    return null;
                }));
            }
            for (Future<?> batch : batches) {
                batch.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
            clients.forEach(DynamoDbClient::close);
        }

        System.out.printf("FaultInjectionIT: %d batches of %d items, %d DynamoDB attempts, %d items unavailable at first,"
                + " %d replayed%n", ENVIRONMENTS, itemsPerBatch, faults.attempts(), unavailableAtFirst.get(), replays.get());
        assertThat(unavailableAtFirst.get()).as("the faults were felt").isPositive();
        StoredData stored = new StoredData(TestDynamoDb.client(), TestDynamoDb.tables());
        Map<Integer, Integer> copies = new HashMap<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            for (Map<String, AttributeValue> event : stored.events(project, "bf-c" + c)) {
                copies.merge(new BigDecimal(event.get("attributes").m().get("k").n()).intValueExact(), 1, Integer::sum);
            }
        }
        for (int b = 0; b < ENVIRONMENTS; b++) {
            for (int i = 0; i < itemsPerBatch; i++) {
                String customer = "bf-c" + (b + i) % CUSTOMERS;
                if (i % 3 != 2) {
                    assertThat(copies.get(b * 1_000 + i)).as("copies of batch " + b + " item " + i).isEqualTo(1);
                    continue;
                }
                Map<String, AttributeValue> profile = stored.profile(project, customer).orElseThrow();
                assertThat(profile.get("attr:b" + b + "i" + i)).isEqualTo(AttributeValue.fromN(Integer.toString(i)));
                int last = i;
                for (int later = i + 1; later < itemsPerBatch; later++) {
                    if (later % 3 == 2 && (b + later) % CUSTOMERS == (b + i) % CUSTOMERS) {
                        last = later;
                    }
                }
                assertThat(profile.get("attr:last-b" + b)).as(customer + ": the batch's last update of it wins")
                        .isEqualTo(AttributeValue.fromN(Integer.toString(last)));
            }
        }
        assertThat(copies.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(ENVIRONMENTS * (itemsPerBatch - itemsPerBatch / 3));
    }

    /**
     * Sends every request once, then replays those that did not get a 200 (with a later receive time, as a client's
     * retry is a new HTTP request) until all have, each environment taking its share of the requests.
     */
    private static Outcome runUntilAllTracked(List<TrackingApi> environments, String project, List<Logical> workload,
                                              Supplier<Boolean> beforeEachSend) throws Exception {
        List<Logical> pending = workload;
        int firstRound503s = -1;
        int replays = 0;
        int round = 0;
        ExecutorService pool = Executors.newFixedThreadPool(environments.size());
        try {
            while (!pending.isEmpty()) {
                if (round > MAX_REPLAY_ROUNDS) {
                    fail(pending.size() + " requests still without a 200 after " + MAX_REPLAY_ROUNDS + " replays");
                }
                Map<Logical, Response> answers = new ConcurrentHashMap<>();
                List<Future<?>> shares = new ArrayList<>();
                List<Logical> thisRound = pending;
                int roundNumber = round;
                for (int e = 0; e < environments.size(); e++) {
                    int share = e;
                    shares.add(pool.submit(() -> {
                        for (int i = share; i < thisRound.size(); i += environments.size()) {
                            Logical request = thisRound.get(i);
                            beforeEachSend.get();
                            Instant receivedAt = FIRST_RECEIPT.plusSeconds(1_000L * roundNumber).plusMillis(request.index());
                            answers.put(request, environments.get(share).call(ApiGatewayEvents.post(request.route(),
                                    project, request.body(), false, receivedAt)));
                        }
                        return null;
                    }));
                }
                for (Future<?> share : shares) {
                    share.get(10, TimeUnit.MINUTES);
                }
                List<Logical> notTracked = new ArrayList<>();
                answers.forEach((request, response) -> {
                    assertThat(response.status()).as("never a 500 with internals: " + response).isIn(200, 503);
                    assertThat(ResponseContract.violations(response)).as(response.toString()).isEmpty();
                    if (response.status() == 503) {
                        notTracked.add(request);
                    }
                });
                notTracked.sort(Comparator.comparingInt(Logical::index));
                if (round == 0) {
                    firstRound503s = notTracked.size();
                } else {
                    replays += thisRound.size();
                }
                pending = notTracked;
                round++;
            }
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(firstRound503s, round - 1, replays);
    }

    private static void verifyExactlyOnceAndComplete(StoredData stored, String project, List<Logical> workload) {
        Map<Integer, Integer> copiesByIndex = new HashMap<>();
        Map<String, Map<String, AttributeValue>> profiles = new HashMap<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            String customer = "f-c" + c;
            for (Map<String, AttributeValue> event : stored.events(project, customer)) {
                int index = new BigDecimal(event.get("attributes").m().get("k").n()).intValueExact();
                copiesByIndex.merge(index, 1, Integer::sum);
            }
            profiles.put(customer, stored.profile(project, customer).orElseThrow());
        }
        for (Logical request : workload) {
            if (request.isEvent()) {
                assertThat(copiesByIndex.get(request.index())).as("copies of event " + request.index() + " ("
                        + request.route() + ")").isEqualTo(1);
            } else {
                Map<String, AttributeValue> profile = profiles.get(request.customer());
                assertThat(profile.get("attr:r" + request.index() + "a")).as(request.customer() + " r" + request.index())
                        .isEqualTo(AttributeValue.fromN(Integer.toString(request.index())));
                assertThat(profile.get("attr:r" + request.index() + "b")).isEqualTo(AttributeValue.fromS("v" + request.index()));
            }
        }
        assertThat(copiesByIndex.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(workload.stream().filter(Logical::isEvent).count());
        profiles.forEach((customer, profile) -> assertThat(profile.get("customAttributeNames").ss())
                .hasSize(2 * 2 * REQUESTS_PER_ROUTE / CUSTOMERS));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
