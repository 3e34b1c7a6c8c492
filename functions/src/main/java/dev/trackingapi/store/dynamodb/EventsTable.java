package dev.trackingapi.store.dynamodb;

/**
 * The events table: partition key {@code pk} "{project}#{customer id}" ({@link CustomerPartition}), sort key
 * {@code sk} "{epoch ms, 15 digits}#{idempotency key}", so one Query reads a customer's events in time order and a
 * retried event finds its own key. Beside them, in partitions "{project}!{customer id}", one item per eventId of an
 * event timed by its receipt remembers the time of its first receipt.
 */
public final class EventsTable {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String CUSTOMER_ID = "customerId";
    public static final String NAME = "name";
    public static final String TIME = "time";
    public static final String EVENT_ID = "eventId";
    public static final String RECEIVED_AT = "receivedAt";
    public static final String ATTRIBUTES = "attributes";
    public static final String ATTRIBUTE_TYPES = "attributeTypes";
    public static final String IGNORED = "ignored";
    public static final String IGNORED_TYPES = "ignoredTypes";
    /** Keys of an {@link #IGNORED_TYPES} entry. */
    public static final String RECEIVED_TYPE = "received";
    public static final String REGISTERED_TYPE = "registered";

    private static final int TIME_DIGITS = 15;

    private EventsTable() {
    }

    public static String partitionKey(String projectId, String customerId) {
        return CustomerPartition.of(projectId, customerId);
    }

    public static String receiptTimePartitionKey(String projectId, String customerId) {
        return projectId + "!" + customerId;
    }

    public static String sortKey(long timeMillis, String eventKey) {
        return timeDigits(timeMillis) + "#" + eventKey;
    }

    /** The time part of a sort key: epoch milliseconds in 15 digits, so that sort keys sort in time order. */
    public static String timeDigits(long timeMillis) {
        String digits = Long.toString(timeMillis);
        return "0".repeat(TIME_DIGITS - digits.length()) + digits;
    }
}
