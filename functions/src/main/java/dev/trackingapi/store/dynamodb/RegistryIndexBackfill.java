package dev.trackingapi.store.dynamodb;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.util.Map;

/**
 * The migration of a type registry written before the {@value AttributeTypesTable#BY_PROJECT} index: every item
 * without {@code projectId} gets it (the part of its scope id before the first '#'), so that the index lists it.
 * Safe to run at any time, any number of times, beside live traffic: each update only adds the attribute to an item
 * that exists and lacks it, and a registration never changes a type. An operator's step (the admin tool), never a
 * request path.
 */
public final class RegistryIndexBackfill {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public RegistryIndexBackfill(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** @return how many items it gave their project (0 when every item had it) */
    public int run() {
        int updated = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            ScanResponse page;
            try {
                page = dynamoDb.scan(ScanRequest.builder()
                        .tableName(table)
                        .filterExpression("attribute_not_exists(#project)")
                        .projectionExpression("#pk, #sk")
                        .expressionAttributeNames(Map.of("#project", AttributeTypesTable.PROJECT_ID,
                                "#pk", AttributeTypesTable.PK, "#sk", AttributeTypesTable.SK))
                        .exclusiveStartKey(startKey)
                        .build());
            } catch (SdkException e) {
                throw DynamoDbFailures.translate(table, e);
            }
            for (Map<String, AttributeValue> key : page.items()) {
                if (index(key)) {
                    updated++;
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return updated;
    }

    private boolean index(Map<String, AttributeValue> key) {
        String project = AttributeTypesTable.projectOf(key.get(AttributeTypesTable.PK).s());
        try {
            dynamoDb.updateItem(update -> update.tableName(table)
                    .key(key)
                    .updateExpression("SET #project = :project")
                    .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#project)")
                    .expressionAttributeNames(Map.of("#project", AttributeTypesTable.PROJECT_ID,
                            "#pk", AttributeTypesTable.PK))
                    .expressionAttributeValues(Map.of(":project", AttributeValue.fromS(project))));
            return true;
        } catch (ConditionalCheckFailedException alreadyIndexed) {
            return false;
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }
}
