package dev.trackingapi.config;

import java.util.Map;

/** The DynamoDB tables of one deployment. */
public record TableNames(String customers, String events, String attributeTypes, String apiKeys, String catalog,
                         String erasureReceipts) {

    public static TableNames from(EnvironmentVariables environment) {
        return new TableNames(
                environment.required(EnvironmentVariables.CUSTOMERS_TABLE),
                environment.required(EnvironmentVariables.EVENTS_TABLE),
                environment.required(EnvironmentVariables.ATTRIBUTE_TYPES_TABLE),
                environment.required(EnvironmentVariables.API_KEYS_TABLE),
                environment.required(EnvironmentVariables.CATALOG_TABLE),
                environment.required(EnvironmentVariables.ERASURE_RECEIPTS_TABLE));
    }

    /** Table names with a common prefix, as the local API and the tests name them. */
    public static TableNames withPrefix(String prefix) {
        return new TableNames(prefix + "customers", prefix + "events", prefix + "attribute-types", prefix + "api-keys",
                prefix + "catalog", prefix + "erasure-receipts");
    }

    /** The environment variables that name these tables, as template.yaml sets them for a function. */
    public EnvironmentVariables asEnvironment() {
        return new EnvironmentVariables(Map.of(
                EnvironmentVariables.CUSTOMERS_TABLE, customers,
                EnvironmentVariables.EVENTS_TABLE, events,
                EnvironmentVariables.ATTRIBUTE_TYPES_TABLE, attributeTypes,
                EnvironmentVariables.API_KEYS_TABLE, apiKeys,
                EnvironmentVariables.CATALOG_TABLE, catalog,
                EnvironmentVariables.ERASURE_RECEIPTS_TABLE, erasureReceipts)::get);
    }
}
