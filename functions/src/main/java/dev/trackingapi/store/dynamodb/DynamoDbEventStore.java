package dev.trackingapi.store.dynamodb;

import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.Dates;
import dev.trackingapi.model.IgnoredAttribute;
import dev.trackingapi.model.StoredEvent;
import dev.trackingapi.store.EventStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.util.HashMap;
import java.util.Map;

import static dev.trackingapi.store.dynamodb.EventsTable.*;

/** Events, one item each, written by one conditional PutItem, in the events table ({@link EventsTable}). */
public final class DynamoDbEventStore implements EventStore {
    private static final String CONDITION = "attribute_not_exists(" + PK + ")";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbEventStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean putIfAbsent(StoredEvent event) {
        StoredEvent timed = event.timedByReceipt() && event.eventId() != null ? event.at(firstReceiptTime(event)) : event;
        PutItemRequest put = PutItemRequest.builder()
                .tableName(table)
                .item(toItem(timed))
                .conditionExpression(CONDITION)
                .build();
        try {
            dynamoDb.putItem(put);
            return true;
        } catch (ConditionalCheckFailedException duplicate) {
            return false;
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }

    /** The receive time of the first request with this event's key: this request's, or an earlier one's. */
    private long firstReceiptTime(StoredEvent event) {
        PutItemRequest put = PutItemRequest.builder()
                .tableName(table)
                .item(Map.of(
                        PK, AttributeValue.fromS(receiptTimePartitionKey(event.projectId(), event.customerId())),
                        SK, AttributeValue.fromS(event.eventKey()),
                        TIME, AttributeValue.fromN(Long.toString(event.timeMillis())),
                        EVENT_ID, AttributeValue.fromS(event.eventId())))
                .conditionExpression(CONDITION)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        try {
            dynamoDb.putItem(put);
            return event.timeMillis();
        } catch (ConditionalCheckFailedException seenBefore) {
            if (!seenBefore.hasItem() || !seenBefore.item().containsKey(TIME)) {
                throw new IllegalStateException("DynamoDB did not return the item that failed the condition", seenBefore);
            }
            return Long.parseLong(seenBefore.item().get(TIME).n());
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }

    public static Map<String, AttributeValue> toItem(StoredEvent event) {
        Map<String, AttributeValue> item = new HashMap<>(16);
        item.put(PK, AttributeValue.fromS(partitionKey(event.projectId(), event.customerId())));
        item.put(SK, AttributeValue.fromS(sortKey(event.timeMillis(), event.eventKey())));
        item.put(CUSTOMER_ID, AttributeValue.fromS(event.customerId()));
        item.put(NAME, AttributeValue.fromS(event.name()));
        item.put(TIME, AttributeValue.fromN(Long.toString(event.timeMillis())));
        item.put(RECEIVED_AT, AttributeValue.fromS(Dates.format(event.receivedAt())));
        if (event.eventId() != null) {
            item.put(EVENT_ID, AttributeValue.fromS(event.eventId()));
        }
        int applied = event.attributes().size();
        Map<String, AttributeValue> values = new HashMap<>(AttributeValues.mapCapacity(applied));
        Map<String, AttributeValue> types = new HashMap<>(AttributeValues.mapCapacity(applied));
        for (Attribute attribute : event.attributes()) {
            values.put(attribute.name(), AttributeValues.of(attribute.value()));
            types.put(attribute.name(), AttributeValue.fromS(attribute.type().wireName()));
        }
        item.put(ATTRIBUTES, AttributeValue.fromM(values));
        item.put(ATTRIBUTE_TYPES, AttributeValue.fromM(types));
        if (!event.ignored().isEmpty()) {
            Map<String, AttributeValue> ignoredValues = new HashMap<>();
            Map<String, AttributeValue> ignoredTypes = new HashMap<>();
            for (IgnoredAttribute ignored : event.ignored()) {
                ignoredValues.put(ignored.attribute(), AttributeValues.of(ignored.value()));
                ignoredTypes.put(ignored.attribute(), AttributeValue.fromM(Map.of(
                        RECEIVED_TYPE, AttributeValue.fromS(ignored.receivedType().wireName()),
                        REGISTERED_TYPE, AttributeValue.fromS(ignored.registeredType().wireName()))));
            }
            item.put(IGNORED, AttributeValue.fromM(ignoredValues));
            item.put(IGNORED_TYPES, AttributeValue.fromM(ignoredTypes));
        }
        return item;
    }
}
