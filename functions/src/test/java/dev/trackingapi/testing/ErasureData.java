package dev.trackingapi.testing;

import dev.trackingapi.api.Json;
import dev.trackingapi.model.ErasureCounts;
import dev.trackingapi.model.StoredEvent;
import dev.trackingapi.store.dynamodb.CustomerPartition;
import dev.trackingapi.store.dynamodb.CustomersTable;
import dev.trackingapi.store.dynamodb.DynamoDbEventStore;
import dev.trackingapi.store.dynamodb.EventsTable;
import dev.trackingapi.testing.TrackingApi.Response;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * What a customer is made of for the erasure tests (events, values that were not applied, eventId receipt times),
 * and how to find anything of theirs in a scan of every table.
 */
public final class ErasureData {
    public static final int IGNORED_VALUES = 3;
    public static final int EVENTS_WITH_IDS = 4;

    private ErasureData() {
    }

    /** Events tracked through the API; beyond them, a large customer's events are written as the API writes them. */
    static final int TRACKED_EVENTS = 100;

    /**
     * Tracks a customer's profile, {@code events} timed events, {@link #IGNORED_VALUES} values that are not
     * applied, and {@link #EVENTS_WITH_IDS} events with an eventId and no time (each remembers its first receive
     * time in an item of its own). The first {@link #TRACKED_EVENTS} events go through the API; more are written
     * straight to TestDynamoDb's events table in the API's own item form (BatchWriteItem), so that a customer of
     * thousands of events takes seconds to make.
     *
     * @return what an erasure of the customer must count
     */
    public static ErasureCounts customer(TrackingApi api, String project, String customerId, int events) {
        String id = json(customerId);
        expect200(api.post(TrackingApi.TRACK_USER, project, "{\"id\":" + id + ",\"attributes\":{\"name\":\"N\","
                + "\"Plan\":\"gold\",\"Visits\":1}}"));
        for (int i = 0; i < IGNORED_VALUES; i++) {
            expect200(api.post(TrackingApi.TRACK_USER, project, "{\"id\":" + id + ",\"attributes\":{\"Plan\":" + i
                    + "}}"));
        }
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            writeStraight(project, customerId, TRACKED_EVENTS, events);
            List<Future<?>> sent = IntStream.range(0, Math.min(events, TRACKED_EVENTS)).<Future<?>>mapToObj(i -> senders.submit(() ->
                    expect200(api.post(TrackingApi.TRACK_EVENT_V2, project, "{\"customerId\":" + id
                            + ",\"name\":\"Viewed\",\"time\":" + (1_600_000_000_000L + i) + ",\"attributes\":"
                            + "[{\"name\":\"Page\",\"type\":\"string\",\"value\":\"p" + i + "\"}]}")))).toList();
            for (Future<?> future : sent) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            senders.shutdownNow();
        }
        for (int i = 0; i < EVENTS_WITH_IDS; i++) {
            expect200(api.post(TrackingApi.REST_API_EVENT, project, "{\"customerId\":" + id + ",\"eventId\":\"e-" + i
                    + "\",\"name\":\"Paid\",\"attributes\":[{\"name\":\"Amount\",\"type\":\"number\",\"value\":" + i
                    + "}]}"));
        }
        return new ErasureCounts(1, events + EVENTS_WITH_IDS, IGNORED_VALUES + EVENTS_WITH_IDS);
    }

    private static void writeStraight(String project, String customerId, int from, int to) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            StoredEvent event = new StoredEvent(project, customerId, "Viewed", 1_600_000_000_000L + i, "bulk-" + i, null,
                    Instant.now(), List.of(), List.of(), false);
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(DynamoDbEventStore.toItem(event)).build()).build());
            if (batch.size() == 25 || i == to - 1) {
                Map<String, List<WriteRequest>> writes = Map.of(TestDynamoDb.tables().events(), List.copyOf(batch));
                while (!writes.isEmpty()) {
                    Map<String, List<WriteRequest>> pending = writes;
                    writes = TestDynamoDb.client().batchWriteItem(write -> write.requestItems(pending))
                            .unprocessedItems();
                }
                batch.clear();
            }
        }
    }

    private static void expect200(Response response) {
        if (response.status() != 200) {
            throw new IllegalStateException("seeding failed: " + response);
        }
    }

    static String json(String text) {
        try {
            return Json.MAPPER.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The items of a customer in any table: under one of its partition keys, or naming it as their customer in one of
     * its project's partitions.
     */
    public static List<Map<String, AttributeValue>> itemsOf(Map<String, List<Map<String, AttributeValue>>> everything,
                                                     String project, String customerId) {
        Set<String> keys = Set.of(CustomerPartition.of(project, customerId),
                EventsTable.receiptTimePartitionKey(project, customerId));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        everything.values().forEach(table -> table.stream().filter(item -> {
            AttributeValue pk = item.get("pk");
            AttributeValue customer = item.get(CustomersTable.CUSTOMER_ID);
            return pk != null && (keys.contains(pk.s()) || customer != null && customerId.equals(customer.s())
                    && pk.s().startsWith(project));
        }).forEach(items::add));
        return items;
    }
}
