package dev.trackingapi.priming;

import dev.trackingapi.auth.ApiKeys;
import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.model.CatalogKind;
import dev.trackingapi.model.EventsQuery;
import dev.trackingapi.store.dynamodb.CatalogTable;
import dev.trackingapi.store.dynamodb.CustomersTable;
import dev.trackingapi.store.dynamodb.DynamoDbApiKeyStore;
import dev.trackingapi.store.dynamodb.DynamoDbAttributeTypeStore;
import dev.trackingapi.store.dynamodb.DynamoDbCatalogStore;
import dev.trackingapi.store.dynamodb.DynamoDbCustomerItems;
import dev.trackingapi.store.dynamodb.DynamoDbCustomerStore;
import dev.trackingapi.store.dynamodb.DynamoDbEventStore;
import dev.trackingapi.store.dynamodb.DynamoDbPrefetchStore;
import dev.trackingapi.store.dynamodb.ErasureReceiptsTable;
import dev.trackingapi.store.dynamodb.EventsTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Real DynamoDB requests for SnapStart priming, after the rehearsal has compiled the code paths: they open the
 * connections and fetch credentials. They are the requests a function makes, on keys no project can own (project
 * ids never start with '#'), so that they change nothing: reads of items that never exist, and writes whose condition
 * can never hold.
 */
public final class WarmUpRequests {
    private static final String NO_PROJECT = "#warm-up";

    private WarmUpRequests() {
    }

    /**
     * What an event function asks: the prefetch, then a conditional PutItem of an event; and the customer's read
     * beside that PutItem, as a request does, so that two connections are open.
     */
    public static Runnable eventFunction(DynamoDbClient dynamoDb, String attributeTypesTable, String customersTable,
                                         String eventsTable, Executor besideWrites) {
        DynamoDbPrefetchStore prefetch = new DynamoDbPrefetchStore(dynamoDb, attributeTypesTable, customersTable);
        DynamoDbCustomerStore customers = new DynamoDbCustomerStore(dynamoDb, customersTable);
        Map<String, AttributeValue> item = Map.of(EventsTable.PK, AttributeValue.fromS(NO_PROJECT),
                EventsTable.SK, AttributeValue.fromS(NO_PROJECT));
        AttributeScope scope = AttributeScope.event(NO_PROJECT, "warm-up");
        return () -> {
            prefetch.lookUp(scope, List.of("a", "b"), NO_PROJECT);
            CompletableFuture<Void> beside = CompletableFuture.runAsync(() -> {
                customers.profileAndErasures(NO_PROJECT, NO_PROJECT);
                customers.exists(NO_PROJECT, NO_PROJECT);
            }, besideWrites);
            try {
                dynamoDb.putItem(put -> put.tableName(eventsTable).item(item)
                        .conditionExpression("attribute_exists(#key)")
                        .expressionAttributeNames(Map.of("#key", EventsTable.PK)));
            } catch (ConditionalCheckFailedException expected) {
                // Always: the key belongs to no project, so it never exists.
            }
            beside.join();
        };
    }

    /** What a customer function asks: the prefetch of types, then a conditional UpdateItem of a profile. */
    public static Runnable customerFunction(DynamoDbClient dynamoDb, String attributeTypesTable, String customersTable) {
        DynamoDbPrefetchStore prefetch = new DynamoDbPrefetchStore(dynamoDb, attributeTypesTable, customersTable);
        return () -> {
            prefetch.lookUp(AttributeScope.customer(NO_PROJECT), List.of("a", "b"), null);
            try {
                dynamoDb.updateItem(update -> update.tableName(customersTable)
                        .key(CustomersTable.profileKey(NO_PROJECT, NO_PROJECT))
                        .updateExpression("SET #updatedAt = :now")
                        .conditionExpression("attribute_exists(#pk)")
                        .expressionAttributeNames(Map.of("#updatedAt", CustomersTable.UPDATED_AT,
                                "#pk", CustomersTable.PK))
                        .expressionAttributeValues(Map.of(":now", AttributeValue.fromS("warm-up"))));
            } catch (ConditionalCheckFailedException expected) {
                // Always: the profile of a project that cannot exist.
            }
        };
    }

    /** What the batch function asks: an event function's requests, then a customer function's. */
    public static Runnable batchFunction(DynamoDbClient dynamoDb, String attributeTypesTable, String customersTable,
                                         String eventsTable, Executor besideWrites) {
        Runnable events = eventFunction(dynamoDb, attributeTypesTable, customersTable, eventsTable, besideWrites);
        Runnable customers = customerFunction(dynamoDb, attributeTypesTable, customersTable);
        return () -> {
            events.run();
            customers.run();
        };
    }

