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
    public static final String ERASE_ROUTE = "DELETE /customers/{id}";

    private ApiGatewayEvents() {
    }

    public static APIGatewayV2HTTPEvent post(String path, String projectIdOrNull, String body) {
        return post(path, projectIdOrNull, body, false, Instant.now());
    }

    public static APIGatewayV2HTTPEvent post(String path, String projectIdOrNull, String body, boolean base64,
                                             Instant receivedAt) {
        return request("POST " + path, Map.of(), Map.of(), projectIdOrNull, null, body, base64, receivedAt);
    }

    /**
     * Any route's event, as API Gateway passes it: the path parameters and the query string parameters decoded (once),
     * the raw query string encoded.
     *
     * @param routeKey        "GET /product/{id}"
     * @param scopesOrNull    the key's scopes in the authorizer's context ("track,read"), or null for none named
     */
    public static APIGatewayV2HTTPEvent request(String routeKey, Map<String, String> pathParameters,
                                                Map<String, String> query, String projectIdOrNull,
                                                String scopesOrNull, String body, boolean base64,
                                                Instant receivedAt) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = null;
        if (projectIdOrNull != null) {
            Map<String, Object> lambda = new HashMap<>();
            lambda.put("projectId", projectIdOrNull);
            if (scopesOrNull != null) {
                lambda.put("scopes", scopesOrNull);
            }
            authorizer = APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withLambda(lambda).build();
        }
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}",
                    URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        StringBuilder rawQuery = new StringBuilder();
        query.forEach((name, value) -> rawQuery.append(rawQuery.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withRawQueryString(rawQuery.toString())
                .withHeaders(Map.of("content-type", "application/json", "x-growlytics-key", "not-read-by-handlers"))
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withBody(body)
                .withIsBase64Encoded(base64)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(routeKey)
                        .withStage("$default")
                        .withRequestId(UUID.randomUUID().toString())
                        .withTimeEpoch(receivedAt.toEpochMilli())
                        .withAuthorizer(authorizer)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
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
        return request(ERASE_ROUTE, Map.of("id", customerId), Map.of(), projectIdOrNull,
                scopes == null ? null : Scope.join(scopes), null, false, Instant.now());
    }

    /**
     * A GET of a read route, as API Gateway passes it: the route's path template (for the route key), its path
     * parameters already decoded, the query string as sent (encoded), and a key of the project with these scopes.
     */
    public static APIGatewayV2HTTPEvent get(String routePath, Map<String, String> pathParameters, String rawQuery,
                                            String projectIdOrNull, Set<Scope> scopes) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = authorizer(projectIdOrNull, scopes);
        String rawPath = routePath;
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            rawPath = rawPath.replace("{" + parameter.getKey() + "}", parameter.getValue())
                    .replace("{" + parameter.getKey() + "+}", parameter.getValue());
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("GET " + routePath)
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery)
                .withPathParameters(pathParameters.isEmpty() ? null : new HashMap<>(pathParameters))
                .withHeaders(Map.of("x-growlytics-key", "not-read-by-handlers"))
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey("GET " + routePath)
                        .withStage("$default")
                        .withRequestId(UUID.randomUUID().toString())
                        .withTimeEpoch(Instant.now().toEpochMilli())
                        .withAuthorizer(authorizer)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET")
                                .withPath(rawPath)
                                .withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1")
                                .withUserAgent("test")
                                .build())
                        .build())
                .build();
    }

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
