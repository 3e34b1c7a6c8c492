package dev.trackingapi.store.dynamodb;

import dev.trackingapi.domain.AttributeScope;
import dev.trackingapi.domain.AttributeType;
import dev.trackingapi.store.KnownFactsStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One BatchGetItem across the type registry and the customers table. Keys DynamoDB leaves unprocessed (under
 * throttling) are asked again a few times and otherwise reported as not found: the conditional writes that follow
 * are correct either way, only a little more expensive.
 */
public final class DynamoDbKnownFactsStore implements KnownFactsStore {
    private static final int MAX_KEYS_PER_BATCH = 100;
    private static final int MAX_ATTEMPTS = 3;

    private final DynamoDbClient dynamoDb;
    private final String attributeTypesTable;
    private final String customersTable;

    public DynamoDbKnownFactsStore(DynamoDbClient dynamoDb, String attributeTypesTable, String customersTable) {
        this.dynamoDb = dynamoDb;
        this.attributeTypesTable = attributeTypesTable;
        this.customersTable = customersTable;
    }

    @Override
    public Found lookUp(AttributeScope scope, Collection<String> attributeNames, String customerIdOrNull) {
        Map<String, AttributeType> registered = new HashMap<>();
        boolean customerExists = false;
        List<Map<String, AttributeValue>> typeKeys = new ArrayList<>(attributeNames.size());
        for (String name : attributeNames) {
            typeKeys.add(Map.of(DynamoDbAttributeTypeStore.PK, AttributeValue.fromS(scope.id()),
                    DynamoDbAttributeTypeStore.SK, AttributeValue.fromS(name)));
        }
        boolean askCustomer = customerIdOrNull != null;
        int from = 0;
        do {
            int to = Math.min(typeKeys.size(), from + MAX_KEYS_PER_BATCH - (askCustomer ? 1 : 0));
            Map<String, KeysAndAttributes> request = new HashMap<>();
            if (to > from) {
                request.put(attributeTypesTable, KeysAndAttributes.builder()
                        .keys(typeKeys.subList(from, to))
                        .projectionExpression("#sk, #type")
                        .expressionAttributeNames(Map.of("#sk", DynamoDbAttributeTypeStore.SK,
                                "#type", DynamoDbAttributeTypeStore.TYPE))
                        .build());
            }
            if (askCustomer) {
                request.put(customersTable, KeysAndAttributes.builder()
                        .keys(DynamoDbCustomerStore.profileKey(scope.projectId(), customerIdOrNull))
                        .projectionExpression("#pk")
                        .expressionAttributeNames(Map.of("#pk", DynamoDbCustomerStore.PK))
                        .build());
            }
            for (Map.Entry<String, List<Map<String, AttributeValue>>> table : batchGet(request).entrySet()) {
                if (table.getKey().equals(customersTable)) {
                    customerExists |= !table.getValue().isEmpty();
                } else {
                    for (Map<String, AttributeValue> item : table.getValue()) {
                        registered.put(item.get(DynamoDbAttributeTypeStore.SK).s(),
                                AttributeType.fromWireName(item.get(DynamoDbAttributeTypeStore.TYPE).s()));
                    }
                }
            }
            askCustomer = false;
            from = to;
        } while (from < typeKeys.size());
        return new Found(registered, customerExists);
    }

    /**
     * One eventually consistent GetItem of the profile, projected to its key (DynamoDB still charges it by the
     * profile's size: half a read unit per 4 KB).
     */
    @Override
    public boolean customerExists(String projectId, String customerId) {
        try {
            return dynamoDb.getItem(get -> get.tableName(customersTable)
                    .key(DynamoDbCustomerStore.profileKey(projectId, customerId))
                    .projectionExpression("#pk")
                    .expressionAttributeNames(Map.of("#pk", DynamoDbCustomerStore.PK))).hasItem();
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(customersTable, e);
        }
    }

    private Map<String, List<Map<String, AttributeValue>>> batchGet(Map<String, KeysAndAttributes> request) {
        Map<String, List<Map<String, AttributeValue>>> found = new HashMap<>();
        Map<String, KeysAndAttributes> pending = request;
        for (int attempt = 0; attempt < MAX_ATTEMPTS && !pending.isEmpty(); attempt++) {
            Map<String, KeysAndAttributes> asked = pending;
            BatchGetItemResponse response;
            try {
                response = dynamoDb.batchGetItem(get -> get.requestItems(asked));
            } catch (SdkException e) {
                throw DynamoDbFailures.translate(attributeTypesTable + " or " + customersTable, e);
            }
            response.responses().forEach((table, items) -> found.computeIfAbsent(table, t -> new ArrayList<>()).addAll(items));
            pending = response.unprocessedKeys();
        }
        return found;
    }
}
