package dev.trackingapi.localapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.Map;

/** Answers JSON without a statusCode: API Gateway then infers a 200 application/json response with it as the body. */
public final class RawResultHandler implements RequestHandler<APIGatewayV2HTTPEvent, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Map.of("hello", "world");
    }
}
