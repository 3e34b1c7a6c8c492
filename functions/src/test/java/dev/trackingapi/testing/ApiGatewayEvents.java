package dev.trackingapi.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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
}
