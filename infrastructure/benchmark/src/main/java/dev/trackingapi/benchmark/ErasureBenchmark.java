package dev.trackingapi.benchmark;

import dev.trackingapi.model.Erasure;
import dev.trackingapi.model.StoredEvent;
import dev.trackingapi.service.CustomerEraser;
import dev.trackingapi.store.dynamodb.DynamoDbCustomerStore;
import dev.trackingapi.store.dynamodb.DynamoDbEventStore;
import dev.trackingapi.wiring.Wiring;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Figure 8: the erasure of one customer with many events, through the real eraser on DynamoDB Local: how fast it
 * deletes, and how many DynamoDB requests it makes per erased event (counted on the client). The customer is written
 * straight to the tables first (a profile and {@code events} events of about 200 bytes), so that only the erasure is
 * measured. The trust window is shortened to {@link #TRUST_WINDOW}: in AWS an erasure waits 11 s after its cutoff
 * once, whatever the number of events, which is not deletion work.
 */
public final class ErasureBenchmark {
    static final Duration TRUST_WINDOW = Duration.ofMillis(100);
    /** What the erasure function has per call in AWS: its 28 s timeout. */
    static final Duration TIME_PER_CALL = Duration.ofSeconds(28);
    private static final int SEED_BATCH = 25;

    private ErasureBenchmark() {
    }

    public record Result(int events, int calls, Duration elapsed, RequestCounter.Counts counts, Erasure erasure) {
        public double eventsPerSecond() {
            return events / (elapsed.toNanos() / 1e9);
        }

        /** Write requests (BatchWriteItem, UpdateItem, PutItem, DeleteItem) per erased event. */
        public double writeRequestsPerEvent() {
            return (double) counts.writeRequests() / events;
        }

        /** Read requests (the Query pages) per erased event. */
        public double readRequestsPerEvent() {
            return (double) counts.readRequests() / events;
        }
    }

    public static Result run(LocalDynamoDb dynamoDb, int events) {
        String project = "bench-erase-" + UUID.randomUUID().toString().substring(0, 8);
        String customer = "customer-erased";
        try (DynamoDbClient seeding = dynamoDb.client()) {
            seed(seeding, dynamoDb, project, customer, events);
        }
        RequestCounter counter = new RequestCounter();
        try (DynamoDbClient client = dynamoDb.client(counter)) {
            CustomerEraser eraser = Wiring.customerEraser(client, dynamoDb.tables(), TRUST_WINDOW);
            eraser.customerHash(project, customer);
            RequestCounter.Counts before = counter.snapshot();
            long started = System.nanoTime();
            int calls = 0;
            Erasure erasure;
            do {
                erasure = eraser.erase(project, customer, Instant.now(), TIME_PER_CALL);
                calls++;
            } while (!erasure.complete());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            RequestCounter.Counts counts = counter.snapshot().minus(before);
            if (erasure.receipt().erased().events() != events) {
                throw new IllegalStateException("the erasure counted " + erasure.receipt().erased() + ", not "
                        + events + " events");
            }
            return new Result(events, calls, elapsed, counts, erasure);
        }
    }

    private static void seed(DynamoDbClient client, LocalDynamoDb dynamoDb, String project, String customer,
                             int events) {
        Instant receivedAt = Instant.now().minusSeconds(60);
        new DynamoDbCustomerStore(client, dynamoDb.tables().customers()).createIfAbsent(project, customer, receivedAt);
        List<WriteRequest> batch = new ArrayList<>(SEED_BATCH);
        for (int i = 0; i < events; i++) {
            StoredEvent event = new StoredEvent(project, customer, "Viewed", 1_700_000_000_000L + i, "event-" + i, null,
                    receivedAt, List.of(), List.of(), false);
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(DynamoDbEventStore.toItem(event)).build()).build());
            if (batch.size() == SEED_BATCH || i == events - 1) {
                List<WriteRequest> writes = List.copyOf(batch);
                client.batchWriteItem(write -> write.requestItems(Map.of(dynamoDb.tables().events(), writes)));
                batch.clear();
            }
        }
    }
}
