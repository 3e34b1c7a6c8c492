package dev.trackingapi.wiring;

import dev.trackingapi.auth.ApiKeyAuthenticator;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.config.TableNames;
import dev.trackingapi.service.CustomerProfiles;
import dev.trackingapi.service.CustomerReader;
import dev.trackingapi.service.CustomerTracker;
import dev.trackingapi.service.EventReader;
import dev.trackingapi.service.EventTracker;
import dev.trackingapi.service.ProductCatalog;
import dev.trackingapi.service.SchemaReader;
import dev.trackingapi.service.TypeRegistry;
import dev.trackingapi.store.dynamodb.DynamoDbApiKeyStore;
import dev.trackingapi.store.dynamodb.DynamoDbAttributeTypeStore;
import dev.trackingapi.store.dynamodb.DynamoDbCatalogStore;
import dev.trackingapi.store.dynamodb.DynamoDbCustomerStore;
import dev.trackingapi.store.dynamodb.DynamoDbEventStore;
import dev.trackingapi.store.dynamodb.DynamoDbPrefetchStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;

import static dev.trackingapi.config.EnvironmentVariables.API_KEYS_TABLE;
import static dev.trackingapi.config.EnvironmentVariables.API_KEY_CACHE_SECONDS;
import static dev.trackingapi.config.EnvironmentVariables.ATTRIBUTE_TYPES_TABLE;
import static dev.trackingapi.config.EnvironmentVariables.CATALOG_TABLE;
import static dev.trackingapi.config.EnvironmentVariables.CUSTOMERS_TABLE;
import static dev.trackingapi.config.EnvironmentVariables.EVENTS_TABLE;

/**
 * Builds the services of each kind of function on one DynamoDB client: in Lambda once per execution environment
 * ({@link LambdaEnvironment}), in the local API and the tests once per simulated environment. Each function reads only
 * the variables of the tables it uses, so that a missing one stops it at start with its name.
 */
public final class Wiring {
    private Wiring() {
    }

    /** An event function's services: the tracker, and the caches its priming forgets and fills. */
    public record EventServices(EventTracker tracker, TypeRegistry types, CustomerProfiles profiles) {
    }

    /** A customer function's services. */
    public record CustomerServices(CustomerTracker tracker, TypeRegistry types) {
    }

    public static EventServices eventServices(DynamoDbClient dynamoDb, EnvironmentVariables environment) {
        String attributeTypes = environment.required(ATTRIBUTE_TYPES_TABLE);
        String customers = environment.required(CUSTOMERS_TABLE);
        String events = environment.required(EVENTS_TABLE);
        TypeRegistry types = typeRegistry(dynamoDb, attributeTypes, customers);
        CustomerProfiles profiles = new CustomerProfiles(new DynamoDbCustomerStore(dynamoDb, customers),
                BesideWrites.pool());
        return new EventServices(new EventTracker(types, profiles, new DynamoDbEventStore(dynamoDb, events)), types,
                profiles);
    }

    public static CustomerServices customerServices(DynamoDbClient dynamoDb, EnvironmentVariables environment) {
        String attributeTypes = environment.required(ATTRIBUTE_TYPES_TABLE);
        String customers = environment.required(CUSTOMERS_TABLE);
        TypeRegistry types = typeRegistry(dynamoDb, attributeTypes, customers);
        return new CustomerServices(new CustomerTracker(types, new DynamoDbCustomerStore(dynamoDb, customers)), types);
    }

    public static EventTracker eventTracker(DynamoDbClient dynamoDb, EnvironmentVariables environment) {
        return eventServices(dynamoDb, environment).tracker();
    }

    public static EventTracker eventTracker(DynamoDbClient dynamoDb, TableNames tables) {
        return eventTracker(dynamoDb, tables.asEnvironment());
    }

    public static CustomerTracker customerTracker(DynamoDbClient dynamoDb, EnvironmentVariables environment) {
        return customerServices(dynamoDb, environment).tracker();
    }

    public static CustomerTracker customerTracker(DynamoDbClient dynamoDb, TableNames tables) {
        return customerTracker(dynamoDb, tables.asEnvironment());
    }

    /** A catalog function's service: it reads only CATALOG_TABLE. */
    public static ProductCatalog productCatalog(DynamoDbClient dynamoDb, EnvironmentVariables environment) {
        return new ProductCatalog(new DynamoDbCatalogStore(dynamoDb, environment.required(CATALOG_TABLE)));
    }

    public static ProductCatalog productCatalog(DynamoDbClient dynamoDb, TableNames tables) {
        return productCatalog(dynamoDb, tables.asEnvironment());
    }

    /** GET /customers/{id}: profiles, typed by the registry (whose types it caches). */
    public static CustomerReader customerReader(DynamoDbClient dynamoDb, EnvironmentVariables environment) {
        String attributeTypes = environment.required(ATTRIBUTE_TYPES_TABLE);
        String customers = environment.required(CUSTOMERS_TABLE);
        return new CustomerReader(new DynamoDbCustomerStore(dynamoDb, customers),
                typeRegistry(dynamoDb, attributeTypes, customers));
    }

    /** GET /customers/{id}/events. */
    public static EventReader eventReader(DynamoDbClient dynamoDb, EnvironmentVariables environment) {
        return new EventReader(new DynamoDbEventStore(dynamoDb, environment.required(EVENTS_TABLE)));
    }

    /** GET /schema and GET /schema/events/{name}. */
    public static SchemaReader schemaReader(DynamoDbClient dynamoDb, EnvironmentVariables environment) {
        return new SchemaReader(new DynamoDbAttributeTypeStore(dynamoDb, environment.required(ATTRIBUTE_TYPES_TABLE)));
    }

    /** The authorizer's key lookups, kept for API_KEY_CACHE_SECONDS (default 30 s). */
    public static ApiKeyAuthenticator authenticator(DynamoDbClient dynamoDb, EnvironmentVariables environment,
                                                    Clock clock) {
        Duration cacheTime = environment.optional(API_KEY_CACHE_SECONDS)
                .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds)))
                .orElse(ApiKeyAuthenticator.DEFAULT_CACHE_TIME);
        return new ApiKeyAuthenticator(new DynamoDbApiKeyStore(dynamoDb, environment.required(API_KEYS_TABLE)), clock,
                cacheTime);
    }

    private static TypeRegistry typeRegistry(DynamoDbClient dynamoDb, String attributeTypesTable,
                                             String customersTable) {
        return new TypeRegistry(new DynamoDbAttributeTypeStore(dynamoDb, attributeTypesTable),
                new DynamoDbPrefetchStore(dynamoDb, attributeTypesTable, customersTable));
    }
}
