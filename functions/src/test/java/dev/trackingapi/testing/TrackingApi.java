package dev.trackingapi.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.api.Json;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.config.TableNames;
import dev.trackingapi.entrypoints.AddCollectionProductsHandler;
import dev.trackingapi.entrypoints.DeleteCollectionHandler;
import dev.trackingapi.entrypoints.DeleteProductHandler;
import dev.trackingapi.entrypoints.EraseCustomerHandler;
import dev.trackingapi.entrypoints.GetCollectionProductsHandler;
import dev.trackingapi.entrypoints.GetProductHandler;
import dev.trackingapi.entrypoints.RemoveCollectionProductsHandler;
import dev.trackingapi.entrypoints.RestApiCustomerHandler;
import dev.trackingapi.entrypoints.RestApiEventHandler;
import dev.trackingapi.entrypoints.TrackBatchHandler;
import dev.trackingapi.entrypoints.TrackEventHandler;
import dev.trackingapi.entrypoints.TrackEventV2Handler;
import dev.trackingapi.entrypoints.TrackUserHandler;
import dev.trackingapi.entrypoints.UpsertCollectionHandler;
import dev.trackingapi.entrypoints.UpsertProductHandler;
import dev.trackingapi.model.Scope;
import dev.trackingapi.service.BatchTracker;
import dev.trackingapi.service.CustomerTracker;
import dev.trackingapi.service.EventTracker;
import dev.trackingapi.service.ProductCatalog;
import dev.trackingapi.wiring.Wiring;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The route handlers wired to one DynamoDB, called the way API Gateway calls them: the five tracking routes, and on
 * DynamoDB the eight catalog routes and DELETE /customers/{id} too. Requests are routed by their route key
 * ("GET /product/{id}"). The trust window of what tracking environments remember of profiles is shortened on both
 * sides together ({@link #TRUST_WINDOW}), so that an erasure settles in under two seconds.
 */
public final class TrackingApi {
    /** The tests' {@code CustomerProfiles.TRUST_WINDOW}, in the trackers and the eraser alike. */
    public static final Duration TRUST_WINDOW = Duration.ofMillis(500);
    /** What a Lambda context tells the erasure function it has left: its template timeout. */
    public static final Duration ERASURE_TIME = Duration.ofSeconds(28);
    public static final String TRACK_EVENT_V2 = "/track/event/v2";
    public static final String TRACK_EVENT = "/track/event";
    public static final String REST_API_EVENT = "/rest-api/event";
    public static final String TRACK_USER = "/track/user";
    public static final String REST_API_CUSTOMER = "/rest-api/customer";
    public static final String TRACK_BATCH = "/track/batch";

    public static final String UPSERT_PRODUCT = "POST /product";
    public static final String DELETE_PRODUCT = "DELETE /product/{id}";
    public static final String GET_PRODUCT = "GET /product/{id}";
    public static final String UPSERT_COLLECTION = "POST /collection";
    public static final String DELETE_COLLECTION = "DELETE /collection/{id}";
    public static final String ADD_PRODUCTS = "POST /collection/{id}/products/add";
    public static final String REMOVE_PRODUCTS = "POST /collection/{id}/products/remove";
    public static final String LIST_PRODUCTS = "GET /collection/{id}/products";

    /** What a key with every scope names in the authorizer's context. */
    public static final String ALL_SCOPES = "track,read,erase";

    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers;

    public static final List<String> EVENT_ROUTES = List.of(TRACK_EVENT_V2, TRACK_EVENT, REST_API_EVENT);
    public static final List<String> CUSTOMER_ROUTES = List.of(TRACK_USER, REST_API_CUSTOMER);
    /** The routes of one event or one customer (the batch route takes many of them). */
    public static final List<String> ROUTES = List.of(TRACK_EVENT_V2, TRACK_EVENT, REST_API_EVENT, TRACK_USER,
            REST_API_CUSTOMER);
    /** The catalog's routes, by route key. */
    public static final List<String> CATALOG_ROUTES = List.of(UPSERT_PRODUCT, DELETE_PRODUCT, GET_PRODUCT,
            UPSERT_COLLECTION, DELETE_COLLECTION, ADD_PRODUCTS, REMOVE_PRODUCTS, LIST_PRODUCTS);

    public TrackingApi(DynamoDbClient dynamoDb, TableNames tables) {
        this(dynamoDb, tables, Map.of());
    }

    /** @param erasureVariables variables of the erasure function's environment beyond the tables, e.g. its margin */
    public TrackingApi(DynamoDbClient dynamoDb, TableNames tables, Map<String, String> erasureVariables) {
        this(() -> Wiring.eventTracker(dynamoDb, tables, TRUST_WINDOW), () -> Wiring.customerTracker(dynamoDb, tables),
                () -> Wiring.batchTracker(dynamoDb, tables), Wiring.productCatalog(dynamoDb, tables),
                eraser(dynamoDb, tables, erasureVariables));
    }

    /** The tracking routes on the given stores, each route with trackers (and so caches) of its own, as separate functions. */
    public TrackingApi(InMemoryStores stores) {
        this(stores::eventTracker, stores::customerTracker, stores::batchTracker, null, null);
    }

    /** The erasure function as Lambda builds it from its environment, with the tests' trust window. */
    public static EraseCustomerHandler eraser(DynamoDbClient dynamoDb, TableNames tables,
                                              Map<String, String> erasureVariables) {
        Map<String, String> environment = new HashMap<>(erasureVariables);
        EnvironmentVariables tableVariables = tables.asEnvironment();
        for (String table : List.of(EnvironmentVariables.CUSTOMERS_TABLE, EnvironmentVariables.EVENTS_TABLE,
                EnvironmentVariables.ERASURE_RECEIPTS_TABLE)) {
            environment.putIfAbsent(table, tableVariables.required(table));
        }
        return new EraseCustomerHandler(Wiring.customerEraser(dynamoDb, new EnvironmentVariables(environment::get),
                TRUST_WINDOW), Clock.systemUTC());
    }

    private TrackingApi(Supplier<EventTracker> eventTrackers, Supplier<CustomerTracker> customerTrackers,
                        Supplier<BatchTracker> batchTrackers, ProductCatalog catalogOrNull,
                        EraseCustomerHandler eraserOrNull) {
        Clock clock = Clock.systemUTC();
        Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> routes = new HashMap<>(Map.of(
                "POST " + TRACK_EVENT_V2, new TrackEventV2Handler(eventTrackers.get(), clock),
                "POST " + TRACK_EVENT, new TrackEventHandler(eventTrackers.get(), clock),
                "POST " + REST_API_EVENT, new RestApiEventHandler(eventTrackers.get(), clock),
                "POST " + TRACK_USER, new TrackUserHandler(customerTrackers.get(), clock),
                "POST " + REST_API_CUSTOMER, new RestApiCustomerHandler(customerTrackers.get(), clock),
                "POST " + TRACK_BATCH, new TrackBatchHandler(batchTrackers.get(), clock)));
        if (catalogOrNull != null) {
            routes.putAll(Map.of(
                    UPSERT_PRODUCT, new UpsertProductHandler(catalogOrNull, clock),
                    DELETE_PRODUCT, new DeleteProductHandler(catalogOrNull, clock),
                    GET_PRODUCT, new GetProductHandler(catalogOrNull, clock),
                    UPSERT_COLLECTION, new UpsertCollectionHandler(catalogOrNull, clock),
                    DELETE_COLLECTION, new DeleteCollectionHandler(catalogOrNull, clock),
                    ADD_PRODUCTS, new AddCollectionProductsHandler(catalogOrNull, clock),
                    REMOVE_PRODUCTS, new RemoveCollectionProductsHandler(catalogOrNull, clock),
                    LIST_PRODUCTS, new GetCollectionProductsHandler(catalogOrNull, clock)));
        }
        if (eraserOrNull != null) {
            routes.put(ApiGatewayEvents.ERASE_ROUTE, eraserOrNull);
        }
        this.handlers = Map.copyOf(routes);
    }

    public static boolean isEventRoute(String path) {
        return EVENT_ROUTES.contains(path);
    }

    public static boolean isCatalogRoute(String route) {
        return CATALOG_ROUTES.contains(route);
    }

    public Response post(String path, String projectId, String body) {
        return call(ApiGatewayEvents.post(path, projectId, body));
    }

    /**
     * A request of any route by its route key (the catalog's in particular), with a key of every scope.
     *
     * @param pathId the id as it appears in the URL (percent-encoded), or null on routes without one
     */
    public Response catalog(String routeKey, String projectId, String pathId, String body) {
        return catalog(routeKey, projectId, pathId, Map.of(), body);
    }

    public Response catalog(String routeKey, String projectId, String pathId, Map<String, String> query, String body) {
        return call(ApiGatewayEvents.request(routeKey, pathId == null ? Map.of() : Map.of("id", pathId), query,
                projectId, ALL_SCOPES, body, false, Instant.now()));
    }

    /** An erasure runs with the time its function's template timeout gives it; the other routes without a bound. */
    public Response call(APIGatewayV2HTTPEvent event) {
        return call(event, ApiGatewayEvents.ERASE_ROUTE.equals(event.getRouteKey())
                ? LambdaContexts.withRemaining(ERASURE_TIME) : null);
    }

    /** @param context the invocation's (its remaining time bounds resumable work), or null */
    public Response call(APIGatewayV2HTTPEvent event, Context context) {
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = handlers.get(event.getRouteKey());
        if (handler == null) {
            throw new IllegalStateException("no " + event.getRouteKey() + " on these stores");
        }
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);
        return new Response(response.getStatusCode(), response.getHeaders(), response.getBody());
    }

    /** DELETE /customers/{id} with a key that may do everything. */
    public Response erase(String projectId, String customerId) {
        return call(ApiGatewayEvents.delete(customerId, projectId, Scope.ALL));
    }

    public EraseCustomerHandler eraser() {
        return (EraseCustomerHandler) handler(ApiGatewayEvents.ERASE_ROUTE);
    }

    /** The handler of a tracking route, by path, or of any route, by route key. */
    public RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(String pathOrRouteKey) {
        return handlers.containsKey(pathOrRouteKey) ? handlers.get(pathOrRouteKey)
                : handlers.get("POST " + pathOrRouteKey);
    }

    /** A response with its body parsed. */
    public record Response(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("response body is not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
