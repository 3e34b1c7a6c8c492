package dev.trackingapi.reliability;

import dev.trackingapi.model.CatalogKind;
import dev.trackingapi.store.dynamodb.CatalogTable;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.testing.LambdaContexts;
import dev.trackingapi.testing.StoredData;
import dev.trackingapi.testing.TestDynamoDb;
import dev.trackingapi.testing.TrackingApi.Response;
import dev.trackingapi.testing.TrackingApi;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.trackingapi.testing.TrackingApi.DELETE_PRODUCT;
import static dev.trackingapi.testing.TrackingApi.GET_PRODUCT;
import static dev.trackingapi.testing.TrackingApi.UPSERT_PRODUCT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A product in 5,000 collections is deleted through its handler, each call with the time a Lambda invocation of the
 * template's 10 s timeout has: every call answers in time, 200 when done or 202 when its time ran out, and repeating
 * the DELETE on 202 ends with the product and its 10,000 mapping items gone and the collections kept.
 */
class LargeDeletionIT {
    private static final int COLLECTIONS = 5_000;
    private static final Duration LAMBDA_TIMEOUT = Duration.ofSeconds(10);

    private final TrackingApi api = new TrackingApi(TestDynamoDb.client(), TestDynamoDb.tables());
    private final StoredData stored = new StoredData(TestDynamoDb.client(), TestDynamoDb.tables());

    @Test
    void aProductIn5000Collections_isDeletedWithinLambdasTime_resumingOn202() {
        String project = "large-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.catalog(UPSERT_PRODUCT, project, null, "{\"id\":\"p1\",\"name\":\"Mixer\",\"image\":"
                + "\"https://cdn.example.com/m.png\",\"url\":\"https://shop.example.com/m\",\"price\":1,"
                + "\"status\":\"inStock\"}").status()).isEqualTo(200);
        seedCollectionsOf(project, "p1");

        List<String> answers = new ArrayList<>();
        long started = System.nanoTime();
        Response response;
        do {
            long call = System.nanoTime();
            response = api.call(ApiGatewayEvents.request(DELETE_PRODUCT, Map.of("id", "p1"), Map.of(), project, null,
                    null, false, Instant.now()), LambdaContexts.withRemaining(LAMBDA_TIMEOUT));
            long millis = (System.nanoTime() - call) / 1_000_000;
            answers.add(response.status() + " in " + millis + " ms");
            assertThat(response.status()).as(answers.toString()).isIn(200, 202);
            assertThat(Duration.ofMillis(millis)).as("answered before Lambda's timeout").isLessThan(LAMBDA_TIMEOUT);
            assertThat(answers).as("each call makes progress").hasSizeLessThan(50);
        } while (response.status() == 202);
        System.out.println("LargeDeletionIT: " + COLLECTIONS + " collections, DELETE answers " + answers + ", "
                + (System.nanoTime() - started) / 1_000_000 + " ms in all (DynamoDB Local)");

        assertThat(api.catalog(GET_PRODUCT, project, "p1", null).status()).isEqualTo(404);
        List<Map<String, AttributeValue>> left = stored.catalogItems(project);
        assertThat(left).hasSize(COLLECTIONS).allSatisfy(item -> assertThat(item.get("sk").s()).isEqualTo("#item"));
        assertThat(api.catalog(DELETE_PRODUCT, project, "p1", null).status()).as("and again").isEqualTo(200);
    }

    /** The collections and both directions of their mappings to the product, written as the add route writes them. */
    private static void seedCollectionsOf(String project, String productId) {
        List<WriteRequest> writes = new ArrayList<>();
        for (int c = 0; c < COLLECTIONS; c++) {
            String collectionId = String.format("c%05d", c);
            Map<String, AttributeValue> collection = new HashMap<>(CatalogTable.itemKey(CatalogKind.COLLECTION,
                    project, collectionId));
            collection.put(CatalogTable.ID, AttributeValue.fromS(collectionId));
            collection.put(CatalogTable.NAME, AttributeValue.fromS("Collection " + collectionId));
            collection.put(CatalogTable.CREATED_AT, AttributeValue.fromS("2026-12-01T00:00:00.000Z"));
            collection.put(CatalogTable.UPDATED_AT, AttributeValue.fromS("2026-12-01T00:00:00.000Z"));
            writes.add(put(collection));
            writes.add(put(mapping(CatalogTable.mappingKey(CatalogKind.PRODUCT, project, productId, collectionId))));
            writes.add(put(mapping(CatalogTable.mappingKey(CatalogKind.COLLECTION, project, collectionId, productId))));
        }
        for (int from = 0; from < writes.size(); from += 25) {
            List<WriteRequest> batch = writes.subList(from, Math.min(from + 25, writes.size()));
            Map<String, List<WriteRequest>> pending = Map.of(TestDynamoDb.tables().catalog(), batch);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> asked = pending;
                pending = TestDynamoDb.client().batchWriteItem(write -> write.requestItems(asked)).unprocessedItems();
            }
        }
    }

    private static Map<String, AttributeValue> mapping(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(CatalogTable.ADDED_AT, AttributeValue.fromS("2026-12-01T00:00:00.000Z"));
        return item;
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }
}
