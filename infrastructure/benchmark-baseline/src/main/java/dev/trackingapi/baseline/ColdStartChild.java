package dev.trackingapi.baseline;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One cold start, as the Lambda runtime does one: load the handler class by name, construct it (init), invoke it once
 * with an API Gateway event, print the status. Run in a fresh JVM per measurement by the benchmark.
 * Arguments: handler class, path of a file holding the request body, project id, request id.
 */
public final class ColdStartChild {
    private ColdStartChild() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Class<?> handlerClass = Class.forName(args[0]);
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handlerClass.getConstructor().newInstance();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event(
                Files.readString(Path.of(args[1]), StandardCharsets.UTF_8), args[2], args[3]), null);
        System.out.println("STATUS " + response.getStatusCode());
        System.out.flush();
    }

    public static APIGatewayV2HTTPEvent event(String body, String projectId, String requestId) {
        Map<String, Object> lambda = new HashMap<>();
        lambda.put("projectId", projectId);
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST /track/event/v2")
                .withRawPath("/track/event/v2")
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(requestId)
                        .withTimeEpoch(System.currentTimeMillis())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withLambda(lambda).build())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST")
                                .withPath("/track/event/v2").withSourceIp("127.0.0.1").build())
                        .build())
                .build();
    }
}
