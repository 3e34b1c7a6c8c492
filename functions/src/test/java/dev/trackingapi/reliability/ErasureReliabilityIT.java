package dev.trackingapi.reliability;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.Json;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.config.TableNames;
import dev.trackingapi.entrypoints.EraseCustomerHandler;
import dev.trackingapi.model.ErasureCounts;
import dev.trackingapi.model.ErasureReceipt;
import dev.trackingapi.model.Scope;
import dev.trackingapi.store.dynamodb.DynamoDbErasureLedger;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.testing.ErasureData;
import dev.trackingapi.testing.FaultInjector;
import dev.trackingapi.testing.LambdaContexts;
import dev.trackingapi.testing.StoredData;
import dev.trackingapi.testing.TestDynamoDb;
import dev.trackingapi.testing.TrackingApi.Response;
import dev.trackingapi.testing.TrackingApi;
import dev.trackingapi.wiring.Wiring;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasures under failure and under traffic: DynamoDB failing 40% of its attempts while a customer is erased, and the
 * customer's events arriving while the erasure runs.
 */
class ErasureReliabilityIT {
    private static final long SEED = 20261201L;
    private static final double FAULT_FRACTION = 0.4;

    private final DynamoDbClient dynamoDb = TestDynamoDb.client();
    private final TableNames tables = TestDynamoDb.tables();
    private final StoredData stored = new StoredData(dynamoDb, tables);
    private final TrackingApi api = new TrackingApi(dynamoDb, tables);

    private static String newProject(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void withFortyPercentOfDynamoDbAttemptsFailing_repeatingTheCallCompletesTheErasure_nothingIsLeft_andEachItemIsCountedOnce() {
        String project = newProject("erase-faults");
        ErasureCounts seeded = ErasureData.customer(api, project, "faulty", 5_000);
        ErasureCounts neighbour = ErasureData.customer(api, project, "faulty#1", 5);
        FaultInjector faults = new FaultInjector(SEED, FAULT_FRACTION, false);
        List<Integer> statuses = new ArrayList<>();
        try (DynamoDbClient faulty = TestDynamoDb.newClient(TestDynamoDb.server(),
                configuration -> configuration.addExecutionInterceptor(faults))) {
            EraseCustomerHandler eraser = TrackingApi.eraser(faulty, tables,
                    Map.of(EnvironmentVariables.ERASURE_SAFETY_MARGIN_MILLIS, "1000"));
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(4));
            APIGatewayV2HTTPResponse response;
            do {
                response = eraser.handleRequest(ApiGatewayEvents.delete("faulty", project, Scope.ALL),
                        LambdaContexts.withRemaining(Duration.ofSeconds(3)));
                statuses.add(response.getStatusCode());
                assertThat(response.getStatusCode()).as(response.getBody()).isIn(200, 202, 503);
                if (response.getStatusCode() == 503) {
                    assertThat(response.getBody()).contains("ServiceUnavailableError");
                    assertThat(response.getHeaders()).containsKey("retry-after");
                }
                assertThat(Instant.now()).as("the erasure completes within four minutes").isBefore(giveUp);
            } while (response.getStatusCode() != 200);
        }

        System.out.printf("ErasureReliabilityIT: %d calls (%d answered 503, %d 202), %d DynamoDB attempts, faults"
                        + " before DynamoDB %s, after it %s%n", statuses.size(), statuses.stream().filter(s -> s == 503)
                        .count(), statuses.stream().filter(s -> s == 202).count(), faults.attempts(),
                faults.injectedBefore(), faults.injectedAfter());
        assertThat(statuses).as("the faults were felt").contains(503);
        assertThat(ErasureData.itemsOf(stored.everything(), project, "faulty")).isEmpty();
        assertThat(stored.events(project, "faulty#1")).hasSize((int) neighbour.events());
        assertThat(stored.profile(project, "faulty#1")).isPresent();
        List<ErasureReceipt> receipts = receiptsOf(project, "faulty");
        assertThat(receipts).allMatch(ErasureReceipt::complete);
        assertThat(receipts.stream().map(ErasureReceipt::erased).reduce(ErasureCounts.NONE, ErasureCounts::plus))
                .as("every item counted once, over the receipts of the erasure (and of any that followed it)")
                .isEqualTo(seeded);
    }

