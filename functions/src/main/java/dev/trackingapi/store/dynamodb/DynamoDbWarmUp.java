package dev.trackingapi.store.dynamodb;

import dev.trackingapi.domain.AttributeScope;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Real DynamoDB requests for SnapStart priming, after the rehearsal has compiled the code paths: they open the
 * connections and fetch credentials. They are the requests a function makes, on keys no project can own (project
 * ids never start with '#'), so that they change nothing: reads of items that never exist, and writes whose condition
 * can never hold. Harmless if the table is missing (the caller ignores the failure).
 */
public final class DynamoDbWarmUp {
    private static final String NO_PROJECT = "#warm-up";

    private DynamoDbWarmUp() {
    }

    /**
     * What an event function asks: the one-read lookup, then a conditional PutItem of an event; and the customer's
     * read beside that PutItem, as a request does, so that two connections are open.
     */
    public static Runnable eventFunction(DynamoDbClient dynamoDb, String attributeTypesTable, String customersTable,
                                         String eventsTable, Executor besideWrites) {
        DynamoDbKnownFactsStore knownFacts = new DynamoDbKnownFactsStore(dynamoDb, attributeTypesTable, customersTable);
        Map<String, AttributeValue> item = Map.of(DynamoDbEventStore.PK, AttributeValue.fromS(NO_PROJECT),
                DynamoDbEventStore.SK, AttributeValue.fromS(NO_PROJECT));
        AttributeScope scope = AttributeScope.event(NO_PROJECT, "warm-up");
        return () -> {
            knownFacts.lookUp(scope, List.of("a", "b"), NO_PROJECT);
            CompletableFuture<Void> beside = CompletableFuture.runAsync(
                    () -> knownFacts.customerExists(NO_PROJECT, NO_PROJECT), besideWrites);
            putThatNeverWrites(dynamoDb, eventsTable, item, DynamoDbEventStore.PK);
            beside.join();
        };
    }

    /** What a customer function asks: the one-read lookup of types, then a conditional UpdateItem of a profile. */
    public static Runnable customerFunction(DynamoDbClient dynamoDb, String attributeTypesTable, String customersTable) {
        DynamoDbKnownFactsStore knownFacts = new DynamoDbKnownFactsStore(dynamoDb, attributeTypesTable, customersTable);
        return () -> {
            knownFacts.lookUp(AttributeScope.customer(NO_PROJECT), List.of("a", "b"), null);
            try {
                dynamoDb.updateItem(update -> update.tableName(customersTable)
                        .key(DynamoDbCustomerStore.profileKey(NO_PROJECT, NO_PROJECT))
                        .updateExpression("SET #updatedAt = :now")
                        .conditionExpression("attribute_exists(#pk)")
                        .expressionAttributeNames(Map.of("#updatedAt", DynamoDbCustomerStore.UPDATED_AT,
                                "#pk", DynamoDbCustomerStore.PK))
                        .expressionAttributeValues(Map.of(":now", AttributeValue.fromS("warm-up"))));
            } catch (ConditionalCheckFailedException expected) {
                // Always: the profile of a project that cannot exist.
            }
        };
    }

    private static void putThatNeverWrites(DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> item,
                                           String keyAttribute) {
        try {
            dynamoDb.putItem(put -> put.tableName(table).item(item)
                    .conditionExpression("attribute_exists(#key)")
                    .expressionAttributeNames(Map.of("#key", keyAttribute)));
        } catch (ConditionalCheckFailedException expected) {
            // Always: the key belongs to no project, so it never exists.
        }
    }
}
