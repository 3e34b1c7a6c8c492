package dev.trackingapi.priming;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trackingapi.auth.ApiKeys;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.deployment.RecordingInterceptor;
import dev.trackingapi.entrypoints.ApiKeyAuthorizerHandler;
import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.model.CustomerRequest;
import dev.trackingapi.model.EventRequest;
import dev.trackingapi.model.JsonNodes;
import dev.trackingapi.model.Scope;
import dev.trackingapi.service.CustomerTracker;
import dev.trackingapi.service.EventTracker;
import dev.trackingapi.store.dynamodb.DynamoDbClients;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.validation.Limits;
import dev.trackingapi.wiring.Wiring;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs in a JVM of its own whose environment is exactly what template.yaml gives one function (plus what the Lambda
 * runtime provides): builds the function's handler with its no-arg constructor, as Lambda does, runs its SnapStart
 * priming twice, then sends it representative requests. It writes every response and every DynamoDB (action, table)
 * its client attempted, priming apart, as JSON. In this package to reach the priming hooks, which CRaC calls in Lambda.
 *
 * <p>Arguments: handler class, route key ("POST /track/event/v2") or "authorizer", project id, the route's events/
 * file, output file, and for the authorizer a valid and a revoked API key of that project. A read route reads what
 * FunctionProbesIT tracked for the project before ({@link ReadProbeSteps#SEEDED}).
 */
public final class FunctionProbe {
    static final int CONSTRUCTION_FAILED = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIME = 1_700_000_000_000L;

    private FunctionProbe() {
    }

    /**
     * A representative request and what it must answer; or, with {@code setup}, state a request needs, written beside
     * the function (its DynamoDB calls are not the function's, so they are not recorded).
     */
    record Step(String label, int expectedStatus, String expectedInBody, boolean setup, Supplier<Object[]> call) {
        Step(String label, int expectedStatus, String expectedInBody, Supplier<Object[]> call) {
            this(label, expectedStatus, expectedInBody, false, call);
        }

        static Step setup(String label, Runnable write) {
            return new Step("setup: " + label, 200, "", true, () -> {
                write.run();
                return new Object[]{200, ""};
            });
        }
    }

    public static void main(String[] args) throws Exception {
        String handlerClass = args[0];
        String route = args[1];
        String projectId = args[2];
        JsonNode eventFile = JSON.readTree(Path.of(args[3]).toFile());
        Path output = Path.of(args[4]);

        Object handler;
        try {
            handler = Class.forName(handlerClass).getConstructor().newInstance();
        } catch (InvocationTargetException | ExceptionInInitializerError e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.err.println("The handler did not start: " + cause);
            System.exit(CONSTRUCTION_FAILED);
            return;
        }

        List<Primer> primers = Primer.registered();
        if (primers.size() != 1) {
            throw new IllegalStateException(handler.getClass() + " registered " + primers.size()
                    + " SnapStart primers, not one");
        }
        RecordingInterceptor.drain();
        primers.get(0).run();
        primers.get(0).run();
        List<RecordingInterceptor.Call> primingCalls = RecordingInterceptor.drain();

        List<Step> steps;
        if ("authorizer".equals(route)) {
            steps = authorizerSteps((ApiKeyAuthorizerHandler) handler, projectId, eventFile, args[5], args[6]);
        } else if ("DELETE /customers/{id}".equals(route)) {
            steps = erasureSteps(asRouteHandler(handler), projectId, eventFile.at("/pathParameters/id").asText());
        } else if (CatalogProbeSteps.isCatalogRoute(route)) {
            steps = CatalogProbeSteps.steps(asRouteHandler(handler), route, projectId, eventFile);
        } else if ("GET".equals(eventFile.at("/requestContext/http/method").asText())) {
            steps = ReadProbeSteps.of(asRouteHandler(handler), route.substring(route.indexOf(' ') + 1), projectId);
        } else {
            steps = routeSteps(asRouteHandler(handler), route.substring(route.indexOf(' ') + 1), projectId,
                    eventFile.path("body").asText());
        }

        ObjectNode result = JSON.createObjectNode();
        ArrayNode results = result.putArray("steps");
        List<RecordingInterceptor.Call> requestCalls = new ArrayList<>();
        for (Step step : steps) {
            Object[] response = step.call().get();
            List<RecordingInterceptor.Call> calls = RecordingInterceptor.drain();
            if (!step.setup()) {
                requestCalls.addAll(calls);
            }
            results.addObject()
                    .put("label", step.label())
                    .put("expectedStatus", step.expectedStatus())
                    .put("expectedInBody", step.expectedInBody())
                    .put("status", (Integer) response[0])
                    .put("body", (String) response[1]);
        }
        write(result.putArray("priming"), primingCalls);
        write(result.putArray("requests"), requestCalls);
        Files.writeString(output, JSON.writeValueAsString(result));
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> asRouteHandler(Object handler) {
        return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler;
    }

    private static List<Step> routeSteps(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                         String route, String projectId, String eventFileBody) {
        List<Step> steps = new ArrayList<>();
        steps.add(post(handler, route, projectId, "the events/ file's body", 200, "\"success\":true", eventFileBody));
        if (route.equals("/track/batch")) {
            String purchase = "{\"type\":\"event\"," + event("probe-customer", "Probe Purchase", "retry-1",
                    "[{\"name\":\"Amount\",\"type\":\"number\",\"value\":10}]").substring(1);
            String batch = "{\"batch\":[" + purchase + ",{\"type\":\"customer\",\"id\":\"probe-user\",\"attributes\":"
                    + "{\"name\":\"Probe\",\"visits\":3}},{\"type\":\"event\"," + event("probe-customer-2", "Probe Visit",
                    null, "{\"Page\":\"home\",\"Tags\":[\"a\",\"b\"]}").substring(1) + ",{\"type\":\"customer\","
                    + customer("probe-near", 0, Limits.MAX_CUSTOM_ATTRIBUTES_TRACK_USER - 2).substring(1) + "]}";
            steps.add(post(handler, route, projectId, "a batch of new customers, types and events", 200,
                    "\"success\":true", batch));
            steps.add(post(handler, route, projectId, "the same batch again (a client replay)", 200,
                    "\"success\":true", batch));
            steps.add(post(handler, route, projectId, "type mismatches, a rejected item, profiles over the cap", 200,
                    "\"status\":\"rejected\"", "{\"batch\":[{\"type\":\"event\"," + event("probe-customer",
                            "Probe Purchase", "mismatch-1", "[{\"name\":\"Amount\",\"type\":\"string\",\"value\":"
                                    + "\"ten\"}]").substring(1)
                            + ",{\"type\":\"customer\",\"id\":\"probe-user\",\"attributes\":{\"visits\":\"three\"}},"
                            + "{\"type\":\"event\",\"customerId\":\"\"},{\"type\":\"customer\","
                            + customer("probe-big", 0, Limits.MAX_CUSTOM_ATTRIBUTES_TRACK_USER + 5).substring(1)
                            + ",{\"type\":\"customer\"," + customer("probe-near", 100, 5).substring(1) + "]}"));
            steps.add(post(handler, route, projectId, "a batch that is not one", 422, "ValidationError",
                    "{\"batch\":[{\"type\":\"order\"}]}"));
        } else if (route.contains("/event")) {
            String purchase = event("probe-customer", "Probe Purchase", "retry-1",
                    "[{\"name\":\"Amount\",\"type\":\"number\",\"value\":10}]");
            steps.add(post(handler, route, projectId, "an event that registers Amount as a number", 200,
                    "\"success\":true", purchase));
            steps.add(post(handler, route, projectId, "the same event again (a client retry)", 200,
                    "\"success\":true", purchase));
            steps.add(post(handler, route, projectId, "Amount as a string (type mismatch)", 200, "type_mismatch",
                    event("probe-customer", "Probe Purchase", "mismatch-1",
                            "[{\"name\":\"Amount\",\"type\":\"string\",\"value\":\"ten\"}]")));
            steps.add(post(handler, route, projectId, "flat attributes for a new customer", 200, "\"success\":true",
                    event("probe-customer-2", "Probe Visit", null, "{\"Page\":\"home\",\"Tags\":[\"a\",\"b\"]}")));
            steps.add(post(handler, route, projectId, "an invalid event", 422, "ValidationError",
                    "{\"customerId\":\"\",\"name\":\"" + "n".repeat(Limits.MAX_NAME_LENGTH + 1) + "\"}"));
        } else {
            int cap = "/track/user".equals(route) ? Limits.MAX_CUSTOM_ATTRIBUTES_TRACK_USER
                    : Limits.MAX_CUSTOM_ATTRIBUTES_REST_CUSTOMER;
            steps.add(post(handler, route, projectId, "an update registering visits as a number", 200,
                    "\"success\":true", "{\"id\":\"probe-user\",\"attributes\":{\"name\":\"Probe\",\"visits\":3}}"));
            steps.add(post(handler, route, projectId, "visits as a string (type mismatch)", 200, "type_mismatch",
                    "{\"id\":\"probe-user\",\"attributes\":{\"visits\":\"three\"}}"));
            steps.add(post(handler, route, projectId, "more custom attributes than the cap in one request", 200,
                    "attribute_limit_exceeded", customer("probe-big", 0, cap + 5)));
            steps.add(post(handler, route, projectId, "a profile just under the cap", 200, "\"success\":true",
                    customer("probe-near", 0, cap - 2)));
            steps.add(post(handler, route, projectId, "new attributes that pass the cap", 200,
                    "attribute_limit_exceeded", customer("probe-near", cap, 5)));
            steps.add(post(handler, route, projectId, "an invalid customer", 422, "ValidationError",
                    "{\"id\":\"\",\"attributes\":[{\"name\":\"x\",\"type\":\"colour\",\"value\":1}]}"));
        }
        steps.add(post(handler, route, projectId, "unparseable JSON", 400, "BadRequestError", "{\"id\":"));
        int maxBody = route.equals("/track/batch") ? Limits.MAX_BATCH_BODY_BYTES : Limits.MAX_BODY_BYTES;
        steps.add(post(handler, route, projectId, "a body over the route's limit", 413, "PayloadTooLargeError",
                "{\"padding\":\"" + "x".repeat(maxBody) + "\"}"));
        steps.add(post(handler, route, null, "no project from the authorizer", 401, "AuthenticationError",
                eventFileBody));
        return steps;
    }

    /**
     * DELETE /customers/{id}: a customer with nothing stored, one with events, a value not applied and an eventId's
     * receive time (tracked first, by the tracking code on its own client, whose requests are not the function's), the
     * same again, and refusals. The erasures run on the template's own settings: the one that finds data takes the
     * trust window and its margin (11 s).
     */
    private static List<Step> erasureSteps(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                           String projectId, String eventFileId) {
        String customer = "probe-erased#1!x";
        EnvironmentVariables environment = EnvironmentVariables.system();
        try (DynamoDbClient seeding = DynamoDbClients.fromEnvironment(environment, DynamoDbClients.httpClient())) {
            CustomerTracker customers = Wiring.customerTracker(seeding, environment);
            EventTracker events = Wiring.eventTracker(seeding, environment);
            Instant now = Instant.ofEpochMilli(TIME);
            customers.upsert(projectId, new CustomerRequest(customer, Map.of("name", "Probe"),
                    List.of(new Attribute("Plan", AttributeType.STRING, JsonNodes.FACTORY.textNode("gold")))),
                    Limits.MAX_CUSTOM_ATTRIBUTES_TRACK_USER, now, new InvocationMetrics());
            customers.upsert(projectId, new CustomerRequest(customer, Map.of(),
                    List.of(new Attribute("Plan", AttributeType.NUMBER, JsonNodes.FACTORY.numberNode(3)))),
                    Limits.MAX_CUSTOM_ATTRIBUTES_TRACK_USER, now, new InvocationMetrics());
            for (int i = 0; i < 30; i++) {
                events.track(projectId, new EventRequest(customer, "Probe Visit", TIME + i, null, List.of()), now,
                        new InvocationMetrics());
            }
            events.track(projectId, new EventRequest(customer, "Probe Paid", null, "paid-1", List.of()), now,
                    new InvocationMetrics());
        }
        RecordingInterceptor.drain();
        return List.of(
                delete(handler, projectId, eventFileId, Scope.ALL, "the events/ file's customer (nothing stored)", 200,
                        "\"erased\":{\"profile\":0,\"events\":0,\"other\":0}"),
                delete(handler, projectId, customer, Scope.ALL, "a customer with a profile, events and more", 200,
                        "\"erased\":{\"profile\":1,\"events\":31,\"other\":2}"),
                delete(handler, projectId, customer, Scope.ALL, "the same customer again", 200,
                        "\"erased\":{\"profile\":0,\"events\":0,\"other\":0}"),
                delete(handler, projectId, "x".repeat(Limits.MAX_CUSTOMER_ID_LENGTH + 1), Scope.ALL, "an id too long",
                        422, "ValidationError"),
                delete(handler, projectId, customer, Scope.DEFAULT, "a key that may only track", 403, "may not erase"),
                delete(handler, null, customer, Scope.ALL, "no project from the authorizer", 401,
                        "AuthenticationError"));
    }

    private static Step delete(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                               String projectId, String customerId, java.util.Set<Scope> scopes, String label,
                               int status, String expected) {
        return new Step(label, status, expected, () -> {
            APIGatewayV2HTTPResponse response = handler.handleRequest(ApiGatewayEvents.delete(customerId, projectId,
                    scopes), null);
            return new Object[]{response.getStatusCode(), response.getBody()};
        });
    }

    private static String event(String customerId, String name, String eventId, String attributes) {
        return "{\"customerId\":\"" + customerId + "\",\"name\":\"" + name + "\",\"time\":" + TIME
                + (eventId == null ? "" : ",\"eventId\":\"" + eventId + "\"") + ",\"attributes\":" + attributes + "}";
    }

    private static String customer(String id, int firstAttribute, int count) {
        StringBuilder attributes = new StringBuilder();
        for (int i = firstAttribute; i < firstAttribute + count; i++) {
            attributes.append(attributes.length() == 0 ? "" : ",").append("\"n").append(i).append("\":").append(i);
        }
        return "{\"id\":\"" + id + "\",\"attributes\":{" + attributes + "}}";
    }

    private static Step post(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String route,
                             String projectId, String label, int status, String expected, String body) {
        return new Step(label, status, expected, () -> {
            APIGatewayV2HTTPResponse response = handler.handleRequest(
                    ApiGatewayEvents.post(route, projectId, body, false, Instant.ofEpochMilli(TIME)), null);
            return new Object[]{response.getStatusCode(), response.getBody()};
        });
    }

    private static List<Step> authorizerSteps(ApiKeyAuthorizerHandler handler, String projectId, JsonNode eventFile,
                                              String validKey, String revokedKey) {
        String fileKey = eventFile.path("headers").path(ApiKeys.HEADER).asText();
        return List.of(
                authorize(handler, "a valid key", validKey, 200, "\"projectId\":\"" + projectId + "\""),
                authorize(handler, "the same valid key again (cached)", validKey, 200, projectId),
                authorize(handler, "a revoked key", revokedKey, 403, "false"),
                authorize(handler, "an unknown key", "gtk_" + "A".repeat(43), 403, "false"),
                authorize(handler, "the events/authorizer.json key (not stored)", fileKey, 403, "false"),
                authorize(handler, "no key at all", null, 403, "false"));
    }

    /** API Gateway answers 403 when a simple-response authorizer says no; 200 stands for "allowed" here. */
    private static Step authorize(ApiKeyAuthorizerHandler handler, String label, String key, int status,
                                  String expected) {
        return new Step(label, status, expected, () -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("content-type", "application/json");
            if (key != null) {
                headers.put(ApiKeys.HEADER, key);
            }
            APIGatewayV2CustomAuthorizerEvent event = APIGatewayV2CustomAuthorizerEvent.builder()
                    .withVersion("2.0")
                    .withType("REQUEST")
                    .withRouteKey("POST /track/event/v2")
                    .withHeaders(headers)
                    .withIdentitySource(key == null ? null : List.of(key))
                    .build();
            Map<String, Object> answer = handler.handleRequest(event, null);
            try {
                return new Object[]{Boolean.TRUE.equals(answer.get("isAuthorized")) ? 200 : 403,
                        JSON.writeValueAsString(answer)};
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void write(ArrayNode array, List<RecordingInterceptor.Call> calls) {
        for (RecordingInterceptor.Call call : calls) {
            array.addObject().put("action", call.action()).put("table", call.table());
        }
    }
}
