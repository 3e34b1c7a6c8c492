package dev.trackingapi.benchmark;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.baseline.ColdStartChild;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.entrypoints.CustomerEventsHandler;
import dev.trackingapi.entrypoints.CustomerHandler;
import dev.trackingapi.entrypoints.EventSchemaHandler;
import dev.trackingapi.entrypoints.SchemaHandler;
import dev.trackingapi.entrypoints.TrackEventV2Handler;
import dev.trackingapi.entrypoints.TrackUserHandler;
import dev.trackingapi.wiring.Wiring;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Figure 7: DynamoDB read requests and read units per call of each read route, counted on the client. A mix is
 * tracked first (on a client that is not counted), then each read route's real handler runs on a counted client:
 * the profile of every customer twice (the first call of an execution environment learns the customer attributes'
 * types; later calls do not), every page of every customer's events (all, then one name), the schema, and each event
 * name's types.
 */
public final class ReadCostBenchmark {
    private ReadCostBenchmark() {
    }

    /** What one kind of call cost, in total over its calls. */
    public record Route(String name, int calls, RequestCounter.Counts counts) {
        public double readsPerCall() {
            return (double) counts.readRequests() / calls;
        }

        public double readUnitsPerCall() {
            return counts.readUnits() / calls;
        }
    }

    public static List<Route> run(LocalDynamoDb dynamoDb, TrafficMix mix) {
        String project = "reads-" + UUID.randomUUID().toString().substring(0, 8);
        EnvironmentVariables environment = dynamoDb.tables().asEnvironment();
        try (DynamoDbClient seeding = dynamoDb.client()) {
            track(seeding, environment, project, mix);
        }
        RequestCounter counter = new RequestCounter();
        List<Route> routes = new ArrayList<>();
        try (DynamoDbClient client = dynamoDb.client(counter)) {
            Clock clock = Clock.systemUTC();
            CustomerHandler customer = new CustomerHandler(Wiring.customerReader(client, environment), clock);
            CustomerEventsHandler events = new CustomerEventsHandler(Wiring.eventReader(client, environment), clock);
            SchemaHandler schema = new SchemaHandler(Wiring.schemaReader(client, environment), clock);
            EventSchemaHandler eventSchema = new EventSchemaHandler(Wiring.schemaReader(client, environment), clock);

            routes.add(measure(counter, "GET /customers/{id}, an environment's first call", 1,
                    i -> get(customer, "/customers/{id}", "id", TrafficMix.customerId(0), "", project)));
            routes.add(measure(counter, "GET /customers/{id}, later calls", mix.customers(),
                    i -> get(customer, "/customers/{id}", "id", TrafficMix.customerId(i), "", project)));
            routes.add(pages(counter, "GET /customers/{id}/events?limit=25, per page", events, project, mix, "limit=25"));
            routes.add(pages(counter, "GET /customers/{id}/events?limit=25&name=..., per page", events, project, mix,
                    "limit=25&name=" + URLEncoder.encode(TrafficMix.EVENT_NAMES.get(1), StandardCharsets.UTF_8)));
            routes.add(measure(counter, "GET /schema", 1, i -> get(schema, "/schema", null, null, "", project)));
            routes.add(measure(counter, "GET /schema/events/{name}", mix.eventNamesUsed(),
                    i -> get(eventSchema, "/schema/events/{name+}", "name", TrafficMix.EVENT_NAMES.get(i), "", project)));
        }
        return routes;
    }

    private static void track(DynamoDbClient client, EnvironmentVariables environment, String project, TrafficMix mix) {
        TrackEventV2Handler events = new TrackEventV2Handler(Wiring.eventTracker(client, environment), Clock.systemUTC());
        TrackUserHandler users = new TrackUserHandler(Wiring.customerTracker(client, environment), Clock.systemUTC());
        int eventsPerCustomer = mix.events() / mix.customers();
        for (int customer = 0; customer < mix.customers(); customer++) {
            ok(users.handleRequest(ColdStartChild.event("{\"id\":\"" + TrafficMix.customerId(customer)
                    + "\",\"attributes\":{\"name\":\"Customer " + customer + "\",\"email\":\"c" + customer
                    + "@example.com\",\"plan\":\"gold\",\"visits\":" + customer + ",\"vip\":true,\"tags\":[\"a\",\"b\"],"
                    + "\"address\":{\"city\":\"Pune\",\"zip\":\"411001\"}}}", project, "u" + customer), null));
            for (int event = 0; event < eventsPerCustomer; event++) {
                ok(events.handleRequest(ColdStartChild.event(mix.body(customer, event, 0), project,
                        "e" + customer + "-" + event), null));
            }
        }
    }

    /** Every page of every customer's events, following next. */
    private static Route pages(RequestCounter counter, String name, CustomerEventsHandler events, String project,
                               TrafficMix mix, String query) {
        RequestCounter.Counts before = counter.snapshot();
        int pages = 0;
        for (int customer = 0; customer < mix.customers(); customer++) {
            String next = null;
            do {
                String body = get(events, "/customers/{id}/events", "id", TrafficMix.customerId(customer),
                        query + (next == null ? "" : "&cursor=" + next), project);
                pages++;
                int at = body.lastIndexOf("\"next\":\"");
                next = at < 0 ? null : body.substring(at + 8, body.indexOf('"', at + 8));
            } while (next != null);
        }
        return new Route(name, pages, counter.snapshot().minus(before));
    }

    private static Route measure(RequestCounter counter, String name, int calls, Function<Integer, String> call) {
        RequestCounter.Counts before = counter.snapshot();
        for (int i = 0; i < calls; i++) {
            call.apply(i);
        }
        return new Route(name, calls, counter.snapshot().minus(before));
    }

    private static String get(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String route,
                              String parameter, String value, String rawQuery, String project) {
        Map<String, String> pathParameters = new HashMap<>();
        if (parameter != null) {
            pathParameters.put(parameter, value);
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("GET " + route)
                .withRawPath(route)
                .withRawQueryString(rawQuery)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withTimeEpoch(System.currentTimeMillis())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withLambda(Map.of("projectId", project, "scopes", "read")).build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException(route + " " + value + ": " + response.getStatusCode() + " " + response.getBody());
        }
        return response.getBody();
    }

    private static void ok(APIGatewayV2HTTPResponse response) {
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("the mix must be tracked in full: " + response.getBody());
        }
    }
}