    /**
     * What a catalog function asks, on entries of a project that cannot exist: its upsert's conditional UpdateItem
     * (whose condition never holds), its deletion's mark (of an entry that is not there), its reads, an add that finds
     * nothing to map, or a removal of mappings that are not there.
     */
    public static Runnable catalogFunction(DynamoDbClient dynamoDb, String catalogTable, CatalogRoute route) {
        DynamoDbCatalogStore catalog = new DynamoDbCatalogStore(dynamoDb, catalogTable);
        List<String> ids = List.of(NO_PROJECT);
        return switch (route) {
            case UPSERT_PRODUCT -> () -> impossibleUpdate(dynamoDb, catalogTable, CatalogKind.PRODUCT);
            case UPSERT_COLLECTION -> () -> impossibleUpdate(dynamoDb, catalogTable, CatalogKind.COLLECTION);
            case DELETE_PRODUCT -> () -> catalog.markDeleted(CatalogKind.PRODUCT, NO_PROJECT, NO_PROJECT, NO_PROJECT,
                    Instant.EPOCH);
            case DELETE_COLLECTION -> () -> catalog.markDeleted(CatalogKind.COLLECTION, NO_PROJECT, NO_PROJECT,
                    NO_PROJECT, Instant.EPOCH);
            case GET_PRODUCT -> () -> catalog.product(NO_PROJECT, NO_PROJECT);
            case LIST_PRODUCTS -> () -> catalog.products(NO_PROJECT, NO_PROJECT, 1, null);
            case ADD_PRODUCTS -> () -> catalog.addProducts(NO_PROJECT, NO_PROJECT, ids, Instant.EPOCH);
            case REMOVE_PRODUCTS -> () -> catalog.removeProducts(NO_PROJECT, NO_PROJECT, ids);
        };
    }

    private static void impossibleUpdate(DynamoDbClient dynamoDb, String catalogTable, CatalogKind kind) {
        try {
            dynamoDb.updateItem(update -> update.tableName(catalogTable)
                    .key(CatalogTable.itemKey(kind, NO_PROJECT, NO_PROJECT))
                    .updateExpression("SET #updatedAt = :now")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#updatedAt", CatalogTable.UPDATED_AT, "#pk", CatalogTable.PK))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromS("warm-up"))));
        } catch (ConditionalCheckFailedException expected) {
            // Always: the entry of a project that cannot exist.
        }
    }

    /** What GET /customers/{id} asks: the Query of a profile, and of the customer scope's types. */
    public static Runnable customerRead(DynamoDbClient dynamoDb, String attributeTypesTable, String customersTable) {
        DynamoDbCustomerStore customers = new DynamoDbCustomerStore(dynamoDb, customersTable);
        DynamoDbAttributeTypeStore types = new DynamoDbAttributeTypeStore(dynamoDb, attributeTypesTable);
        return () -> {
            customers.find(NO_PROJECT, NO_PROJECT, 1);
            types.ofScope(AttributeScope.customer(NO_PROJECT), 1);
        };
    }

    /** What GET /customers/{id}/events asks: the Query of a page. */
    public static Runnable eventRead(DynamoDbClient dynamoDb, String eventsTable) {
        DynamoDbEventStore events = new DynamoDbEventStore(dynamoDb, eventsTable);
        EventsQuery query = new EventsQuery(NO_PROJECT, NO_PROJECT, EventsQuery.MIN_TIME, EventsQuery.END_OF_TIME,
                null, 1, null);
        return () -> events.page(query);
    }

    /** What GET /schema asks: the Query of the registry's by-project index. */
    public static Runnable schemaRead(DynamoDbClient dynamoDb, String attributeTypesTable) {
        DynamoDbAttributeTypeStore types = new DynamoDbAttributeTypeStore(dynamoDb, attributeTypesTable);
        return () -> types.ofProject(NO_PROJECT, 1);
    }

    /** What GET /schema/events/{name} asks: the Query of one event name's scope. */
    public static Runnable eventSchemaRead(DynamoDbClient dynamoDb, String attributeTypesTable) {
        DynamoDbAttributeTypeStore types = new DynamoDbAttributeTypeStore(dynamoDb, attributeTypesTable);
        AttributeScope scope = AttributeScope.event(NO_PROJECT, "warm-up");
        return () -> types.ofScope(scope, 1);
    }

    /**
     * What the erasure function asks first: a page of each of a customer's partitions (all empty: the customer of no
     * project), and the lease of a receipt that does not exist (its condition never holds).
     */
    public static Runnable erasureFunction(DynamoDbClient dynamoDb, String customersTable, String eventsTable,
                                           String receiptsTable) {
        DynamoDbCustomerItems items = new DynamoDbCustomerItems(dynamoDb, customersTable, eventsTable, Runnable::run);
        return () -> {
            for (String partition : items.partitions()) {
                items.page(partition, NO_PROJECT, NO_PROJECT, 1, null);
            }
            try {
                dynamoDb.updateItem(update -> update.tableName(receiptsTable)
                        .key(ErasureReceiptsTable.key(NO_PROJECT))
                        .updateExpression("SET #owner = :owner")
                        .conditionExpression("attribute_exists(#id)")
                        .expressionAttributeNames(Map.of("#owner", ErasureReceiptsTable.LEASE_OWNER,
                                "#id", ErasureReceiptsTable.ID))
                        .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS("warm-up"))));
            } catch (ConditionalCheckFailedException expected) {
                // Always: no receipt has this id.
            }
        };
    }

    /** What the authorizer asks: the lookup of a key that no project has. */
    public static Runnable authorizer(DynamoDbClient dynamoDb, String apiKeysTable) {
        DynamoDbApiKeyStore keys = new DynamoDbApiKeyStore(dynamoDb, apiKeysTable);
        String keyHash = ApiKeys.hash(ApiKeys.PREFIX + "warm-up");
        return () -> keys.findByHash(keyHash);
    }
}
