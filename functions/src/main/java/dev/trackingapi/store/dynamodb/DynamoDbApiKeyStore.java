package dev.trackingapi.store.dynamodb;

import dev.trackingapi.model.Dates;
import dev.trackingapi.model.Scope;
import dev.trackingapi.store.ApiKeyRecord;
import dev.trackingapi.store.ApiKeyStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.trackingapi.store.dynamodb.ApiKeysTable.*;

/** API keys in the API keys table ({@link ApiKeysTable}). */
public final class DynamoDbApiKeyStore implements ApiKeyStore {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbApiKeyStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String keyHash) {
        try {
            Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table)
                    .key(Map.of(KEY_HASH, AttributeValue.fromS(keyHash)))).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }

    @Override
    public ApiKeyRecord createIfAbsent(ApiKeyRecord record) {
        try {
            dynamoDb.putItem(put -> put.tableName(table).item(toItem(record))
                    .conditionExpression("attribute_not_exists(" + KEY_HASH + ")")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return record;
        } catch (ConditionalCheckFailedException exists) {
            return fromItem(exists.item());
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }

    @Override
    public List<ApiKeyRecord> listByProject(String projectId) {
        List<ApiKeyRecord> records = new ArrayList<>();
        QueryRequest query = QueryRequest.builder()
                .tableName(table)
                .indexName(BY_PROJECT_INDEX)
                .keyConditionExpression("#projectId = :projectId")
                .expressionAttributeNames(Map.of("#projectId", PROJECT_ID))
                .expressionAttributeValues(Map.of(":projectId", AttributeValue.fromS(projectId)))
                .build();
        try {
            dynamoDb.queryPaginator(query).items().forEach(item -> records.add(fromItem(item)));
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
        return records;
    }

    @Override
    public boolean setScopes(String keyHash, Set<Scope> scopes) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table)
                    .key(Map.of(KEY_HASH, AttributeValue.fromS(keyHash)))
                    .updateExpression("SET #scopes = :scopes")
                    .conditionExpression("attribute_exists(#keyHash)")
                    .expressionAttributeNames(Map.of("#scopes", SCOPES, "#keyHash", KEY_HASH))
                    .expressionAttributeValues(Map.of(":scopes", scopeNames(scopes))));
            return true;
        } catch (ConditionalCheckFailedException unknown) {
            return false;
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }

    @Override
    public boolean revoke(String keyHash, Instant now) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table)
                    .key(Map.of(KEY_HASH, AttributeValue.fromS(keyHash)))
                    .updateExpression("SET #revoked = :true, #revokedAt = if_not_exists(#revokedAt, :now)")
                    .conditionExpression("attribute_exists(#keyHash)")
                    .expressionAttributeNames(Map.of("#revoked", REVOKED, "#revokedAt", REVOKED_AT,
                            "#keyHash", KEY_HASH))
                    .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true),
                            ":now", AttributeValue.fromS(Dates.format(now)))));
            return true;
        } catch (ConditionalCheckFailedException unknown) {
            return false;
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }

    private static Map<String, AttributeValue> toItem(ApiKeyRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(KEY_HASH, AttributeValue.fromS(record.keyHash()));
        item.put(PROJECT_ID, AttributeValue.fromS(record.projectId()));
        item.put(SCOPES, scopeNames(record.scopes()));
        item.put(LABEL, AttributeValue.fromS(record.label()));
        item.put(CREATED_AT, AttributeValue.fromS(Dates.format(record.createdAt())));
        item.put(REVOKED, AttributeValue.fromBool(record.revoked()));
        if (record.revokedAt() != null) {
            item.put(REVOKED_AT, AttributeValue.fromS(Dates.format(record.revokedAt())));
        }
        return item;
    }

    /** A string set cannot be empty: a key with no scope at all stores the name of none ("none" is no scope). */
    private static AttributeValue scopeNames(Set<Scope> scopes) {
        return AttributeValue.fromSs(scopes.isEmpty() ? List.of("none")
                : scopes.stream().map(Scope::wireName).sorted().toList());
    }

    private static ApiKeyRecord fromItem(Map<String, AttributeValue> item) {
        AttributeValue revoked = item.get(REVOKED);
        AttributeValue revokedAt = item.get(REVOKED_AT);
        AttributeValue label = item.get(LABEL);
        AttributeValue scopes = item.get(SCOPES);
        return new ApiKeyRecord(
                item.get(KEY_HASH).s(),
                item.get(PROJECT_ID).s(),
                scopes == null || !scopes.hasSs() ? Scope.DEFAULT : Scope.parse(String.join(",", scopes.ss())),
                label == null ? "" : label.s(),
                Instant.parse(item.get(CREATED_AT).s()),
                revoked != null && Boolean.TRUE.equals(revoked.bool()),
                revokedAt == null ? null : Instant.parse(revokedAt.s()));
    }
}
