package dev.trackingapi.integration;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.api.ExplorerPage;
import dev.trackingapi.api.Json;
import dev.trackingapi.entrypoints.ExplorerHandler;
import dev.trackingapi.template.TemplateTables;
import dev.trackingapi.testing.ReadApi;
import dev.trackingapi.testing.StoredData;
import dev.trackingapi.testing.TestDynamoDb;
import dev.trackingapi.testing.TrackingApi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
            "track-batch", "delete-customers-id"})
    void eventFile_isAcceptedByItsHandler_andItsDataIsStored(String file) throws IOException {
        APIGatewayV2HTTPEvent event = read(file);
        TrackingApi api = new TrackingApi(TestDynamoDb.client(), TestDynamoDb.tables());
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = api.handler(event.getRouteKey());

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
            return;
        }
        JsonNode body = Json.MAPPER.readTree(event.getBody());
        for (JsonNode item : body.has("batch") ? body.get("batch") : List.of(body)) {
            if (item.has("customerId")) {
                assertThat(stored.events(projectId, item.get("customerId").asText())).isNotEmpty();
            } else {
                assertThat(stored.profile(projectId, item.get("id").asText())).isPresent();
            }
        }
    }

    /** The read routes' files, on what their tracking counterparts store for the same project and customers. */
    @ParameterizedTest
    @ValueSource(strings = {"get-customers-id", "get-customers", "get-customers-id-events", "get-events", "get-schema",
            "get-schema-events-name", "get-explorer"})
    void readEventFile_isAnsweredByItsHandler_withWhatTheTrackingFilesStored(String file) throws IOException {
        Path events = TemplateTables.findTemplate().map(template -> template.resolveSibling("events")).orElse(null);
        Assumptions.assumeTrue(events != null && Files.isDirectory(events), "events/ not found beside template.yaml");
        TrackingApi tracking = new TrackingApi(TestDynamoDb.client(), TestDynamoDb.tables());
        for (String seed : new String[]{"track-user", "track-event-v2"}) {
            try (InputStream in = Files.newInputStream(events.resolve(seed + ".json"))) {
                APIGatewayV2HTTPEvent event = EVENTS.fromJson(in);
                assertThat(tracking.call(event).status()).isEqualTo(200);
            }
        }
        tracking.post(TrackingApi.TRACK_EVENT_V2, "local", "{\"customerId\":\"gid://shopify/Customer/1001\","
                + "\"name\":\"Add To Cart\",\"time\":1,\"attributes\":{}}");
        APIGatewayV2HTTPEvent event;
        try (InputStream in = Files.newInputStream(events.resolve(file + ".json"))) {
            event = EVENTS.fromJson(in);
        }
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = file.equals("get-explorer")
                ? new ExplorerHandler(ExplorerPage.load())
                : new ReadApi(TestDynamoDb.client(), TestDynamoDb.tables()).handlerOf(event);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        ByteArrayOutputStream written = new ByteArrayOutputStream();
        RESPONSES.toJson(response, written);
        assertThat(written.toString(StandardCharsets.UTF_8)).contains("\"statusCode\":200");
        assertThat(response.getBody()).as(file).doesNotContain("\"events\":[]");
    }

    /**
     * The catalog's files in the order a store syncs: the product and the collection, the mapping, both reads, then the
     * removal and the deletions; each answers 200 with what the previous ones stored.
     */
    @Test
    void theCatalogsEventFiles_runInSyncOrder_eachAnswering200() throws IOException {
        TrackingApi api = new TrackingApi(TestDynamoDb.client(), TestDynamoDb.tables());
        StoredData stored = new StoredData(TestDynamoDb.client(), TestDynamoDb.tables());
        String project = (String) read("product").getRequestContext().getAuthorizer().getLambda().get("projectId");
        api.catalog(TrackingApi.DELETE_PRODUCT, project, "mixer-500", null);
        api.catalog(TrackingApi.DELETE_COLLECTION, project, "kitchen", null);

        for (String file : List.of("product", "collection", "collection-id-products-add", "get-product-id",
                "get-collection-id-products", "collection-id-products-remove", "delete-collection-id",
                "delete-product-id")) {
            APIGatewayV2HTTPEvent event = read(file);
            APIGatewayV2HTTPResponse response = api.handler(event.getRouteKey()).handleRequest(event, null);

            ByteArrayOutputStream written = new ByteArrayOutputStream();
            RESPONSES.toJson(response, written);
            assertThat(written.toString(StandardCharsets.UTF_8)).as(file).contains("\"statusCode\":200");
            if (file.equals("get-product-id")) {
                assertThat(response.getBody()).contains("\"collections\":[\"kitchen\"]");
            }
            if (file.equals("get-collection-id-products")) {
                assertThat(response.getBody()).contains("\"id\":\"mixer-500\"");
            }
        }
        assertThat(stored.catalogItems(project)).isEmpty();
    }

    private static APIGatewayV2HTTPEvent read(String file) throws IOException {
        Path events = TemplateTables.findTemplate().map(template -> template.resolveSibling("events")).orElse(null);
        Assumptions.assumeTrue(events != null && Files.isDirectory(events), "events/ not found beside template.yaml");
        try (InputStream in = Files.newInputStream(events.resolve(file + ".json"))) {
            return EVENTS.fromJson(in);
        }
    }
}
