package dev.trackingapi.priming;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.model.Scope;
import dev.trackingapi.testing.ApiGatewayEvents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Representative requests of each GET route of the template, for {@link FunctionProbe}: on the data that
 * {@link #SEEDED} describes, tracked for the probe's project by FunctionProbesIT before the probe starts (so that the
 * probe's own JVM makes only the function's requests).
 */
public final class ReadProbeSteps {
    /** What FunctionProbesIT tracks for the project: a customer with a kept value, its events, a customer with '/'. */
    public static final List<String[]> SEEDED = List.of(
            new String[]{"/track/user", "{\"id\":\"probe-user\",\"attributes\":{\"name\":\"Probe\",\"visits\":3}}"},
            new String[]{"/track/user", "{\"id\":\"probe-user\",\"attributes\":{\"visits\":\"three\"}}"},
            new String[]{"/track/user", "{\"id\":\"gid://probe/1\",\"attributes\":{\"visits\":1}}"},
            new String[]{"/track/event/v2", "{\"customerId\":\"probe-user\",\"name\":\"Probe Visit\",\"time\":1000,"
                    + "\"attributes\":{\"Page\":\"home\"}}"},
            new String[]{"/track/event/v2", "{\"customerId\":\"probe-user\",\"name\":\"Probe Visit\",\"time\":2000,"
                    + "\"attributes\":{\"Page\":3}}"},
            new String[]{"/track/event/v2", "{\"customerId\":\"gid://probe/1\",\"name\":\"a/b\",\"time\":3000,"
                    + "\"attributes\":{\"x\":1}}"});

    private ReadProbeSteps() {
    }

    static List<FunctionProbe.Step> of(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                       String route, String projectId) {
        Probe probe = new Probe(handler, route, projectId);
        List<FunctionProbe.Step> steps = new ArrayList<>();
        switch (route) {
            case "/customers/{id}" -> {
                steps.add(probe.get("a profile with a kept value", 200, "type_mismatch", Map.of("id", "probe-user"), ""));
                steps.add(probe.get("an id with '/', by the query form", 200, "\"visits\"", Map.of(),
                        "id=gid%3A%2F%2Fprobe%2F1"));
                steps.add(probe.get("an unknown customer", 404, "NotFoundError", Map.of("id", "nobody"), ""));
                steps.add(probe.get("an id with a control character", 422, "string.control", Map.of("id", "a\u0001"), ""));
            }
            case "/customers/{id}/events" -> {
                steps.add(probe.get("the newest page of one", 200, "\"next\":\"", Map.of("id", "probe-user"), "limit=1"));
                steps.add(probe.get("one name in a time range", 200, "\"time\":2000", Map.of("id", "probe-user"),
                        "name=Probe+Visit&from=1500&to=2500"));
                steps.add(probe.get("an id with '/', by the query form", 200, "a/b", Map.of(),
                        "customerId=gid%3A%2F%2Fprobe%2F1"));
                steps.add(probe.get("an unknown customer", 200, "{\"events\":[],\"next\":null}", Map.of("id", "nobody"), ""));
                steps.add(probe.get("a cursor that is none", 422, "cursor.invalid", Map.of("id", "probe-user"), "cursor=x"));
                steps.add(probe.get("a limit of 101", 422, "number.max", Map.of("id", "probe-user"), "limit=101"));
            }
            case "/schema" -> {
                steps.add(probe.get("the project's types", 200, "\"Probe Visit\":{\"Page\"", Map.of(), ""));
                steps.add(probe.get("a parameter it does not take", 422, "object.unknown", Map.of(), "limit=1"));
            }
            case "/schema/events/{name+}" -> {
                steps.add(probe.get("an event name's types", 200, "\"Page\":{\"type\":\"string\"", Map.of("name", "Probe Visit"), ""));
                steps.add(probe.get("a name with '/'", 200, "\"x\":{\"type\":\"number\"", Map.of("name", "a/b"), ""));
                steps.add(probe.get("a name never seen", 404, "NotFoundError", Map.of("name", "Never"), ""));
            }
            case "/explorer" -> {
                steps.add(probe.page("the page, with no key", 200, "<!DOCTYPE html>"));
                return steps;
            }
            default -> throw new IllegalArgumentException("no probe steps for GET " + route);
        }
        steps.add(probe.as(Set.of(Scope.TRACK)).get("a key that may only track", 403, "may not read",
                Map.of("id", "probe-user", "name", "Probe Visit"), ""));
        steps.add(probe.as(null).get("no project from the authorizer", 401, "AuthenticationError",
                Map.of("id", "probe-user", "name", "Probe Visit"), ""));
        return steps;
    }

    /** Calls of one route with a key of some scopes (null: no authorizer context at all). */
    private record Probe(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String route,
                         String projectId, Set<Scope> scopes) {
        Probe(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String route, String projectId) {
            this(handler, route, projectId, Set.of(Scope.READ));
        }

        Probe as(Set<Scope> keyScopes) {
            return new Probe(handler, route, projectId, keyScopes);
        }

        FunctionProbe.Step get(String label, int status, String expected, Map<String, String> parameters,
                               String rawQuery) {
            Map<String, String> pathParameters = new HashMap<>();
            parameters.forEach((name, value) -> {
                if (route.contains("{" + name)) {
                    pathParameters.put(name, value);
                }
            });
            return new FunctionProbe.Step(label, status, expected, () -> {
                APIGatewayV2HTTPResponse response = handler.handleRequest(ApiGatewayEvents.get(route, pathParameters,
                        rawQuery, scopes == null ? null : projectId, scopes == null ? Set.of() : scopes), null);
                return new Object[]{response.getStatusCode(), response.getBody()};
            });
        }

        FunctionProbe.Step page(String label, int status, String expected) {
            return get(label, status, expected, Map.of(), "");
        }
    }
}
