package dev.trackingapi.store.dynamodb;

import dev.trackingapi.model.AttributeScope;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The type registry table: partition key {@code pk} is the scope ("{project}#event#{event name}" or
 * "{project}#customer", {@link AttributeScope#id()}), sort key {@code sk} the attribute name, so one Query lists a
 * scope's types. Every item also names its project, {@code projectId}, the partition key of the index
 * {@value #BY_PROJECT} (sort key {@code pk}): one Query of the index lists a project's types, every event name
 * among them, without a Scan. The index costs no request: DynamoDB writes it beside each registration.
 */
public final class AttributeTypesTable {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String TYPE = "type";
    public static final String REGISTERED_AT = "registeredAt";
    public static final String PROJECT_ID = "projectId";
    public static final String BY_PROJECT = "byProject";

    private AttributeTypesTable() {
    }

    public static Map<String, AttributeValue> key(AttributeScope scope, String attributeName) {
        return Map.of(PK, AttributeValue.fromS(scope.id()), SK, AttributeValue.fromS(attributeName));
    }

    /** The project of a scope id: project ids never contain '#'. */
    public static String projectOf(String scopeId) {
        int separator = scopeId.indexOf('#');
        return separator < 0 ? scopeId : scopeId.substring(0, separator);
    }
}
