package dev.trackingapi.localapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Answers with the event it was handed, written by the runtime's serializer, so tests see exactly what a function
 * gets. Query parameters choose other answers: respond=binary (a base64 body), respond=cookies, status=N.
 */
public final class EchoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final byte[] BINARY = new byte[256];

    static {
        for (int i = 0; i < BINARY.length; i++) {
            BINARY[i] = (byte) i;
        }
    }

    private static final PojoSerializer<APIGatewayV2HTTPEvent> EVENTS = LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPEvent.class, EchoHandler.class.getClassLoader());

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of()
                : event.getQueryStringParameters();
        int status = Integer.parseInt(query.getOrDefault("status", "200"));
        if ("binary".equals(query.get("respond"))) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                    .withHeaders(Map.of("content-type", "application/octet-stream"))
                    .withBody(Base64.getEncoder().encodeToString(BINARY)).withIsBase64Encoded(true).build();
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        EVENTS.toJson(event, json);
        APIGatewayV2HTTPResponse.APIGatewayV2HTTPResponseBuilder response = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("content-type", "application/json", "x-echo", context.getFunctionName()))
                .withBody(json.toString(StandardCharsets.UTF_8));
        if ("cookies".equals(query.get("respond"))) {
            response.withCookies(List.of("a=1; Path=/", "b=2"));
        }
        return response.build();
    }
}
