package dev.trackingapi.store.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The DynamoDB client's first request is far slower than later ones (lazy initialisation of signing, marshalling,
 * the HTTP connection). Reading an item that never exists pays that once, before a snapshot, and changes nothing.
 */
public final class DynamoDbWarmUp {
    private DynamoDbWarmUp() {
    }

    /** A read of a key no project can own (project ids never start with '#'); harmless if the table is missing. */
    public static Runnable readOfMissingItem(DynamoDbClient dynamoDb, String table, String... keyAttributes) {
        return () -> {
            Map<String, AttributeValue> key = new java.util.HashMap<>();
            for (String attribute : keyAttributes) {
                key.put(attribute, AttributeValue.fromS("#warm-up"));
            }
            dynamoDb.getItem(get -> get.tableName(table).key(key));
        };
    }
}
