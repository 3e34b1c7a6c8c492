package dev.trackingapi.store.dynamodb;

import dev.trackingapi.model.Dates;
import dev.trackingapi.store.CustomerItemStore;
import dev.trackingapi.store.StoredItem;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * A customer's items in the customers and events tables, for an erasure. Three partitions hold them: the profile and
 * the values not applied ({@link CustomerPartition}, customers table), the events (the same key, events table), and
 * the first receive times of eventIds ({@link EventsTable#receiptTimePartitionKey}, events table). Each is read with a
 * Query on its exact partition key, never a prefix: customer ids may hold '#' and '!', and "abc" must never reach
 * "abc#1" or "abc!x".
 */
public final class DynamoDbCustomerItems implements CustomerItemStore {
    public static final String CUSTOMER = "customer";
    public static final String EVENTS = "events";
    public static final String EVENT_RECEIPT_TIMES = "event-receipt-times";
    /** BatchWriteItems in flight at once while a page is deleted. */
    static final int DELETES_IN_FLIGHT = 4;

    private final DynamoDbClient dynamoDb;
    private final String customersTable;
    private final String eventsTable;
    private final Executor executor;

    public DynamoDbCustomerItems(DynamoDbClient dynamoDb, String customersTable, String eventsTable,
                                 Executor executor) {
        this.dynamoDb = dynamoDb;
        this.customersTable = customersTable;
        this.eventsTable = eventsTable;
        this.executor = executor;
    }

    @Override
    public List<String> partitions() {
        return List.of(CUSTOMER, EVENTS, EVENT_RECEIPT_TIMES);
    }

    @Override
    public Page page(String partition, String projectId, String customerId, int max, String afterSortKey) {
        String table = table(partition);
        AttributeValue partitionKey = AttributeValue.fromS(partitionKey(partition, projectId, customerId));
        QueryResponse response;
        try {
            Map<String, String> names = new HashMap<>(Map.of("#pk", CustomersTable.PK, "#sk", CustomersTable.SK,
                    "#received", receivedAtAttribute(partition)));
            if (CUSTOMER.equals(partition)) {
                names.put("#created", CustomersTable.CREATED_AT);
            }
            response = dynamoDb.query(query -> {
                query.tableName(table)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(Map.of(":pk", partitionKey))
                        .projectionExpression(CUSTOMER.equals(partition) ? "#sk, #received, #created" : "#sk, #received")
                        .consistentRead(true)
                        .limit(max);
                if (afterSortKey != null) {
                    query.exclusiveStartKey(Map.of(CustomersTable.PK, partitionKey,
                            CustomersTable.SK, AttributeValue.fromS(afterSortKey)));
                }
            });
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
        List<StoredItem> items = new ArrayList<>(response.items().size());
        for (Map<String, AttributeValue> item : response.items()) {
            String sortKey = item.get(CustomersTable.SK).s();
            StoredItem.Kind kind = kind(partition, sortKey);
            AttributeValue received = kind == StoredItem.Kind.PROFILE ? item.get(CustomersTable.CREATED_AT)
                    : item.get(receivedAtAttribute(partition));
            items.add(new StoredItem(partition, sortKey, kind, receivedAt(partition, received)));
        }
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        return new Page(items, more ? response.lastEvaluatedKey().get(CustomersTable.SK).s() : null);
    }

    /**
     * The attribute that holds when the request that wrote an item was received: an event's or an ignored value's
     * receivedAt, a receipt time's own time (epoch ms); a profile's is its createdAt (the request that created it).
     */
    private static String receivedAtAttribute(String partition) {
        return switch (partition) {
            case CUSTOMER -> CustomersTable.RECEIVED_AT;
            case EVENTS -> EventsTable.RECEIVED_AT;
            case EVENT_RECEIPT_TIMES -> EventsTable.TIME;
            default -> throw new IllegalArgumentException("no partition " + partition);
        };
    }

    private static Instant receivedAt(String partition, AttributeValue value) {
        if (value == null) {
            return null;
        }
        return EVENT_RECEIPT_TIMES.equals(partition) ? Instant.ofEpochMilli(Long.parseLong(value.n()))
                : Instant.parse(value.s());
    }

    @Override
    public void delete(String projectId, String customerId, List<StoredItem> items) {
        if (items.isEmpty()) {
            return;
        }
        String partition = items.get(0).partition();
        AttributeValue partitionKey = AttributeValue.fromS(partitionKey(partition, projectId, customerId));
        List<WriteRequest> deletes = new ArrayList<>(items.size());
        for (StoredItem item : items) {
            if (!item.partition().equals(partition)) {
                throw new IllegalArgumentException("a page holds the items of one partition");
            }
            deletes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                    .key(Map.of(CustomersTable.PK, partitionKey, CustomersTable.SK, AttributeValue.fromS(item.sortKey())))
                    .build()).build());
        }
        BatchRequests.writeAll(dynamoDb, table(partition), deletes, executor, DELETES_IN_FLIGHT);
    }

    @Override
    public void countErasure(String projectId) {
        try {
            dynamoDb.updateItem(update -> update.tableName(customersTable)
                    .key(CustomersTable.erasureGenerationKey(projectId))
                    .updateExpression("ADD #generation :one SET #updatedAt = :now")
                    .expressionAttributeNames(Map.of("#generation", CustomersTable.ERASURE_GENERATION,
                            "#updatedAt", CustomersTable.UPDATED_AT))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                            ":now", AttributeValue.fromS(Dates.format(Instant.now())))));
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(customersTable, e);
        }
    }

    private String table(String partition) {
        return switch (partition) {
            case CUSTOMER -> customersTable;
            case EVENTS, EVENT_RECEIPT_TIMES -> eventsTable;
            default -> throw new IllegalArgumentException("no partition " + partition);
        };
    }

    private static String partitionKey(String partition, String projectId, String customerId) {
        return switch (partition) {
            case CUSTOMER, EVENTS -> CustomerPartition.of(projectId, customerId);
            case EVENT_RECEIPT_TIMES -> EventsTable.receiptTimePartitionKey(projectId, customerId);
            default -> throw new IllegalArgumentException("no partition " + partition);
        };
    }

    private static StoredItem.Kind kind(String partition, String sortKey) {
        if (EVENTS.equals(partition)) {
            return StoredItem.Kind.EVENT;
        }
        return CUSTOMER.equals(partition) && CustomersTable.PROFILE.equals(sortKey) ? StoredItem.Kind.PROFILE
                : StoredItem.Kind.OTHER;
    }
}
