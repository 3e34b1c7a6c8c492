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
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = null;
        if (projectIdOrNull != null) {
            Map<String, Object> lambda = new HashMap<>();
            lambda.put("projectId", projectIdOrNull);
            authorizer = APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withLambda(lambda).build();
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST " + path)
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(Map.of("content-type", "application/json", "x-growlytics-key", "not-read-by-handlers"))
                .withBody(body)
                .withIsBase64Encoded(base64)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey("POST " + path)
                        .withStage("$default")
                        .withRequestId(UUID.randomUUID().toString())
                        .withTimeEpoch(receivedAt.toEpochMilli())
                        .withAuthorizer(authorizer)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("POST")
                                .withPath(path)
                                .withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1")
                                .withUserAgent("test")
                                .build())
                        .build())
                .build();
    }

    /**
     * DELETE /customers/{id} as API Gateway passes it: the raw path percent-encoded, the path parameter decoded (an
     * HTTP API decodes it once before the function runs), no body; the key's scopes in the authorizer's context.
     */
    public static APIGatewayV2HTTPEvent delete(String customerId, String projectIdOrNull, Set<Scope> scopes) {
        String rawPath = "/customers/" + URLEncoder.encode(customerId, StandardCharsets.UTF_8).replace("+", "%20");
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = null;
        if (projectIdOrNull != null) {
            Map<String, Object> lambda = new HashMap<>();
            lambda.put("projectId", projectIdOrNull);
            lambda.put("scopes", Scope.join(scopes));
            authorizer = APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withLambda(lambda).build();
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(ERASE_ROUTE)
                .withRawPath(rawPath)
                .withRawQueryString("")
                .withHeaders(Map.of("x-growlytics-key", "not-read-by-handlers"))
                .withPathParameters(Map.of("id", customerId))
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(ERASE_ROUTE)
                        .withStage("$default")
                        .withRequestId(UUID.randomUUID().toString())
                        .withTimeEpoch(Instant.now().toEpochMilli())
                        .withAuthorizer(authorizer)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("DELETE")
                                .withPath(rawPath)
                                .withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1")
                                .withUserAgent("test")
                                .build())
                        .build())
                .build();
    }

    public static final String ERASE_ROUTE = "DELETE /customers/{id}";
}
