package dev.trackingapi.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.api.Json;
import dev.trackingapi.config.TableNames;
import com.amazonaws.services.lambda.runtime.Context;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.entrypoints.EraseCustomerHandler;
import dev.trackingapi.entrypoints.RestApiCustomerHandler;
import dev.trackingapi.entrypoints.RestApiEventHandler;
import dev.trackingapi.entrypoints.TrackEventHandler;
import dev.trackingapi.entrypoints.TrackEventV2Handler;
import dev.trackingapi.entrypoints.TrackUserHandler;
import dev.trackingapi.model.Scope;
import dev.trackingapi.service.CustomerTracker;
import dev.trackingapi.service.EventTracker;
import dev.trackingapi.wiring.Wiring;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The route handlers wired to one DynamoDB, called the way API Gateway calls them: the five tracking routes and, on
 * DynamoDB, DELETE /customers/{id}. The trust window of what tracking environments remember of profiles is shortened
 * on both sides together ({@link #TRUST_WINDOW}), so that an erasure settles in under two seconds.
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

    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers;
    private final EraseCustomerHandler eraser;

    public static final List<String> EVENT_ROUTES = List.of(TRACK_EVENT_V2, TRACK_EVENT, REST_API_EVENT);
    public static final List<String> CUSTOMER_ROUTES = List.of(TRACK_USER, REST_API_CUSTOMER);
    public static final List<String> ROUTES = List.of(TRACK_EVENT_V2, TRACK_EVENT, REST_API_EVENT, TRACK_USER,
            REST_API_CUSTOMER);

    public TrackingApi(DynamoDbClient dynamoDb, TableNames tables) {
        this(dynamoDb, tables, Map.of());
    }

    /** @param erasureVariables variables of the erasure function's environment beyond the tables, e.g. its margin */
    public TrackingApi(DynamoDbClient dynamoDb, TableNames tables, Map<String, String> erasureVariables) {
        this(() -> Wiring.eventTracker(dynamoDb, tables, TRUST_WINDOW), () -> Wiring.customerTracker(dynamoDb, tables),
                eraser(dynamoDb, tables, erasureVariables));
    }

    /** The routes on the given stores, each route with trackers (and so caches) of its own, as separate functions. */
    public TrackingApi(InMemoryStores stores) {
        this(stores::eventTracker, stores::customerTracker, null);
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
                        EraseCustomerHandler eraser) {
        this.eraser = eraser;
        Clock clock = Clock.systemUTC();
        this.handlers = Map.of(
                TRACK_EVENT_V2, new TrackEventV2Handler(eventTrackers.get(), clock),
                TRACK_EVENT, new TrackEventHandler(eventTrackers.get(), clock),
                REST_API_EVENT, new RestApiEventHandler(eventTrackers.get(), clock),
                TRACK_USER, new TrackUserHandler(customerTrackers.get(), clock),
                REST_API_CUSTOMER, new RestApiCustomerHandler(customerTrackers.get(), clock));
    }

    public static boolean isEventRoute(String path) {
        return EVENT_ROUTES.contains(path);
    }

    public Response post(String path, String projectId, String body) {
        return call(ApiGatewayEvents.post(path, projectId, body));
    }

    public Response call(APIGatewayV2HTTPEvent event) {
        return call(event, TestContext.withTimeLeft(ERASURE_TIME));
    }

    public Response call(APIGatewayV2HTTPEvent event, Context context) {
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                ApiGatewayEvents.ERASE_ROUTE.equals(event.getRouteKey()) ? eraser() : handlers.get(event.getRawPath());
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);
        return new Response(response.getStatusCode(), response.getHeaders(), response.getBody());
    }

    /** DELETE /customers/{id} with a key that may do everything. */
    public Response erase(String projectId, String customerId) {
        return call(ApiGatewayEvents.delete(customerId, projectId, Scope.ALL));
    }

    public EraseCustomerHandler eraser() {
        if (eraser == null) {
            throw new IllegalStateException("the in-memory stores have no erasure route");
        }
        return eraser;
    }

    public RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(String path) {
        return handlers.get(path);
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
