package dev.trackingapi.wiring;

import dev.trackingapi.auth.ApiKeyAuthenticator;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.config.TableNames;
import dev.trackingapi.service.BatchTracker;
import dev.trackingapi.service.CustomerEraser;
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
import dev.trackingapi.store.dynamodb.DynamoDbCustomerItems;
import dev.trackingapi.store.dynamodb.DynamoDbCustomerStore;
import dev.trackingapi.store.dynamodb.DynamoDbErasureKeyStore;
import dev.trackingapi.store.dynamodb.DynamoDbErasureLedger;
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
import static dev.trackingapi.config.EnvironmentVariables.ERASURE_RECEIPTS_TABLE;
import static dev.trackingapi.config.EnvironmentVariables.ERASURE_SAFETY_MARGIN_MILLIS;
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

    /** The batch function's services: events and customers on one registry of types and one of profiles. */
    public record BatchServices(BatchTracker tracker, TypeRegistry types, CustomerProfiles profiles) {
    }

    public static EventServices eventServices(DynamoDbClient dynamoDb, EnvironmentVariables environment) {
        return eventServices(dynamoDb, environment, CustomerProfiles.TRUST_WINDOW);
    }

    /**
     * @param trustWindow how long a read of a project's erasure count vouches for the profiles an environment
     *                    remembers: {@link CustomerProfiles#TRUST_WINDOW}; tests shorten it, and the eraser's with it
     */
    public static EventServices eventServices(DynamoDbClient dynamoDb, EnvironmentVariables environment,
                                              Duration trustWindow) {
        String attributeTypes = environment.required(ATTRIBUTE_TYPES_TABLE);
        String customers = environment.required(CUSTOMERS_TABLE);
        String events = environment.required(EVENTS_TABLE);
        TypeRegistry types = typeRegistry(dynamoDb, attributeTypes, customers);
        CustomerProfiles profiles = new CustomerProfiles(new DynamoDbCustomerStore(dynamoDb, customers),
                BesideWrites.pool(), trustWindow, System::nanoTime);
        return new EventServices(new EventTracker(types, profiles, new DynamoDbEventStore(dynamoDb, events)), types,
                profiles);
    }

    public static CustomerServices customerServices(DynamoDbClient dynamoDb, EnvironmentVariables environment) {
        String attributeTypes = environment.required(ATTRIBUTE_TYPES_TABLE);
        String customers = environment.required(CUSTOMERS_TABLE);
        TypeRegistry types = typeRegistry(dynamoDb, attributeTypes, customers);
        return new CustomerServices(new CustomerTracker(types, new DynamoDbCustomerStore(dynamoDb, customers)), types);
    }

    public static BatchServices batchServices(DynamoDbClient dynamoDb, EnvironmentVariables environment) {
        String attributeTypes = environment.required(ATTRIBUTE_TYPES_TABLE);
        String customers = environment.required(CUSTOMERS_TABLE);
        String events = environment.required(EVENTS_TABLE);
        TypeRegistry types = typeRegistry(dynamoDb, attributeTypes, customers);
        DynamoDbCustomerStore customerStore = new DynamoDbCustomerStore(dynamoDb, customers);
        CustomerProfiles profiles = new CustomerProfiles(customerStore, BesideWrites.pool());
        BatchTracker tracker = new BatchTracker(types,
                new EventTracker(types, profiles, new DynamoDbEventStore(dynamoDb, events)),
                new CustomerTracker(types, customerStore), BesideWrites.pool(), Clock.systemUTC());
        return new BatchServices(tracker, types, profiles);
    }

    public static BatchTracker batchTracker(DynamoDbClient dynamoDb, EnvironmentVariables environment) {
        return batchServices(dynamoDb, environment).tracker();
    }

    public static BatchTracker batchTracker(DynamoDbClient dynamoDb, TableNames tables) {
        return batchTracker(dynamoDb, tables.asEnvironment());
    }

    public static EventTracker eventTracker(DynamoDbClient dynamoDb, EnvironmentVariables environment) {
        return eventServices(dynamoDb, environment).tracker();
    }

    public static EventTracker eventTracker(DynamoDbClient dynamoDb, TableNames tables) {
        return eventTracker(dynamoDb, tables.asEnvironment());
    }

    public static EventTracker eventTracker(DynamoDbClient dynamoDb, TableNames tables, Duration trustWindow) {
        return eventServices(dynamoDb, tables.asEnvironment(), trustWindow).tracker();
    }

    /**
     * The erasure function's eraser: it stops starting new work ERASURE_SAFETY_MARGIN_MILLIS (default 5 s) before
     * the function's timeout.
     */
    public static CustomerEraser customerEraser(DynamoDbClient dynamoDb, EnvironmentVariables environment) {
        return customerEraser(dynamoDb, environment, CustomerProfiles.TRUST_WINDOW);
    }

    /** @param trustWindow the tracking functions' (see {@link #eventServices(DynamoDbClient, EnvironmentVariables, Duration)}) */
    public static CustomerEraser customerEraser(DynamoDbClient dynamoDb, EnvironmentVariables environment,
                                                Duration trustWindow) {
        String customers = environment.required(CUSTOMERS_TABLE);
        String events = environment.required(EVENTS_TABLE);
        String receipts = environment.required(ERASURE_RECEIPTS_TABLE);
        Duration safetyMargin = environment.optional(ERASURE_SAFETY_MARGIN_MILLIS).map(Wiring::milliseconds)
                .orElse(CustomerEraser.DEFAULT_SAFETY_MARGIN);
        return new CustomerEraser(new DynamoDbCustomerItems(dynamoDb, customers, events, BesideWrites.pool()),
                new DynamoDbCustomerStore(dynamoDb, customers), new DynamoDbErasureLedger(dynamoDb, receipts), new DynamoDbErasureKeyStore(dynamoDb, customers),
                trustWindow, safetyMargin, Clock.systemUTC());
    }

    public static CustomerEraser customerEraser(DynamoDbClient dynamoDb, TableNames tables, Duration trustWindow) {
        return customerEraser(dynamoDb, tables.asEnvironment(), trustWindow);
    }

    private static Duration milliseconds(String value) {
        try {
            long millis = Long.parseLong(value.trim());
            if (millis >= 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException notANumber) {
            // Reported below.
        }
        throw new IllegalStateException("Environment variable " + ERASURE_SAFETY_MARGIN_MILLIS + " is \"" + value
                + "\"; a number of milliseconds (0 or more) is expected");
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
