package dev.trackingapi.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.config.TableNames;
import dev.trackingapi.entrypoints.CustomerEventsHandler;
import dev.trackingapi.entrypoints.CustomerHandler;
import dev.trackingapi.entrypoints.EventSchemaHandler;
import dev.trackingapi.entrypoints.SchemaHandler;
import dev.trackingapi.model.Scope;
import dev.trackingapi.wiring.Wiring;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The read routes' handlers wired to one DynamoDB, called the way API Gateway calls them, with a key that may read. */
public final class ReadApi {
    public static final String CUSTOMER = "/customers/{id}";
    public static final String CUSTOMER_BY_QUERY = "/customers";
    public static final String CUSTOMER_EVENTS = "/customers/{id}/events";
    public static final String EVENTS_BY_QUERY = "/events";
    public static final String SCHEMA = "/schema";
    public static final String EVENT_SCHEMA = "/schema/events/{name+}";

    public static final List<String> ROUTES = List.of(CUSTOMER, CUSTOMER_BY_QUERY, CUSTOMER_EVENTS, EVENTS_BY_QUERY,
            SCHEMA, EVENT_SCHEMA);

    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers;
    private Set<Scope> scopes = Set.of(Scope.READ);

    public ReadApi(DynamoDbClient dynamoDb, TableNames tables) {
        EnvironmentVariables environment = tables.asEnvironment();
        Clock clock = Clock.systemUTC();
        CustomerHandler customer = new CustomerHandler(Wiring.customerReader(dynamoDb, environment), clock);
        CustomerEventsHandler events = new CustomerEventsHandler(Wiring.eventReader(dynamoDb, environment), clock);
        this.handlers = Map.of(CUSTOMER, customer, CUSTOMER_BY_QUERY, customer, CUSTOMER_EVENTS, events,
                EVENTS_BY_QUERY, events,
                SCHEMA, new SchemaHandler(Wiring.schemaReader(dynamoDb, environment), clock),
                EVENT_SCHEMA, new EventSchemaHandler(Wiring.schemaReader(dynamoDb, environment), clock));
    }

    /** The same routes called with a key of these scopes. */
    public ReadApi withScopes(Set<Scope> keyScopes) {
        this.scopes = Set.copyOf(keyScopes);
        return this;
    }

    public TrackingApi.Response customer(String projectId, String customerId) {
        return get(CUSTOMER, Map.of("id", customerId), "", projectId);
    }

    public TrackingApi.Response customerByQuery(String projectId, String customerId) {
        return get(CUSTOMER_BY_QUERY, Map.of(), "id=" + encoded(customerId), projectId);
    }

    /** @param rawQuery the query string as sent, e.g. "limit=2&name=Add+To+Cart" */
    public TrackingApi.Response events(String projectId, String customerId, String rawQuery) {
        return get(CUSTOMER_EVENTS, Map.of("id", customerId), rawQuery, projectId);
    }

    public TrackingApi.Response eventsByQuery(String projectId, String customerId, String rawQuery) {
        return get(EVENTS_BY_QUERY, Map.of(), "customerId=" + encoded(customerId)
                + (rawQuery.isEmpty() ? "" : "&" + rawQuery), projectId);
    }

    public TrackingApi.Response schema(String projectId) {
        return get(SCHEMA, Map.of(), "", projectId);
    }

    public TrackingApi.Response eventSchema(String projectId, String eventName) {
        return get(EVENT_SCHEMA, Map.of("name", eventName), "", projectId);
    }

    /** An event as API Gateway sends it (an events/ file), to the handler of its route key. */
    public RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handlerOf(APIGatewayV2HTTPEvent event) {
        return handlers.get(event.getRouteKey().substring("GET ".length()));
    }

    /** Calls the handler of the event's route key with the event as it is. */
    public TrackingApi.Response call(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handlerOf(event).handleRequest(event, null);
        return new TrackingApi.Response(response.getStatusCode(), response.getHeaders(), response.getBody());
    }

    public TrackingApi.Response get(String route, Map<String, String> pathParameters, String rawQuery,
                                    String projectId) {
        APIGatewayV2HTTPResponse response = handlers.get(route).handleRequest(
                ApiGatewayEvents.get(route, pathParameters, rawQuery, projectId, scopes), null);
        return new TrackingApi.Response(response.getStatusCode(), response.getHeaders(), response.getBody());
    }

    /** A query parameter's value as a client encodes it. */
    public static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
