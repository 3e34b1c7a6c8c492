package dev.trackingapi.config;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Every environment variable the functions read, by name; all but the runtime's own are set in template.yaml. */
public final class EnvironmentVariables {
    /** Set by the Lambda runtime itself (it cannot be set in a template). */
    public static final String AWS_REGION = "AWS_REGION";
    public static final String CUSTOMERS_TABLE = "CUSTOMERS_TABLE";
    public static final String EVENTS_TABLE = "EVENTS_TABLE";
    public static final String ATTRIBUTE_TYPES_TABLE = "ATTRIBUTE_TYPES_TABLE";
    public static final String API_KEYS_TABLE = "API_KEYS_TABLE";
    public static final String CATALOG_TABLE = "CATALOG_TABLE";
    public static final String ERASURE_RECEIPTS_TABLE = "ERASURE_RECEIPTS_TABLE";
    /** Optional: an endpoint override for DynamoDB Local or `sam local`; unset in AWS. */
    public static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";
    /** Optional: how long the authorizer keeps a key lookup in memory, in seconds. */
    public static final String API_KEY_CACHE_SECONDS = "API_KEY_CACHE_SECONDS";
    /** Optional: the CloudWatch namespace of the functions' metrics (default TrackingApi). */
    public static final String METRICS_NAMESPACE = "METRICS_NAMESPACE";
    /** Optional: "true" to emit every metric per project as well (one more custom metric per project and route). */
    public static final String METRICS_PER_PROJECT = "METRICS_PER_PROJECT";
    /**
     * Optional: how long before the function's timeout an erasure stops starting new work and answers 202, in
     * milliseconds (default 5000). The tests set it close to the whole time left, to force a small time budget.
     */
    public static final String ERASURE_SAFETY_MARGIN_MILLIS = "ERASURE_SAFETY_MARGIN_MILLIS";

    public static final Set<String> PROVIDED_BY_RUNTIME = Set.of(AWS_REGION);

    private final Function<String, String> lookup;

    public EnvironmentVariables(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    public static EnvironmentVariables system() {
        return new EnvironmentVariables(System::getenv);
    }

    public String required(String name) {
        String value = lookup.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set"
                    + (PROVIDED_BY_RUNTIME.contains(name) ? " (the Lambda runtime sets it)"
                    : " (template.yaml sets it for the functions that need it)"));
        }
        return value;
    }

    public Optional<String> optional(String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
