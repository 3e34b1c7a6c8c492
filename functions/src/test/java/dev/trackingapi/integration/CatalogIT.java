package dev.trackingapi.integration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.model.CatalogKind;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.testing.LambdaContexts;
import dev.trackingapi.testing.ResponseContract;
import dev.trackingapi.testing.StoredData;
import dev.trackingapi.testing.TestDynamoDb;
import dev.trackingapi.testing.TrackingApi.Response;
import dev.trackingapi.testing.TrackingApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.trackingapi.testing.TrackingApi.ADD_PRODUCTS;
import static dev.trackingapi.testing.TrackingApi.DELETE_COLLECTION;
import static dev.trackingapi.testing.TrackingApi.DELETE_PRODUCT;
import static dev.trackingapi.testing.TrackingApi.GET_PRODUCT;
import static dev.trackingapi.testing.TrackingApi.LIST_PRODUCTS;
import static dev.trackingapi.testing.TrackingApi.REMOVE_PRODUCTS;
import static dev.trackingapi.testing.TrackingApi.UPSERT_COLLECTION;
import static dev.trackingapi.testing.TrackingApi.UPSERT_PRODUCT;
import static org.assertj.core.api.Assertions.assertThat;

/** Every catalog route through its handler against DynamoDB Local: what is stored, read back, refused and deleted. */
class CatalogIT {
    private final TrackingApi api = new TrackingApi(TestDynamoDb.client(), TestDynamoDb.tables());
    private final StoredData stored = new StoredData(TestDynamoDb.client(), TestDynamoDb.tables());
    private String project;

    @BeforeEach
    void ownProject() {
        project = "catalog-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String product(String id) {
        String slug = id.replaceAll("[^A-Za-z0-9]", "-");
        return "{\"id\":\"" + id + "\",\"name\":\"Mixer " + id + "\",\"image\":\"https://cdn.example.com/" + slug
                + ".png\",\"url\":\"https://shop.example.com/products/" + slug + "\",\"price\":12.20,"
                + "\"status\":\"inStock\"}";
    }

    static String collection(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Collection " + id + "\"}";
    }

    static String ids(String... productIds) {
        return "{\"products\":[" + java.util.Arrays.stream(productIds).map(id -> "\"" + id + "\"")
                .collect(Collectors.joining(",")) + "]}";
    }

    private Response call(String route, String pathId, String body) {
        Response response = api.catalog(route, project, pathId, body);
        assertThat(ResponseContract.violations(response)).as(response.toString()).isEmpty();
        return response;
    }

    private void ok(String route, String pathId, String body) {
        Response response = call(route, pathId, body);
        assertThat(response.status()).as(route + " " + pathId + " " + body + " -> " + response).isEqualTo(200);
        if (!route.startsWith("GET")) {
            assertThat(response.body()).isEqualTo("{\"success\":true}");
        }
    }

