package dev.trackingapi.benchmark;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.store.dynamodb.DynamoDbClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The floor of figure 3 for any handler on the AWS SDK: the functions' own DynamoDB client (same HTTP client,
 * region, credentials and configuration) and one PutItem of the request body as it came, with no parsing, no
 * validation, no lookup. What ours costs above this is our own; what this costs above the hello-world handler is the
 * SDK's.
 */
public final class SdkFloorHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final EnvironmentVariables VARIABLES = EnvironmentVariables.system();
    private static final DynamoDbClient DYNAMO_DB = DynamoDbClients.fromEnvironment(VARIABLES,
            DynamoDbClients.httpClient());
    private static final String EVENTS_TABLE = VARIABLES.required(EnvironmentVariables.EVENTS_TABLE);

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String projectId = (String) event.getRequestContext().getAuthorizer().getLambda().get("projectId");
        DYNAMO_DB.putItem(put -> put.tableName(EVENTS_TABLE).item(Map.of(
                "pk", AttributeValue.fromS(projectId + "#sdk-floor"),
                "sk", AttributeValue.fromS(event.getRequestContext().getRequestId()),
                "body", AttributeValue.fromS(event.getBody()))));
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("{\"success\":true}").build();
    }
}
