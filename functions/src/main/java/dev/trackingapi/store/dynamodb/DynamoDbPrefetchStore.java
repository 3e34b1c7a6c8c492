package dev.trackingapi.store.dynamodb;

import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.store.PrefetchStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One BatchGetItem across the attribute types table and the customers table (100 keys at most; more attributes take
 * more): types read eventually consistently, the profile strongly consistently. Keys DynamoDB leaves unprocessed are asked again a few times and otherwise reported as not found: the
 * conditional writes that follow are correct either way, only a little more expensive.
 */
public final class DynamoDbPrefetchStore implements PrefetchStore {
    private static final int MAX_KEYS_PER_BATCH = 100;
    private static final int MAX_ATTEMPTS = 3;

    private final DynamoDbClient dynamoDb;
    private final String attributeTypesTable;
    private final String customersTable;

    public DynamoDbPrefetchStore(DynamoDbClient dynamoDb, String attributeTypesTable, String customersTable) {
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
            typeKeys.add(AttributeTypesTable.key(scope, name));
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
                        .expressionAttributeNames(Map.of("#sk", AttributeTypesTable.SK,
                                "#type", AttributeTypesTable.TYPE))
                        .build());
            }
            if (askCustomer) {
                request.put(customersTable, KeysAndAttributes.builder()
                        .keys(CustomersTable.profileKey(scope.projectId(), customerIdOrNull))
                        .consistentRead(true)
                        .projectionExpression("#pk")
                        .expressionAttributeNames(Map.of("#pk", CustomersTable.PK))
                        .build());
            }
            for (Map.Entry<String, List<Map<String, AttributeValue>>> table
                    : BatchRequests.getAll(dynamoDb, request, MAX_ATTEMPTS).entrySet()) {
                if (table.getKey().equals(customersTable)) {
                    customerExists |= !table.getValue().isEmpty();
                } else {
                    for (Map<String, AttributeValue> item : table.getValue()) {
                        registered.put(item.get(AttributeTypesTable.SK).s(),
                                AttributeType.fromWireName(item.get(AttributeTypesTable.TYPE).s()));
                    }
                }
            }
            askCustomer = false;
            from = to;
        } while (from < typeKeys.size());
        return new Found(registered, customerExists);
    }
}