    /**
     * The documented rule: an erasure erases everything of the customer that API Gateway received before its cutoff
     * (the receipt's cutoffAt), and keeps everything received after it, as a returning customer's, with a profile,
     * even when environments remembered the customer's profile from before the erasure and events never stop coming.
     */
    @Test
    void eventsTrackedWhileTheErasureRuns_areErasedIfReceivedBeforeItsCutoff_andKeptAsAReturningCustomersAfter()
            throws Exception {
        String project = newProject("erase-race");
        ErasureCounts seeded = ErasureData.customer(api, project, "busy", 2_000);
        List<TrackingApi> environments = List.of(new TrackingApi(dynamoDb, tables), new TrackingApi(dynamoDb, tables));
        record Sent(long time, Instant receivedAt) {
        }
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        AtomicBoolean erased = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            for (TrackingApi environment : environments) {
                assertThat(environment.post(TrackingApi.TRACK_EVENT_V2, project, event("busy", 1L)).status())
                        .as("the environment has seen the customer's profile").isEqualTo(200);
            }
            List<Future<?>> trackers = new ArrayList<>();
            for (int e = 0; e < environments.size(); e++) {
                TrackingApi environment = environments.get(e);
                long first = 2_000_000_000_000L + e * 1_000_000L;
                trackers.add(threads.submit(() -> {
                    Instant stopAt = null;
                    for (long time = first; stopAt == null || Instant.now().isBefore(stopAt); time++) {
                        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                        Response response = environment.call(ApiGatewayEvents.post(TrackingApi.TRACK_EVENT_V2, project,
                                event("busy", time), false, receivedAt));
                        assertThat(response.status()).as(response.toString()).isEqualTo(200);
                        sent.add(new Sent(time, receivedAt));
                        if (stopAt == null && erased.get()) {
                            stopAt = Instant.now().plusMillis(500);
                        }
                        sleepMillis(2);
                    }
                    return null;
                }));
            }
            Future<Response> erasure = threads.submit(() -> {
                Response response = api.erase(project, "busy");
                erased.set(true);
                return response;
            });
            Response response = erasure.get();
            for (Future<?> tracker : trackers) {
                tracker.get();
            }

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            ErasureReceipt receipt = new DynamoDbErasureLedger(dynamoDb, tables.erasureReceipts())
                    .find(response.json().path("receipt").asText()).orElseThrow();
            Set<Long> kept = new HashSet<>();
            for (Map<String, AttributeValue> event : stored.events(project, "busy")) {
                kept.add(Long.parseLong(event.get("time").n()));
            }
            int before = 0;
            int after = 0;
            for (Sent event : sent) {
                if (event.receivedAt().isBefore(receipt.cutoffAt())) {
                    before++;
                    assertThat(kept).as("received before the cutoff: erased").doesNotContain(event.time());
                } else {
                    after++;
                    assertThat(kept).as("received after the cutoff: a returning customer's").contains(event.time());
                }
            }
            System.out.printf("ErasureReliabilityIT: %d events tracked around the erasure, %d received before its"
                    + " cutoff (erased), %d after (kept); cutoff %s, completed %s%n", sent.size(), before, after,
                    receipt.cutoffAt(), receipt.completedAt());
            assertThat(before).as("events received while the erasure ran, before its cutoff").isPositive();
            assertThat(after).as("events received after its cutoff").isPositive();
            assertThat(kept).as("nothing else is left").hasSize(after);
            assertThat(stored.profile(project, "busy")).as("the returning customer has a profile").isPresent();
            assertThat(receipt.erased().events()).as("the seeded events, the one both environments sent first, and those"
                    + " received before the cutoff").isEqualTo(seeded.events() + 1 + before);
        } finally {
            threads.shutdownNow();
        }
    }

    private static String event(String customerId, long time) {
        return "{\"customerId\":\"" + customerId + "\",\"name\":\"Viewed\",\"time\":" + time
                + ",\"attributes\":[{\"name\":\"Page\",\"type\":\"string\",\"value\":\"home\"}]}";
    }

    private List<ErasureReceipt> receiptsOf(String project, String customerId) {
        String hash = Wiring.customerEraser(dynamoDb, tables, TrackingApi.TRUST_WINDOW).customerHash(project,
                customerId);
        return new DynamoDbErasureLedger(dynamoDb, tables.erasureReceipts()).listByProject(project).stream()
                .filter(receipt -> hash.equals(receipt.customerHash())).toList();
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
