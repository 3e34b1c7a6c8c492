package dev.trackingapi.store.dynamodb;

import dev.trackingapi.model.Dates;
import dev.trackingapi.store.ErasureKeyStore;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The erasure key, one item of the customers table ({@link CustomersTable#erasureKeyItemKey()}), created by the first
 * erasure of the deployment: one conditional PutItem, which returns the key already stored when there is one.
 */
public final class DynamoDbErasureKeyStore implements ErasureKeyStore {
    private final DynamoDbClient dynamoDb;
    private final String customersTable;

    public DynamoDbErasureKeyStore(DynamoDbClient dynamoDb, String customersTable) {
        this.dynamoDb = dynamoDb;
        this.customersTable = customersTable;
    }

    /** The stored key, if an erasure has created one (a strongly consistent read): for the admin tool. */
    public Optional<byte[]> find() {
        try {
            Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(customersTable)
                    .key(CustomersTable.erasureKeyItemKey()).consistentRead(true)).item();
            AttributeValue key = item == null ? null : item.get(CustomersTable.ERASURE_KEY);
            return key == null || key.b() == null ? Optional.empty() : Optional.of(key.b().asByteArray());
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(customersTable, e);
        }
    }

    @Override
    public byte[] keyOrCreate(byte[] candidate) {
        Map<String, AttributeValue> item = new HashMap<>(CustomersTable.erasureKeyItemKey());
        item.put(CustomersTable.ERASURE_KEY, AttributeValue.fromB(SdkBytes.fromByteArray(candidate)));
        item.put(CustomersTable.CREATED_AT, AttributeValue.fromS(Dates.format(Instant.now())));
        try {
            dynamoDb.putItem(put -> put.tableName(customersTable).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", CustomersTable.PK))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return candidate.clone();
        } catch (ConditionalCheckFailedException stored) {
            AttributeValue key = stored.hasItem() ? stored.item().get(CustomersTable.ERASURE_KEY) : null;
            if (key == null || key.b() == null) {
                throw new IllegalStateException("the erasure key item of " + customersTable + " holds no key");
            }
            return key.b().asByteArray();
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(customersTable, e);
        }
    }
}
