package dev.trackingapi.integration;

import dev.trackingapi.testing.RequestRecorder;
import dev.trackingapi.testing.TestDynamoDb;
import dev.trackingapi.testing.TrackingApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.trackingapi.testing.TrackingApi.ADD_PRODUCTS;
import static dev.trackingapi.testing.TrackingApi.DELETE_PRODUCT;
import static dev.trackingapi.testing.TrackingApi.GET_PRODUCT;
import static dev.trackingapi.testing.TrackingApi.LIST_PRODUCTS;
import static dev.trackingapi.testing.TrackingApi.REMOVE_PRODUCTS;
import static dev.trackingapi.testing.TrackingApi.UPSERT_COLLECTION;
import static dev.trackingapi.testing.TrackingApi.UPSERT_PRODUCT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DynamoDB requests behind each catalog operation, and the actions inside its transactions: what the README's
 * table of write units is counted from (DynamoDB Local's consumed-capacity figures are not reliable).
 */
class CatalogCostsIT {
    private final RequestRecorder recorder = new RequestRecorder();
    private DynamoDbClient client;
    private TrackingApi api;
    private String project;

    @BeforeEach
    void recordingClient() {
        client = TestDynamoDb.newClient(TestDynamoDb.server(), configuration -> configuration.addExecutionInterceptor(
                recorder));
        api = new TrackingApi(client, TestDynamoDb.tables());
        project = "costs-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void close() {
        client.close();
    }

    private List<String> requestsOf(String route, String pathId, String body) {
        recorder.drain();
        assertThat(api.catalog(route, project, pathId, body).status()).isLessThan(500);
        return recorder.drain();
    }

    private static String product(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Mixer\",\"image\":\"https://cdn.example.com/m.png\","
                + "\"url\":\"https://shop.example.com/m\",\"price\":1,\"status\":\"inStock\"}";
    }

    private static String ids(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "{\"products\":[", "]}"));
    }

    @Test
    void anUpsert_isOneUpdateItem() {
        assertThat(requestsOf(UPSERT_PRODUCT, null, product("p1"))).containsExactly("UpdateItem");
        assertThat(requestsOf(UPSERT_COLLECTION, null, "{\"id\":\"c1\",\"name\":\"C\"}")).containsExactly("UpdateItem");
    }

    @Test
    void anAdd_readsOnce_thenWritesEachNewMappingInATransactionOf33_andNothingWhenItIsRefusedOrMapped() {
        List<String> forty = IntStream.range(0, 40).mapToObj(i -> "p" + i).toList();
        forty.forEach(id -> api.catalog(UPSERT_PRODUCT, project, null, product(id)));
        api.catalog(UPSERT_COLLECTION, project, null, "{\"id\":\"c1\",\"name\":\"C\"}");

        assertThat(requestsOf(ADD_PRODUCTS, "c1", ids(forty))).containsExactly("BatchGetItem keys=81",
                "TransactWriteItems ConditionCheck=34 Put=66", "TransactWriteItems ConditionCheck=8 Put=14");
        assertThat(requestsOf(ADD_PRODUCTS, "c1", ids(forty))).as("every mapping exists")
                .containsExactly("BatchGetItem keys=81");
        assertThat(requestsOf(ADD_PRODUCTS, "c1", ids(List.of("p1", "missing")))).as("422")
                .containsExactly("BatchGetItem keys=5");
        assertThat(requestsOf(REMOVE_PRODUCTS, "c1", ids(forty)))
                .containsExactly("TransactWriteItems Delete=80");
    }

    @Test
    void aDeletion_marks_removes49MappingsATransaction_thenDeletes() {
        api.catalog(UPSERT_PRODUCT, project, null, product("p1"));
        for (int c = 0; c < 100; c++) {
            api.catalog(UPSERT_COLLECTION, project, null, "{\"id\":\"c" + c + "\",\"name\":\"C\"}");
            api.catalog(ADD_PRODUCTS, project, "c" + c, ids(List.of("p1")));
        }

        assertThat(requestsOf(DELETE_PRODUCT, "p1", null)).containsExactly("UpdateItem",
                "Query", "TransactWriteItems ConditionCheck=1 Delete=98",
                "Query", "TransactWriteItems ConditionCheck=1 Delete=98",
                "Query", "TransactWriteItems ConditionCheck=1 Delete=4",
                "Query", "DeleteItem");
        assertThat(requestsOf(DELETE_PRODUCT, "never-there", null)).containsExactly("UpdateItem");
    }

    @Test
    void theReads_areAQuery_orAGetItemAQueryAndABatchGetItem() {
        api.catalog(UPSERT_PRODUCT, project, null, product("p1"));
        api.catalog(UPSERT_PRODUCT, project, null, product("p2"));
        api.catalog(UPSERT_COLLECTION, project, null, "{\"id\":\"c1\",\"name\":\"C\"}");
        api.catalog(ADD_PRODUCTS, project, "c1", ids(List.of("p1", "p2")));

        assertThat(requestsOf(GET_PRODUCT, "p1", null)).containsExactly("Query");
        recorder.drain();
        api.catalog(LIST_PRODUCTS, project, "c1", Map.of("limit", "10"), null);
        assertThat(recorder.drain()).containsExactly("GetItem", "Query", "BatchGetItem keys=2");
        assertThat(Collections.frequency(requestsOf(GET_PRODUCT, "unknown", null), "Query")).isEqualTo(1);
    }
}
