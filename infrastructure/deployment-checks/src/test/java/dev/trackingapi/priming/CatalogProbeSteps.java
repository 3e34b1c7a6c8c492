package dev.trackingapi.priming;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.model.CatalogKind;
import dev.trackingapi.model.Product;
import dev.trackingapi.model.ProductCollection;
import dev.trackingapi.model.ProductStatus;
import dev.trackingapi.store.dynamodb.DynamoDbCatalogStore;
import dev.trackingapi.store.dynamodb.DynamoDbClients;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.validation.Limits;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The representative requests of each catalog function, run by {@link FunctionProbe} in the function's own JVM: the
 * route's events/ file, the other paths its code takes (an upsert that finishes a pending deletion, a deletion with
 * mappings to remove, a page after a cursor...), and its refusals. State a request needs (a product being deleted, a
 * mapping) is written first through the catalog store, beside the function, and not counted as the function's calls.
 */
final class CatalogProbeSteps {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final String TRACK_AND_READ = "track,read";
    private static final List<String> ROUTES = List.of("POST /product", "DELETE /product/{id}", "GET /product/{id}",
            "POST /collection", "DELETE /collection/{id}", "POST /collection/{id}/products/add",
            "POST /collection/{id}/products/remove", "GET /collection/{id}/products");

    private CatalogProbeSteps() {
    }

    static boolean isCatalogRoute(String routeKey) {
        return ROUTES.contains(routeKey);
    }

