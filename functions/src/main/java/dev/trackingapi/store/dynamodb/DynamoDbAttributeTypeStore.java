package dev.trackingapi.store.dynamodb;

import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.model.Dates;
import dev.trackingapi.store.AttributeTypeStore;
import dev.trackingapi.store.StorageUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.trackingapi.store.dynamodb.AttributeTypesTable.*;

/** The registry of first-seen types, in the attribute types table ({@link AttributeTypesTable}). */
public final class DynamoDbAttributeTypeStore implements AttributeTypeStore {
    private static final int MAX_ITEMS_PER_PAGE = 10_000;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final int pageSize;

    public DynamoDbAttributeTypeStore(DynamoDbClient dynamoDb, String table) {
        this(dynamoDb, table, MAX_ITEMS_PER_PAGE);
    }

    DynamoDbAttributeTypeStore(DynamoDbClient dynamoDb, String table, int pageSize) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.pageSize = pageSize;
    }

    /** First writer wins: a conditional put that, when it loses, returns the winner's item, so no second read. */
    @Override
    public Registration registerIfAbsent(AttributeScope scope, String attributeName, AttributeType type, Instant now) {
        PutItemRequest put = PutItemRequest.builder()
                .tableName(table)
                .item(Map.of(
                        PK, AttributeValue.fromS(scope.id()),
                        SK, AttributeValue.fromS(attributeName),
                        TYPE, AttributeValue.fromS(type.wireName()),
                        REGISTERED_AT, AttributeValue.fromS(Dates.format(now)),
                        PROJECT_ID, AttributeValue.fromS(scope.projectId())))
                .conditionExpression("attribute_not_exists(" + PK + ")")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        try {
            dynamoDb.putItem(put);
            return new Registration(type, true);
        } catch (ConditionalCheckFailedException lost) {
            if (!lost.hasItem()) {
                // DynamoDB returns the winner's item with ALL_OLD; without it the winner is unknown, so the client
                // retries, and its lookup then reads the registered type.
                throw new StorageUnavailableException("DynamoDB did not return the registered type of " + attributeName, lost);
            }
            return new Registration(typeIn(lost.item()), false);
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }

    /** Scans the table page by page, reading only what a type needs, until {@code max} types or the end of the table. */
    @Override
    public List<Registered> registered(int max) {
        List<Registered> registered = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder()
                    .tableName(table)
                    .projectionExpression("#pk, #sk, #type, #at")
                    .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK, "#type", TYPE, "#at", REGISTERED_AT))
                    .limit(Math.min(max - registered.size(), pageSize));
            if (startKey != null) {
                scan.exclusiveStartKey(startKey);
            }
            ScanResponse page;
            try {
                page = dynamoDb.scan(scan.build());
            } catch (SdkException e) {
                throw DynamoDbFailures.translate(table, e);
            }
            for (Map<String, AttributeValue> item : page.items()) {
                registered.add(registeredIn(item));
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null && registered.size() < max);
        return registered;
    }

    /** One Query of the scope's partition (more pages only past 1 MB of types). */
    @Override
    public Registrations ofScope(AttributeScope scope, int max) {
        return query(QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :scope")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":scope", AttributeValue.fromS(scope.id()))), max);
    }

    /** One Query of the project's partition of the {@value AttributeTypesTable#BY_PROJECT} index (more only past 1 MB). */
    @Override
    public Registrations ofProject(String projectId, int max) {
        return query(QueryRequest.builder()
                .tableName(table)
                .indexName(BY_PROJECT)
                .keyConditionExpression("#project = :project")
                .expressionAttributeNames(Map.of("#project", PROJECT_ID))
                .expressionAttributeValues(Map.of(":project", AttributeValue.fromS(projectId))), max);
    }

    private Registrations query(QueryRequest.Builder query, int max) {
        List<Registered> found = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            query.limit(Math.min(max - found.size() + 1, pageSize)).exclusiveStartKey(startKey);
            QueryResponse page;
            try {
                page = dynamoDb.query(query.build());
            } catch (SdkException e) {
                throw DynamoDbFailures.translate(table, e);
            }
            for (Map<String, AttributeValue> item : page.items()) {
                if (found.size() == max) {
                    return new Registrations(found, false);
                }
                found.add(registeredIn(item));
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return new Registrations(found, true);
    }

    private static Registered registeredIn(Map<String, AttributeValue> item) {
        AttributeValue registeredAt = item.get(REGISTERED_AT);
        return new Registered(item.get(PK).s(), item.get(SK).s(), typeIn(item),
                registeredAt == null ? null : registeredAt.s());
    }

    private static AttributeType typeIn(Map<String, AttributeValue> item) {
        return AttributeType.fromWireName(item.get(TYPE).s());
    }
}
