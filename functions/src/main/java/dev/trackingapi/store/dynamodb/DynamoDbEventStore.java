package dev.trackingapi.store.dynamodb;

import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.model.Dates;
import dev.trackingapi.model.EventRecord;
import dev.trackingapi.model.EventsPage;
import dev.trackingapi.model.EventsQuery;
import dev.trackingapi.model.IgnoredAttribute;
import dev.trackingapi.model.KeptValue;
import dev.trackingapi.model.StoredEvent;
import dev.trackingapi.model.TypedValue;
import dev.trackingapi.store.EventRecords;
import dev.trackingapi.store.EventStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.trackingapi.store.dynamodb.EventsTable.*;

/**
 * Events, one item each, written by one conditional PutItem and read a page per Query, in the events table
 * ({@link EventsTable}).
 */
public final class DynamoDbEventStore implements EventStore, EventRecords {
    private static final String CONDITION = "attribute_not_exists(" + PK + ")";
    /** How many events a page with a name reads at most, to find up to its limit of that name. */
    static final int EVENTS_READ_FOR_A_NAME = 200;
    /** A sort key is 15 digits, '#', and a 22-character key; anything much longer is no position of ours. */
    private static final int MAX_POSITION_LENGTH = 64;

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

    /**
     * One Query, newest first, of the events whose sort keys lie in the time range: one more than the limit, to
     * know whether a next page exists without a second read. With a name, the Query reads up to
     * {@value #EVENTS_READ_FOR_A_NAME} events (more when the limit is higher) and DynamoDB filters them: the page holds
     * the first {@code limit} of that name, and ends where it stopped reading otherwise.
     */
    @Override
    public EventsPage page(EventsQuery query) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", PK, "#sk", SK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":pk", AttributeValue.fromS(partitionKey(query.projectId(), query.customerId())),
                ":from", AttributeValue.fromS(lowestSortKey(query)),
                ":to", AttributeValue.fromS(highestSortKey(query))));
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .scanIndexForward(false)
                .limit(query.nameOrNull() == null ? query.limit() + 1
                        : Math.max(query.limit() + 1, EVENTS_READ_FOR_A_NAME));
        if (query.nameOrNull() != null) {
            names.put("#name", NAME);
            values.put(":name", AttributeValue.fromS(query.nameOrNull()));
            request.filterExpression("#name = :name");
        }
        if (query.afterPosition() != null) {
            request.exclusiveStartKey(Map.of(PK, values.get(":pk"), SK, AttributeValue.fromS(query.afterPosition())));
        }
        QueryResponse page;
        try {
            page = dynamoDb.query(request.expressionAttributeNames(names).expressionAttributeValues(values).build());
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
        List<Map<String, AttributeValue>> items = page.items();
        List<EventRecord> events = new ArrayList<>(Math.min(items.size(), query.limit()));
        for (int i = 0; i < items.size() && i < query.limit(); i++) {
            events.add(recordOf(items.get(i)));
        }
        String next;
        if (items.size() > query.limit()) {
            next = items.get(query.limit() - 1).get(SK).s();
        } else if (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) {
            next = page.lastEvaluatedKey().get(SK).s();
        } else {
            next = null;
        }
        return new EventsPage(events, next);
    }

    @Override
    public boolean isPositionOf(EventsQuery query, String position) {
        return position.length() <= MAX_POSITION_LENGTH && position.compareTo(lowestSortKey(query)) >= 0
                && position.compareTo(highestSortKey(query)) <= 0;
    }

    /** Below every sort key of the range's first millisecond ("{15 digits}#..." sorts after "{15 digits}"). */
    private static String lowestSortKey(EventsQuery query) {
        return timeDigits(query.fromMillis());
    }

    /** Above every sort key of the range's last millisecond: '$' sorts right after the separator '#'. */
    private static String highestSortKey(EventsQuery query) {
        return timeDigits(query.toMillis() - 1) + "$";
    }

    private static EventRecord recordOf(Map<String, AttributeValue> item) {
        String receivedAt = item.get(RECEIVED_AT).s();
        Map<String, TypedValue> attributes = new TreeMap<>();
        Map<String, AttributeValue> types = mapIn(item, ATTRIBUTE_TYPES);
        mapIn(item, ATTRIBUTES).forEach((name, value) -> {
            AttributeValue type = types.get(name);
            attributes.put(name, new TypedValue(AttributeValues.json(value),
                    type == null ? null : AttributeType.fromWireName(type.s())));
        });
        List<KeptValue> ignored = new ArrayList<>();
        Map<String, AttributeValue> ignoredTypes = mapIn(item, IGNORED_TYPES);
        new TreeMap<>(mapIn(item, IGNORED)).forEach((name, value) -> {
            Map<String, AttributeValue> typesOf = ignoredTypes.containsKey(name) ? ignoredTypes.get(name).m() : Map.of();
            ignored.add(new KeptValue(new IgnoredAttribute(name, IgnoredAttribute.Reason.TYPE_MISMATCH,
                    typeIn(typesOf, REGISTERED_TYPE), typeIn(typesOf, RECEIVED_TYPE), null,
                    AttributeValues.json(value)), receivedAt));
        });
        AttributeValue eventId = item.get(EVENT_ID);
        return new EventRecord(item.get(NAME).s(), Long.parseLong(item.get(TIME).n()),
                Instant.parse(receivedAt).toEpochMilli(), eventId == null ? null : eventId.s(), attributes, ignored);
    }

    private static Map<String, AttributeValue> mapIn(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasM() ? Map.of() : value.m();
    }

    private static AttributeType typeIn(Map<String, AttributeValue> types, String name) {
        AttributeValue type = types.get(name);
        return type == null ? null : AttributeType.fromWireName(type.s());
    }
}
