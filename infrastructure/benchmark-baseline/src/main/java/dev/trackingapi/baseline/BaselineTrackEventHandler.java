package dev.trackingapi.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The baseline of the cold-start benchmark: /track/event/v2 as typical AWS samples would write it. A DynamoDbClient
 * with the SDK's defaults (Apache HTTP client, default credential chain, region from the environment), the Enhanced
 * Client with a bean schema, Jackson data binding. No validation beyond what binding does.
 */
public class BaselineTrackEventHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DynamoDbTable<TrackedEvent> EVENTS;

    static {
        DynamoDbClientBuilder builder = DynamoDbClient.builder();
        String endpoint = System.getenv("DYNAMODB_ENDPOINT");
        if (endpoint != null && !endpoint.isEmpty()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(builder.build()).build();
        EVENTS = enhanced.table(System.getenv("EVENTS_TABLE"), TableSchema.fromBean(TrackedEvent.class));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            TrackEventRequest request = MAPPER.readValue(event.getBody(), TrackEventRequest.class);
            String projectId = (String) event.getRequestContext().getAuthorizer().getLambda().get("projectId");
            TrackedEvent item = new TrackedEvent();
            item.setPk(projectId + "#" + request.customerId);
            item.setSk(request.time + "#" + event.getRequestContext().getRequestId());
            item.setCustomerId(request.customerId);
            item.setName(request.name);
            item.setTime(request.time);
            List<TrackedAttribute> attributes = new ArrayList<>();
            for (TrackEventRequest.RawAttribute raw : request.attributes) {
                TrackedAttribute attribute = new TrackedAttribute();
                attribute.setName(raw.name);
                attribute.setType(raw.type);
                attribute.setJsonValue(raw.value);
                attributes.add(attribute);
            }
            item.setAttributes(attributes);
            EVENTS.putItem(item);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("content-type", "application/json")).withBody("{\"success\":true}").build();
        } catch (Exception e) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(500).withBody("{\"message\":\"" + e + "\"}").build();
        }
    }
}
