package dev.trackingapi.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import dev.trackingapi.model.Scope;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** API Gateway HTTP API (payload 2.0) events as API Gateway builds them after the authorizer allowed the call. */
public final class ApiGatewayEvents {
    private ApiGatewayEvents() {
    }

    public static APIGatewayV2HTTPEvent post(String path, String projectIdOrNull, String body) {
        return post(path, projectIdOrNull, body, false, Instant.now());
    }

    public static APIGatewayV2HTTPEvent post(String path, String projectIdOrNull, String body, boolean base64,
                                             Instant receivedAt) {
        return event("POST", "POST " + path, path, authorizer(projectIdOrNull, null), receivedAt)
                .withHeaders(Map.of("content-type", "application/json", "x-growlytics-key", "not-read-by-handlers"))
                .withBody(body)
                .withIsBase64Encoded(base64)
                .build();
    }

    /**
     * DELETE /customers/{id} as API Gateway passes it: the raw path percent-encoded, the path parameter decoded (an
     * HTTP API decodes it once before the function runs), no body; the key's scopes in the authorizer's context.
     */
    public static APIGatewayV2HTTPEvent delete(String customerId, String projectIdOrNull, Set<Scope> scopes) {
        String rawPath = "/customers/" + URLEncoder.encode(customerId, StandardCharsets.UTF_8).replace("+", "%20");
        return event("DELETE", ERASE_ROUTE, rawPath, authorizer(projectIdOrNull, scopes), Instant.now())
                .withHeaders(Map.of("x-growlytics-key", "not-read-by-handlers"))
                .withPathParameters(Map.of("id", customerId))
                .withIsBase64Encoded(false)
                .build();
    }

    /** What every event of a route holds: its route, path, request context and the authorizer's answer. */
    private static APIGatewayV2HTTPEvent.APIGatewayV2HTTPEventBuilder event(String method, String routeKey,
            String rawPath, APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer, Instant receivedAt) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(rawPath)
                .withRawQueryString("")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(routeKey)
                        .withStage("$default")
                        .withRequestId(UUID.randomUUID().toString())
                        .withTimeEpoch(receivedAt.toEpochMilli())
                        .withAuthorizer(authorizer)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(rawPath)
                                .withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1")
                                .withUserAgent("test")
                                .build())
                        .build());
    }

    public static final String ERASE_ROUTE = "DELETE /customers/{id}";

    /** The authorizer's context: the project, and the key's scopes (none named: what a key without scopes has). */
    private static APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer(String projectIdOrNull,
                                                                              Set<Scope> scopesOrNull) {
        if (projectIdOrNull == null) {
            return null;
        }
        Map<String, Object> lambda = new HashMap<>();
        lambda.put("projectId", projectIdOrNull);
        if (scopesOrNull != null) {
            lambda.put("scopes", Scope.join(scopesOrNull));
        }
        return APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withLambda(lambda).build();
    }
}
