package dev.trackingapi.store.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The customers table: partition key {@code pk} "{project}#{customer id}" ({@link CustomerPartition}); sort key
 * {@code sk} "profile" for the profile, "ignored#{attribute}#{value hash}" for each value that was not applied. Custom
 * attributes are top-level attributes "attr:{name}", each set on its own path; {@code customAttributeNames} (a string
 * set) counts them for the cap.
 *
 * <p>Two kinds of item beside the customers, under keys no customer partition can have (those always hold a '#' after
 * the project id, and never start with one): per project, pk "{project}", sk "erasures", the project's count of
 * erasures of a profile ({@link #ERASURE_GENERATION}); and once per deployment, pk "#erasure", sk "key", the secret key
 * of the customer hashes in erasure receipts ({@link #ERASURE_KEY}).
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

    /** The number attribute of a project's erasures item. */
    public static final String ERASURE_GENERATION = "generation";
    public static final String ERASURES = "erasures";
    /** The binary attribute of the deployment's erasure key item. */
    public static final String ERASURE_KEY = "key";
    private static final String ERASURE_KEY_PARTITION = "#erasure";

    private CustomersTable() {
    }

    public static Map<String, AttributeValue> profileKey(String projectId, String customerId) {
        return Map.of(PK, AttributeValue.fromS(CustomerPartition.of(projectId, customerId)),
                SK, AttributeValue.fromS(PROFILE));
    }

    /** The item that counts a project's erasures of a profile: its partition key is the bare project id. */
    public static Map<String, AttributeValue> erasureGenerationKey(String projectId) {
        return Map.of(PK, AttributeValue.fromS(projectId), SK, AttributeValue.fromS(ERASURES));
    }

    public static Map<String, AttributeValue> erasureKeyItemKey() {
        return Map.of(PK, AttributeValue.fromS(ERASURE_KEY_PARTITION), SK, AttributeValue.fromS(ERASURE_KEY));
    }

    public static String ignoredSortKey(String attribute, String valueHash) {
        return IGNORED_PREFIX + attribute + "#" + valueHash;
    }
}
