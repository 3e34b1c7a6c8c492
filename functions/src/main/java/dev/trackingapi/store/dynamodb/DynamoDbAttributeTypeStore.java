package dev.trackingapi.store.dynamodb;

import dev.trackingapi.domain.AttributeScope;
import dev.trackingapi.domain.AttributeType;
import dev.trackingapi.domain.Dates;
import dev.trackingapi.store.AttributeTypeStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Instant;
import java.util.Map;

/**
 * The type registry table: partition key {@code pk} is the scope ("{project}#event#{event name}" or
 * "{project}#customer"), sort key {@code sk} the attribute name, so one Query lists a scope's types.
 */
public final class DynamoDbAttributeTypeStore implements AttributeTypeStore {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String TYPE = "type";
    static final String REGISTERED_AT = "registeredAt";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbAttributeTypeStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** First writer wins: a conditional put that, when it loses, returns the winner's item, so no second read. */
    @Override
    public AttributeType registerIfAbsent(AttributeScope scope, String attributeName, AttributeType type, Instant now) {
        PutItemRequest put = PutItemRequest.builder()
                .tableName(table)
                .item(Map.of(
                        PK, AttributeValue.fromS(scope.id()),
                        SK, AttributeValue.fromS(attributeName),
                        TYPE, AttributeValue.fromS(type.wireName()),
                        REGISTERED_AT, AttributeValue.fromS(Dates.format(now))))
                .conditionExpression("attribute_not_exists(" + PK + ")")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        try {
            dynamoDb.putItem(put);
            return type;
        } catch (ConditionalCheckFailedException lost) {
            return lost.hasItem() ? typeIn(lost.item()) : readRegistered(scope, attributeName);
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }

    /** Only for a DynamoDB that does not return the item with the failure: the winner is read once, consistently. */
    private AttributeType readRegistered(AttributeScope scope, String attributeName) {
        try {
            Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true)
                    .key(Map.of(PK, AttributeValue.fromS(scope.id()), SK, AttributeValue.fromS(attributeName)))).item();
            return typeIn(item);
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(table, e);
        }
    }

    private static AttributeType typeIn(Map<String, AttributeValue> item) {
        return AttributeType.fromWireName(item.get(TYPE).s());
    }
}
