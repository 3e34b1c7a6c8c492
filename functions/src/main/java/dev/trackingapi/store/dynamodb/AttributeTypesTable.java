package dev.trackingapi.store.dynamodb;

import dev.trackingapi.model.AttributeScope;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The type registry table: partition key {@code pk} is the scope ("{project}#event#{event name}" or
 * "{project}#customer", {@link AttributeScope#id()}), sort key {@code sk} the attribute name, so one Query lists a
 * scope's types.
 */
public final class AttributeTypesTable {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String TYPE = "type";
    public static final String REGISTERED_AT = "registeredAt";

    private AttributeTypesTable() {
    }

    public static Map<String, AttributeValue> key(AttributeScope scope, String attributeName) {
        return Map.of(PK, AttributeValue.fromS(scope.id()), SK, AttributeValue.fromS(attributeName));
    }
}
