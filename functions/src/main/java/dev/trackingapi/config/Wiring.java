package dev.trackingapi.config;

import dev.trackingapi.auth.ApiKeyAuthenticator;
import dev.trackingapi.service.CustomerTracker;
import dev.trackingapi.service.EventTracker;
import dev.trackingapi.service.KnownCustomers;
import dev.trackingapi.service.KnownFacts;
import dev.trackingapi.service.TypeRegistry;
import dev.trackingapi.store.CustomerStore;
import dev.trackingapi.store.dynamodb.DynamoDbApiKeyStore;
import dev.trackingapi.store.dynamodb.DynamoDbAttributeTypeStore;
import dev.trackingapi.store.dynamodb.DynamoDbCustomerStore;
import dev.trackingapi.store.dynamodb.DynamoDbEventStore;
import dev.trackingapi.store.dynamodb.DynamoDbKnownFactsStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;

/**
 * Builds the services on one DynamoDB client. Each function reads only the variables of the tables it uses, so the
 * template can grant each function only those tables.
 */
public final class Wiring {
    private Wiring() {
    }

    public static EventTracker eventTracker(DynamoDbClient dynamoDb, EnvironmentVariables environment) {
        return eventTracker(dynamoDb, environment.required(EnvironmentVariables.ATTRIBUTE_TYPES_TABLE),
                environment.required(EnvironmentVariables.CUSTOMERS_TABLE),
                environment.required(EnvironmentVariables.EVENTS_TABLE));
    }

    public static EventTracker eventTracker(DynamoDbClient dynamoDb, TableNames tables) {
        return eventTracker(dynamoDb, tables.attributeTypes(), tables.customers(), tables.events());
    }

    private static EventTracker eventTracker(DynamoDbClient dynamoDb, String attributeTypesTable,
                                             String customersTable, String eventsTable) {
        TypeRegistry types = new TypeRegistry(new DynamoDbAttributeTypeStore(dynamoDb, attributeTypesTable));
        KnownCustomers customers = new KnownCustomers(new DynamoDbCustomerStore(dynamoDb, customersTable));
        KnownFacts knownFacts = new KnownFacts(new DynamoDbKnownFactsStore(dynamoDb, attributeTypesTable,
                customersTable), types, customers, BesideWrites.pool());
        return new EventTracker(types, knownFacts, new DynamoDbEventStore(dynamoDb, eventsTable));
    }

    public static CustomerTracker customerTracker(DynamoDbClient dynamoDb, EnvironmentVariables environment) {
        return customerTracker(dynamoDb, environment.required(EnvironmentVariables.ATTRIBUTE_TYPES_TABLE),
                environment.required(EnvironmentVariables.CUSTOMERS_TABLE));
    }

    public static CustomerTracker customerTracker(DynamoDbClient dynamoDb, TableNames tables) {
        return customerTracker(dynamoDb, tables.attributeTypes(), tables.customers());
    }

    private static CustomerTracker customerTracker(DynamoDbClient dynamoDb, String attributeTypesTable,
                                                   String customersTable) {
        CustomerStore customers = new DynamoDbCustomerStore(dynamoDb, customersTable);
        TypeRegistry types = new TypeRegistry(new DynamoDbAttributeTypeStore(dynamoDb, attributeTypesTable));
        KnownCustomers knownCustomers = new KnownCustomers(customers);
        KnownFacts knownFacts = new KnownFacts(new DynamoDbKnownFactsStore(dynamoDb, attributeTypesTable,
                customersTable), types, knownCustomers, BesideWrites.pool());
        return new CustomerTracker(types, knownCustomers, knownFacts, customers);
    }

    public static ApiKeyAuthenticator authenticator(DynamoDbClient dynamoDb, EnvironmentVariables environment,
                                                    Clock clock) {
        Duration cacheTime = environment.optional(EnvironmentVariables.API_KEY_CACHE_SECONDS)
                .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds)))
                .orElse(ApiKeyAuthenticator.DEFAULT_CACHE_TIME);
        return authenticator(dynamoDb, environment.required(EnvironmentVariables.API_KEYS_TABLE), clock, cacheTime);
    }

    public static ApiKeyAuthenticator authenticator(DynamoDbClient dynamoDb, String apiKeysTable, Clock clock,
                                                    Duration cacheTime) {
        return new ApiKeyAuthenticator(new DynamoDbApiKeyStore(dynamoDb, apiKeysTable), clock, cacheTime);
    }
}
