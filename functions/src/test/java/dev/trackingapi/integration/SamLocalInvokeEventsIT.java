package dev.trackingapi.integration;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.trackingapi.template.TemplateTables;
import dev.trackingapi.testing.StoredData;
import dev.trackingapi.testing.TestDynamoDb;
import dev.trackingapi.testing.TrackingApi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each file in events/ is read by the Lambda runtime's own serializer, as `sam local invoke -e` does, handed to its
 * route's handler against DynamoDB Local, and the response written back by the same serializer.
 */
class SamLocalInvokeEventsIT {
    private static final PojoSerializer<APIGatewayV2HTTPEvent> EVENTS = LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPEvent.class, SamLocalInvokeEventsIT.class.getClassLoader());
    private static final PojoSerializer<APIGatewayV2HTTPResponse> RESPONSES = LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPResponse.class, SamLocalInvokeEventsIT.class.getClassLoader());

    @ParameterizedTest
    @ValueSource(strings = {"track-event-v2", "track-event", "rest-api-event", "track-user", "rest-api-customer",
            "delete-customers-id"})
    void eventFile_isAcceptedByItsHandler_andItsDataIsStored(String file) throws IOException {
        Path events = TemplateTables.findTemplate().map(template -> template.resolveSibling("events")).orElse(null);
        Assumptions.assumeTrue(events != null && Files.isDirectory(events), "events/ not found beside template.yaml");
        APIGatewayV2HTTPEvent event;
        try (InputStream in = Files.newInputStream(events.resolve(file + ".json"))) {
            event = EVENTS.fromJson(in);
        }
        TrackingApi api = new TrackingApi(TestDynamoDb.client(), TestDynamoDb.tables());
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = file.startsWith("delete")
                ? api.eraser() : api.handler(event.getRawPath());

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        ByteArrayOutputStream written = new ByteArrayOutputStream();
        RESPONSES.toJson(response, written);
        assertThat(written.toString(StandardCharsets.UTF_8))
                .contains("\"statusCode\":200")
                .contains("\"isBase64Encoded\":false");
        assertThat(response.getBody()).startsWith("{\"success\":true");
        String projectId = (String) event.getRequestContext().getAuthorizer().getLambda().get("projectId");
        StoredData stored = new StoredData(TestDynamoDb.client(), TestDynamoDb.tables());
        if (file.startsWith("delete")) {
            String customerId = event.getPathParameters().get("id");
            assertThat(response.getBody()).contains("\"complete\":true");
            assertThat(stored.events(projectId, customerId)).isEmpty();
            assertThat(stored.profile(projectId, customerId)).isEmpty();
        } else if (file.contains("event")) {
            String customerId = dev.trackingapi.api.Json.MAPPER.readTree(event.getBody()).get("customerId").asText();
            assertThat(stored.events(projectId, customerId)).isNotEmpty();
        } else {
            String customerId = dev.trackingapi.api.Json.MAPPER.readTree(event.getBody()).get("id").asText();
            assertThat(stored.profile(projectId, customerId)).isPresent();
        }
    }
}
