package dev.trackingapi.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.api.Json;
import dev.trackingapi.config.TableNames;
import dev.trackingapi.entrypoints.RestApiCustomerHandler;
import dev.trackingapi.entrypoints.RestApiEventHandler;
import dev.trackingapi.entrypoints.TrackBatchHandler;
import dev.trackingapi.entrypoints.TrackEventHandler;
import dev.trackingapi.entrypoints.TrackEventV2Handler;
import dev.trackingapi.entrypoints.TrackUserHandler;
import dev.trackingapi.service.BatchTracker;
import dev.trackingapi.service.CustomerTracker;
import dev.trackingapi.service.EventTracker;
import dev.trackingapi.wiring.Wiring;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The route handlers wired to one DynamoDB, called the way API Gateway calls them. */
public final class TrackingApi {
    public static final String TRACK_EVENT_V2 = "/track/event/v2";
    public static final String TRACK_EVENT = "/track/event";
    public static final String REST_API_EVENT = "/rest-api/event";
    public static final String TRACK_USER = "/track/user";
    public static final String REST_API_CUSTOMER = "/rest-api/customer";
    public static final String TRACK_BATCH = "/track/batch";

    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers;

    public static final List<String> EVENT_ROUTES = List.of(TRACK_EVENT_V2, TRACK_EVENT, REST_API_EVENT);
    public static final List<String> CUSTOMER_ROUTES = List.of(TRACK_USER, REST_API_CUSTOMER);
    /** The routes of one event or one customer (the batch route takes many of them). */
    public static final List<String> ROUTES = List.of(TRACK_EVENT_V2, TRACK_EVENT, REST_API_EVENT, TRACK_USER,
            REST_API_CUSTOMER);

    public TrackingApi(DynamoDbClient dynamoDb, TableNames tables) {
        this(() -> Wiring.eventTracker(dynamoDb, tables), () -> Wiring.customerTracker(dynamoDb, tables),
                () -> Wiring.batchTracker(dynamoDb, tables));
    }

    /** The routes on the given stores, each route with trackers (and so caches) of its own, as separate functions. */
    public TrackingApi(InMemoryStores stores) {
        this(stores::eventTracker, stores::customerTracker, stores::batchTracker);
    }

    private TrackingApi(Supplier<EventTracker> eventTrackers, Supplier<CustomerTracker> customerTrackers,
                        Supplier<BatchTracker> batchTrackers) {
        Clock clock = Clock.systemUTC();
        this.handlers = Map.of(
                TRACK_EVENT_V2, new TrackEventV2Handler(eventTrackers.get(), clock),
                TRACK_EVENT, new TrackEventHandler(eventTrackers.get(), clock),
                REST_API_EVENT, new RestApiEventHandler(eventTrackers.get(), clock),
                TRACK_USER, new TrackUserHandler(customerTrackers.get(), clock),
                REST_API_CUSTOMER, new RestApiCustomerHandler(customerTrackers.get(), clock),
                TRACK_BATCH, new TrackBatchHandler(batchTrackers.get(), clock));
    }

    public static boolean isEventRoute(String path) {
        return EVENT_ROUTES.contains(path);
    }

    public Response post(String path, String projectId, String body) {
        return call(ApiGatewayEvents.post(path, projectId, body));
    }

    public Response call(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handlers.get(event.getRawPath()).handleRequest(event, null);
        return new Response(response.getStatusCode(), response.getHeaders(), response.getBody());
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