    static List<FunctionProbe.Step> steps(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                          String route, String projectId, JsonNode eventFile) {
        DynamoDbCatalogStore store = new DynamoDbCatalogStore(DynamoDbClients.fromEnvironment(
                EnvironmentVariables.system(), DynamoDbClients.httpClient()),
                EnvironmentVariables.system().required(EnvironmentVariables.CATALOG_TABLE));
        Requests requests = new Requests(handler, route, projectId);
        String fileId = eventFile.path("pathParameters").path("id").asText(null);
        String fileBody = eventFile.path("body").isMissingNode() ? null : eventFile.path("body").asText();
        Map<String, String> fileQuery = eventFile.has("queryStringParameters")
                ? JSON.convertValue(eventFile.get("queryStringParameters"), Map.class) : Map.of();
        List<FunctionProbe.Step> steps = new ArrayList<>();
        switch (route) {
            case "POST /product", "POST /collection" -> {
                CatalogKind kind = route.equals("POST /product") ? CatalogKind.PRODUCT : CatalogKind.COLLECTION;
                steps.add(requests.step("the events/ file's body", 200, "\"success\":true", null, Map.of(), fileBody));
                steps.add(requests.step("the same again, another name", 200, "\"success\":true", null, Map.of(),
                        fileBody.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"Renamed\"")));
                steps.add(FunctionProbe.Step.setup("probe-pending, mapped, its deletion left half done", () -> {
                    mapped(store, projectId, "probe-pending", "probe-pending");
                    store.markDeleted(kind, projectId, "probe-pending", "probe mark", NOW);
                }));
                steps.add(requests.step("an upsert of an entry being deleted (finishes the deletion)", 200,
                        "\"success\":true", null, Map.of(), kind == CatalogKind.PRODUCT ? product("probe-pending")
                                : "{\"id\":\"probe-pending\",\"name\":\"Pending\"}"));
                steps.add(kind == CatalogKind.PRODUCT
                        ? requests.step("the vendor's documented invalid status", 422, "any.allowOnly", null, Map.of(),
                        "{\"id\":\"p\",\"name\":\"n\",\"image\":\"https://e.com/i.png\",\"url\":\"https://e.com\","
                                + "\"price\":1,\"status\":\"1outOfStock\"}")
                        : requests.step("an empty name and an image that is no URL", 422, "string.uri", null, Map.of(),
                        "{\"id\":\"c\",\"name\":\"\",\"image\":\"summer.png\"}"));
                steps.add(requests.step("unparseable JSON", 400, "BadRequestError", null, Map.of(), "{\"id\":"));
                steps.add(requests.step("a body over 256 KB", 413, "PayloadTooLargeError", null, Map.of(),
                        "{\"padding\":\"" + "x".repeat(Limits.MAX_BODY_BYTES) + "\"}"));
            }
            case "DELETE /product/{id}", "DELETE /collection/{id}" -> {
                steps.add(FunctionProbe.Step.setup(fileId + ", mapped", () -> mapped(store, projectId,
                        route.contains("product") ? fileId : "probe-other", route.contains("product") ? "probe-other"
                                : fileId)));
                steps.add(requests.step("the events/ file's id, with a mapping to remove", 200, "\"success\":true",
                        fileId, Map.of(), null));
                steps.add(requests.step("the same again (idempotent)", 200, "\"success\":true", fileId, Map.of(),
                        null));
                steps.add(requests.step("an id over 50 characters", 422, "string.max", "x".repeat(51), Map.of(),
                        null));
                steps.add(requests.step("an id with a percent sign, as API Gateway decoded it", 200,
                        "\"success\":true", "50%off", Map.of(), null));
            }
            case "GET /product/{id}" -> {
                steps.add(FunctionProbe.Step.setup(fileId + ", mapped", () -> mapped(store, projectId, fileId,
                        "probe-collection")));
                steps.add(requests.step("the events/ file's id", 200, "\"collections\":[\"probe-collection\"]", fileId,
                        Map.of(), null));
                steps.add(requests.step("an unknown id", 404, "NotFoundError", "probe-unknown", Map.of(), null));
                steps.add(requests.step("an id over 50 characters", 422, "string.max", "x".repeat(51), Map.of(),
                        null));
            }
            case "GET /collection/{id}/products" -> {
                steps.add(FunctionProbe.Step.setup(fileId + " with three products", () -> {
                    for (String productId : List.of("probe-a", "probe-b", "probe-c")) {
                        mapped(store, projectId, productId, fileId);
                    }
                }));
                steps.add(requests.step("the events/ file's request", 200, "\"id\":\"probe-c\"", fileId, fileQuery,
                        null));
                steps.add(requests.step("a first page of two", 200, "\"cursor\":\"", fileId, Map.of("limit", "2"),
                        null));
                steps.add(requests.step("an unknown collection", 404, "NotFoundError", "probe-unknown", Map.of(),
                        null));
                steps.add(requests.step("a cursor that was not issued", 422, "cursor.invalid", fileId,
                        Map.of("cursor", "bm90.AAAAAAAAAAAAAAAA"), null));
            }
            case "POST /collection/{id}/products/add" -> {
                steps.add(FunctionProbe.Step.setup("the events/ file's collection and products", () -> {
                    store.putCollection(projectId, new ProductCollection(fileId, "Probe", null, null, null), NOW);
                    for (JsonNode productId : body(fileBody).path("products")) {
                        store.putProduct(projectId, product(productId.asText(), "Probe"), NOW);
                    }
                }));
                steps.add(requests.step("the events/ file's body", 200, "\"success\":true", fileId, Map.of(),
                        fileBody));
                steps.add(requests.step("the same again (mapped already)", 200, "\"success\":true", fileId, Map.of(),
                        fileBody));
                steps.add(requests.step("a product that does not exist", 422, "any.notFound", fileId, Map.of(),
                        "{\"products\":[\"probe-missing\"]}"));
            }
            case "POST /collection/{id}/products/remove" -> {
                steps.add(FunctionProbe.Step.setup("the events/ file's mappings", () -> {
                    for (JsonNode productId : body(fileBody).path("products")) {
                        mapped(store, projectId, productId.asText(), fileId);
                    }
                }));
                steps.add(requests.step("the events/ file's body", 200, "\"success\":true", fileId, Map.of(),
                        fileBody));
                steps.add(requests.step("an empty list", 422, "array.min", fileId, Map.of(), "{\"products\":[]}"));
            }
            default -> throw new IllegalArgumentException("not a catalog route: " + route);
        }
        steps.add(new FunctionProbe.Step("no project from the authorizer", 401, "AuthenticationError",
                () -> requests.answer(null, fileId, Map.of(), fileBody)));
        return steps;
    }

    /** Calls of one route with a key that may track and read. */
    private record Requests(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String route,
                            String projectId) {
        FunctionProbe.Step step(String label, int status, String expected, String pathId, Map<String, String> query,
                                String body) {
            return new FunctionProbe.Step(label, status, expected, () -> answer(projectId, pathId, query, body));
        }

        Object[] answer(String project, String pathId, Map<String, String> query, String body) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(ApiGatewayEvents.request(route,
                    pathId == null ? Map.of() : Map.of("id", pathId), query, project, TRACK_AND_READ, body, false,
                    NOW), null);
            return new Object[]{response.getStatusCode(), response.getBody()};
        }
    }

    /** The product, the collection, and the mapping between them. */
    private static void mapped(DynamoDbCatalogStore store, String projectId, String productId, String collectionId) {
        store.putProduct(projectId, product(productId, "Probe"), NOW);
        store.putCollection(projectId, new ProductCollection(collectionId, "Probe", null, null, null), NOW);
        if (!store.addProducts(projectId, collectionId, List.of(productId), NOW).isApplied()) {
            throw new IllegalStateException("the probe could not map " + productId + " to " + collectionId);
        }
    }

    private static Product product(String id, String name) {
        return new Product(id, name, "https://cdn.example.com/probe.png", "https://shop.example.com/probe",
                BigDecimal.ONE, ProductStatus.IN_STOCK, null, null, null);
    }

    private static String product(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Probe\",\"image\":\"https://cdn.example.com/p.png\","
                + "\"url\":\"https://shop.example.com/p\",\"price\":1,\"status\":\"inStock\"}";
    }

    private static JsonNode body(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
