package dev.trackingapi.store.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The customers table: partition key {@code pk} "{project}#{customer id}" ({@link CustomerPartition}); sort key
 * {@code sk} "profile" for the profile, "ignored#{attribute}#{value hash}" for each value that was not applied. Custom
 * attributes are top-level attributes "attr:{name}", each set on its own path; {@code customAttributeNames} (a string
 * set) counts them for the cap.
 */
public final class CustomersTable {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String PROFILE = "profile";
    public static final String IGNORED_PREFIX = "ignored#";

    public static final String PROJECT_ID = "projectId";
    public static final String CUSTOMER_ID = "customerId";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String CUSTOM_ATTRIBUTE_NAMES = "customAttributeNames";
    public static final String CUSTOM_PREFIX = "attr:";

    /** Attributes of an item that keeps a value not applied. */
    public static final String ATTRIBUTE = "attribute";
    public static final String REASON = "reason";
    public static final String VALUE = "value";
    public static final String RECEIVED_TYPE = "receivedType";
    public static final String REGISTERED_TYPE = "registeredType";
    public static final String LIMIT = "limit";
    public static final String RECEIVED_AT = "receivedAt";

    private CustomersTable() {
    }

    public static Map<String, AttributeValue> profileKey(String projectId, String customerId) {
        return Map.of(PK, AttributeValue.fromS(CustomerPartition.of(projectId, customerId)),
                SK, AttributeValue.fromS(PROFILE));
    }

    public static String ignoredSortKey(String attribute, String valueHash) {
        return IGNORED_PREFIX + attribute + "#" + valueHash;
    }
}
