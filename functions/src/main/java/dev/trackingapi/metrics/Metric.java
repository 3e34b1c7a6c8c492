package dev.trackingapi.metrics;

/**
 * The custom metrics the functions emit, all counts, each with the dimension {@link Dimension#ROUTE} (and
 * {@link Dimension#PROJECT} when per-project metrics are on). What each means to an operator: README, "Operate".
 */
public enum Metric {
    /** An event written for the first time. */
    EVENTS_STORED("EventsStored"),
    /** An event that was already stored: a retry found it, nothing was written. */
    EVENTS_DUPLICATE("EventsDuplicate"),
    /** A customer profile upserted by a customer route. */
    CUSTOMERS_UPDATED("CustomersUpdated"),
    /** Values stored but not applied, with the dimension {@link Dimension#REASON}. */
    ATTRIBUTES_IGNORED("AttributesIgnored"),
    /** Attribute types registered for the first time in a project. */
    TYPES_REGISTERED("TypesRegistered"),
    /** Requests refused by the function (4xx), with the dimension {@link Dimension#STATUS}. */
    REJECTED("Rejected"),
    /** Requests answered 503 because DynamoDB could not be used; also emitted without any dimension, for alarms. */
    STORAGE_UNAVAILABLE("StorageUnavailable"),
    /** API keys the authorizer refused (API Gateway caches refusals too: only uncached ones reach it). */
    KEYS_REFUSED("KeysRefused");

    /** The unit of every metric here. */
    public static final String UNIT = "Count";

    private final String metricName;

    Metric(String metricName) {
        this.metricName = metricName;
    }

    /** The name in CloudWatch (and the EMF line's member that holds the value). */
    public String metricName() {
        return metricName;
    }

    /** The dimension names of the metrics. */
    public static final class Dimension {
        /** The API Gateway route key, "POST /track/event/v2". */
        public static final String ROUTE = "Route";
        /** The project (store) of the API key; only when per-project metrics are on. */
        public static final String PROJECT = "Project";
        /** The HTTP status of a rejected request, "422". */
        public static final String STATUS = "Status";
        /** Why values were ignored: the API's own reason codes, "type_mismatch" or "attribute_limit_exceeded". */
        public static final String REASON = "Reason";

        private Dimension() {
        }
    }
}