    private List<String> collectionsOf(String productId) {
        List<String> ids = new ArrayList<>();
        call(GET_PRODUCT, productId, null).json().get("collections").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private List<String> productsOf(String collectionId) {
        List<String> ids = new ArrayList<>();
        call(LIST_PRODUCTS, collectionId, null).json().get("products").forEach(p -> ids.add(p.get("id").asText()));
        return ids;
    }

    @Test
    void aProduct_isStoredAsSent_exactPrices_withoutUnknownFields_andReadBackWithItsCollections() {
        ok(UPSERT_PRODUCT, null, "{\"id\":\"p1\",\"name\":\"Mixer\",\"image\":\"https://cdn.example.com/m.png\","
                + "\"url\":\"https://shop.example.com/m\",\"price\":\"1321.50\",\"originalHigherPrice\":1499.990,"
                + "\"status\":\"outOfStock\",\"description\":\"\",\"vendor\":\"Acme\",\"tags\":[\"x\"],"
                + "\"projectId\":\"another\"}");
        ok(UPSERT_COLLECTION, null, collection("c1"));
        ok(ADD_PRODUCTS, "c1", ids("p1"));

        JsonNode product = call(GET_PRODUCT, "p1", null).json();

        assertThat(product.fieldNames()).toIterable().containsExactly("id", "name", "image", "url", "price", "status",
                "description", "originalHigherPrice", "vendor", "createdAt", "updatedAt", "collections");
        assertThat(product.get("price").decimalValue()).isEqualByComparingTo("1321.5");
        assertThat(product.get("originalHigherPrice").decimalValue()).isEqualByComparingTo("1499.99");
        assertThat(product.get("description").asText()).isEmpty();
        assertThat(product.get("status").asText()).isEqualTo("outOfStock");
        assertThat(product.get("collections").toString()).isEqualTo("[\"c1\"]");
        Map<String, AttributeValue> item = stored.catalogEntry(CatalogKind.PRODUCT, project, "p1").orElseThrow();
        assertThat(item).doesNotContainKeys("tags", "projectId");
        assertThat(item.get("price").n()).isEqualTo("1321.50");
    }

    @Test
    void anUpsert_replacesTheWholeEntry_keepsCreatedAt_andKeepsItsMappings() throws InterruptedException {
        ok(UPSERT_PRODUCT, null, product("p1").replace("}", ",\"vendor\":\"Acme\",\"description\":\"d\"}"));
        ok(UPSERT_COLLECTION, null, collection("c1"));
        ok(ADD_PRODUCTS, "c1", ids("p1"));
        JsonNode first = call(GET_PRODUCT, "p1", null).json();
        Thread.sleep(5);

        ok(UPSERT_PRODUCT, null, product("p1").replace("12.20", "9").replace("Mixer", "Blender"));

        JsonNode second = call(GET_PRODUCT, "p1", null).json();
        assertThat(second.has("vendor")).as("a field not sent again is removed").isFalse();
        assertThat(second.has("description")).isFalse();
        assertThat(second.get("name").asText()).startsWith("Blender");
        assertThat(second.get("price").decimalValue()).isEqualByComparingTo("9");
        assertThat(second.get("createdAt")).isEqualTo(first.get("createdAt"));
        assertThat(second.get("collections").toString()).isEqualTo("[\"c1\"]");
    }

    @Test
    void mappings_areReadInBothDirections_addingTwiceOrRemovingWhatIsNotMapped_isFine() {
        for (String id : List.of("p1", "p2", "p3")) {
            ok(UPSERT_PRODUCT, null, product(id));
        }
        ok(UPSERT_COLLECTION, null, collection("c1"));
        ok(UPSERT_COLLECTION, null, collection("c2"));

        ok(ADD_PRODUCTS, "c1", ids("p2", "p1", "p2"));
        ok(ADD_PRODUCTS, "c1", ids("p1", "p3"));
        ok(ADD_PRODUCTS, "c2", ids("p1"));
        ok(REMOVE_PRODUCTS, "c1", ids("p3", "never-mapped"));
        ok(REMOVE_PRODUCTS, "no-such-collection", ids("p1"));

        assertThat(productsOf("c1")).containsExactly("p1", "p2");
        assertThat(productsOf("c2")).containsExactly("p1");
        assertThat(collectionsOf("p1")).containsExactly("c1", "c2");
        assertThat(collectionsOf("p3")).isEmpty();
        JsonNode page = call(LIST_PRODUCTS, "c1", null).json();
        assertThat(page.get("collection").get("name").asText()).isEqualTo("Collection c1");
        assertThat(page.get("products").get(0).get("price").decimalValue()).isEqualByComparingTo("12.2");
        assertThat(page.get("cursor").isNull()).isTrue();
    }

    @Test
    void addingToWhatDoesNotExist_lists422PerMissingOne_andAppliesNothing() {
        ok(UPSERT_PRODUCT, null, product("p1"));

        Response response = call(ADD_PRODUCTS, "c-missing", ids("p1", "p-missing", "p1", "p-gone"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("details")).extracting(detail -> detail.get("path").toString())
                .containsExactly("[\"id\"]", "[\"products\",1]", "[\"products\",3]");
        assertThat(response.json().get("details").get(1).get("message").asText())
                .isEqualTo("products[1] does not name a product of this project (\"p-missing\"); create it with POST"
                        + " /product first");
        ok(UPSERT_COLLECTION, null, collection("c1"));
        Response onlyProducts = call(ADD_PRODUCTS, "c1", ids("p1", "p-missing"));
        assertThat(onlyProducts.status()).isEqualTo(422);
        assertThat(onlyProducts.json().get("details")).hasSize(1);
        assertThat(collectionsOf("p1")).as("nothing applied").isEmpty();
        assertThat(stored.catalogItems(project)).hasSize(2);
    }

    @Test
    void deletingAProduct_removesItAndEveryMappingOfIt_inBothDirections_andIsIdempotent() {
        ok(UPSERT_PRODUCT, null, product("p1"));
        ok(UPSERT_PRODUCT, null, product("p2"));
        for (int c = 0; c < 60; c++) {
            ok(UPSERT_COLLECTION, null, collection("c" + c));
            ok(ADD_PRODUCTS, "c" + c, ids("p1", "p2"));
        }

        ok(DELETE_PRODUCT, "p1", null);
        ok(DELETE_PRODUCT, "p1", null);
        ok(DELETE_PRODUCT, "never-there", null);

        assertThat(call(GET_PRODUCT, "p1", null).status()).isEqualTo(404);
        assertThat(productsOf("c7")).containsExactly("p2");
        assertThat(stored.catalogItems(project)).noneMatch(item -> item.get("pk").s().contains("#product#p1")
                || item.get("sk").s().equals("product#p1"));
        assertThat(stored.catalogItems(project)).as("p2, the collections, p2's mappings").hasSize(1 + 60 + 2 * 60);
    }

    @Test
    void deletingACollection_removesItsMappings_andKeepsItsProducts() {
        ok(UPSERT_PRODUCT, null, product("p1"));
        ok(UPSERT_COLLECTION, null, collection("c1"));
        ok(UPSERT_COLLECTION, null, collection("c2"));
        ok(ADD_PRODUCTS, "c1", ids("p1"));
        ok(ADD_PRODUCTS, "c2", ids("p1"));

        ok(DELETE_COLLECTION, "c1", null);

        assertThat(collectionsOf("p1")).containsExactly("c2");
        assertThat(call(LIST_PRODUCTS, "c1", null).status()).isEqualTo(404);
        assertThat(call(ADD_PRODUCTS, "c1", ids("p1")).status()).isEqualTo(422);
    }

    @Test
    void unknownIds_areA404NotFoundError() {
        Response product = call(GET_PRODUCT, "nope", null);
        Response collection = call(LIST_PRODUCTS, "nope", null);

        assertThat(product.status()).isEqualTo(404);
        assertThat(product.body()).isEqualTo("{\"type\":\"NotFoundError\",\"message\":\"No product \\\"nope\\\" in this"
                + " project\"}");
        assertThat(collection.status()).isEqualTo(404);
        assertThat(collection.json().get("type").asText()).isEqualTo("NotFoundError");
    }

    @Test
    void aCollectionsProducts_arePagedInIdOrder_withCursorsBoundToTheListing() {
        ok(UPSERT_COLLECTION, null, collection("c1"));
        ok(UPSERT_COLLECTION, null, collection("c2"));
        List<String> productIds = IntStream.range(0, 7).mapToObj(i -> "p" + i).toList();
        productIds.forEach(id -> ok(UPSERT_PRODUCT, null, product(id)));
        ok(ADD_PRODUCTS, "c1", ids(productIds.toArray(String[]::new)));
        ok(ADD_PRODUCTS, "c2", ids("p1"));

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> query = cursor == null ? Map.of("limit", "3") : Map.of("limit", "3", "cursor", cursor);
            Response page = api.catalog(LIST_PRODUCTS, project, "c1", query, null);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("products").forEach(p -> seen.add(p.get("id").asText()));
            sizes.add(page.json().get("products").size());
            cursor = page.json().get("cursor").isNull() ? null : page.json().get("cursor").asText();
            if (cursor != null) {
                String issued = cursor;
                assertThat(api.catalog(LIST_PRODUCTS, project, "c2", Map.of("cursor", issued), null).status())
                        .as("a cursor of another collection").isEqualTo(422);
                assertThat(api.catalog(LIST_PRODUCTS, "other-" + project, "c1", Map.of("cursor", issued), null)
                        .status()).as("a cursor of another project").isEqualTo(422);
                Response altered = api.catalog(LIST_PRODUCTS, project, "c1", Map.of("cursor", "A" + issued), null);
                assertThat(altered.status()).isEqualTo(422);
                assertThat(altered.json().at("/details/0/path").toString()).isEqualTo("[\"cursor\"]");
            }
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(productIds);
        assertThat(sizes).containsExactly(3, 3, 1);
        Response badLimit = api.catalog(LIST_PRODUCTS, project, "c1", Map.of("limit", "101"), null);
        assertThat(badLimit.status()).isEqualTo(422);
        assertThat(badLimit.json().at("/details/0/type").asText()).isEqualTo("number.max");
    }

    @Test
    void anIdInThePath_isTakenAsApiGatewayDecodedIt_neverDecodedAgain_andObeysTheBodysRules() {
        String id = "b c%41+é#x";
        ok(UPSERT_PRODUCT, null, product(id));
        ok(UPSERT_PRODUCT, null, product("b cA+é#x"));

        assertThat(call(GET_PRODUCT, id, null).json().get("id").asText()).isEqualTo(id);
        assertThat(call(GET_PRODUCT, "b c%2541+é#x", null).status()).as("an id is never decoded again")
                .isEqualTo(404);
        Response tooLong = call(DELETE_PRODUCT, "x".repeat(48) + "ééé", null);
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().at("/details/0/path").toString()).isEqualTo("[\"id\"]");
        assertThat(tooLong.json().at("/details/0/type").asText()).isEqualTo("string.max");
        ok(DELETE_PRODUCT, id, null);
        assertThat(stored.catalogEntry(CatalogKind.PRODUCT, project, id)).isEmpty();
        assertThat(stored.catalogEntry(CatalogKind.PRODUCT, project, "b cA+é#x")).isPresent();
    }

    @Test
    void theReadRoutesNeedTheReadScope_andTheWritesTheTrackScope() {
        ok(UPSERT_PRODUCT, null, product("p1"));

        Response trackOnly = api.call(ApiGatewayEvents.request(GET_PRODUCT, Map.of("id", "p1"), Map.of(), project,
                "track", null, false, Instant.now()));
        Response readOnly = api.call(ApiGatewayEvents.request(DELETE_PRODUCT, Map.of("id", "p1"), Map.of(), project,
                "read", null, false, Instant.now()));

        assertThat(trackOnly.status()).isEqualTo(403);
        assertThat(trackOnly.body()).isEqualTo("{\"type\":\"AuthorizationError\",\"message\":\"This API key may not"
                + " read\"}");
        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(stored.catalogEntry(CatalogKind.PRODUCT, project, "p1")).isPresent();
    }

    @Test
    void aDeletionThatRunsOutOfTime_answers202_readsAsDeleted_refusesMappings_andTheNextDeleteFinishesIt() {
        ok(UPSERT_PRODUCT, null, product("p1"));
        for (int c = 0; c < 5; c++) {
            ok(UPSERT_COLLECTION, null, collection("c" + c));
            ok(ADD_PRODUCTS, "c" + c, ids("p1"));
        }

        Response stopped = api.call(ApiGatewayEvents.request(DELETE_PRODUCT, Map.of("id", "p1"), Map.of(), project,
                null, null, false, Instant.now()), LambdaContexts.withRemaining(ApiRequest.WORK_RESERVE));

        assertThat(stopped.status()).isEqualTo(202);
        assertThat(ResponseContract.violations(stopped)).isEmpty();
        assertThat(stopped.json().get("message").asText()).contains("Send the same DELETE again");
        assertThat(call(GET_PRODUCT, "p1", null).status()).isEqualTo(404);
        assertThat(call(ADD_PRODUCTS, "c0", ids("p1")).status()).isEqualTo(422);
        assertThat(productsOf("c0")).as("a product being deleted is not listed").isEmpty();
        assertThat(stored.catalogItems(project)).filteredOn(item -> item.get("sk").s().equals("product#p1"))
                .hasSize(5);

        ok(DELETE_PRODUCT, "p1", null);

        assertThat(stored.catalogItems(project)).hasSize(5);
    }

    @Test
    void anUpsertOfAnEntryBeingDeleted_finishesTheDeletion_andStartsAfresh() {
        ok(UPSERT_PRODUCT, null, product("p1"));
        ok(UPSERT_COLLECTION, null, collection("c1"));
        ok(ADD_PRODUCTS, "c1", ids("p1"));
        assertThat(api.call(ApiGatewayEvents.request(DELETE_COLLECTION, Map.of("id", "c1"), Map.of(), project, null,
                null, false, Instant.now()), LambdaContexts.withRemaining(ApiRequest.WORK_RESERVE)).status())
                .isEqualTo(202);

        ok(UPSERT_COLLECTION, null, collection("c1"));

        assertThat(productsOf("c1")).as("the new collection has none of the deleted one's mappings").isEmpty();
        assertThat(collectionsOf("p1")).isEmpty();
        assertThat(stored.catalogEntry(CatalogKind.COLLECTION, project, "c1").orElseThrow()).doesNotContainKey(
                "deleting");
        ok(DELETE_COLLECTION, "c1", null);
        assertThat(stored.catalogEntry(CatalogKind.COLLECTION, project, "c1")).as("a later DELETE deletes it again")
                .isEmpty();
    }

    @Test
    void aThousandProducts_areMappedInOneRequest_acrossTransactions() {
        ok(UPSERT_COLLECTION, null, collection("c1"));
        List<String> productIds = IntStream.range(0, 1000).mapToObj(i -> String.format("p%04d", i)).toList();
        productIds.forEach(id -> ok(UPSERT_PRODUCT, null, product(id)));

        ok(ADD_PRODUCTS, "c1", ids(productIds.toArray(String[]::new)));

        assertThat(stored.catalogItems(project)).filteredOn(item -> item.get("sk").s().startsWith("product#"))
                .hasSize(1000);
        assertThat(stored.catalogItems(project)).filteredOn(item -> item.get("sk").s().equals("collection#c1"))
                .hasSize(1000);
        ok(REMOVE_PRODUCTS, "c1", ids(productIds.toArray(String[]::new)));
        assertThat(stored.catalogItems(project)).hasSize(1001);
    }
}
