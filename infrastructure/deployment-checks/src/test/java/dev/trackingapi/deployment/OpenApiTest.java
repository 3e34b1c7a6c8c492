package dev.trackingapi.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi31;
import dev.trackingapi.api.ApiResponses;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.model.CatalogKind;
import dev.trackingapi.model.Erasure;
import dev.trackingapi.model.ErasureCounts;
import dev.trackingapi.model.ErasureReceipt;
import dev.trackingapi.model.ProductStatus;
import dev.trackingapi.model.Scope;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.testing.ReadApi;
import dev.trackingapi.testing.TestDynamoDb;
import dev.trackingapi.testing.TrackingApi;
import dev.trackingapi.validation.Limits;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** infrastructure/openapi.yaml against the template, events/, the code's limits, and the handlers' real answers. */
class OpenApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(OpenApi31.getInstance()).defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
    private static JsonNode openApi;
    private static SamTemplate template;

    @BeforeAll
    static void read() throws IOException {
        openApi = new YAMLMapper().readTree(Repository.openApi().toFile());
        template = SamTemplate.read(Repository.template());
    }

    @Test
    void theDocument_isValidOpenApi31_withNoParserMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(Repository.openApi().toUri().toString(), null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).hasSize(20);
    }

    @Test
    void everyRouteOfTheTemplate_isDescribed_andNothingElse_eachWithEveryResponse() {
        Set<String> described = new TreeSet<>();
        openApi.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(field -> !field.getKey().equals("parameters"))
                .forEach(method -> described.add(method.getKey().toUpperCase() + " " + path.getKey())));
        Set<String> routes = new TreeSet<>();
        template.functions().forEach(function -> function.routes().forEach(route -> routes.add(route.routeKey())));

        assertThat(described).isEqualTo(routes);
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            JsonNode operation = operation(method, path);
            List<String> responses = operation.path("responses").properties().stream().map(Map.Entry::getKey).toList();
            if (method.equals("POST")) {
                assertThat(responses).as(route)
                        .containsExactlyInAnyOrder("200", "400", "401", "403", "413", "422", "429", "500", "503");
                assertThat(resolve(operation.path("requestBody")).path("x-max-body-bytes").asInt()).as(route)
                        .isEqualTo(route.equals("POST /track/batch") ? Limits.MAX_BATCH_BODY_BYTES : Limits.MAX_BODY_BYTES);
            } else if (path.equals("/explorer")) {
                assertThat(responses).as(route).containsExactlyInAnyOrder("200", "429", "500");
                assertThat(operation.path("security")).as("the page needs no key").isEmpty();
            } else if (method.equals("DELETE")) {
                assertThat(responses).as(route)
                        .containsExactlyInAnyOrder("200", "202", "400", "401", "403", "422", "429", "500", "503");
                assertThat(operation.has("requestBody")).as(route).isFalse();
            } else {
                boolean finds = path.equals("/customers/{id}") || path.equals("/customers")
                        || path.startsWith("/schema/events") || path.startsWith("/product/")
                        || path.startsWith("/collection/");
                List<String> expected = new ArrayList<>(List.of("200", "400", "401", "403", "422", "429", "500", "503"));
                if (finds) {
                    expected.add("404");
                }
                assertThat(responses).as(route).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(operation.has("requestBody")).isFalse();
            }
        }
        assertThat(openApi.at("/components/securitySchemes/GrowlyticsKey/name").asText()).isEqualTo("x-growlytics-key");
        assertThat(openApi.at("/components/securitySchemes/GrowlyticsKey/in").asText()).isEqualTo("header");
        assertThat(openApi.at("/security/0").has("GrowlyticsKey")).isTrue();
        assertThat(openApi.at("/components/responses/ServiceUnavailable/headers").has("Retry-After")).isTrue();
    }

    @Test
    void theDocumentedLimitsAndTypes_areTheCodes() {
        JsonNode schemas = openApi.at("/components/schemas");
        assertThat(schemas.at("/Name/maxLength").asInt()).isEqualTo(Limits.MAX_NAME_LENGTH);
        assertThat(schemas.at("/CustomerId/maxLength").asInt()).isEqualTo(Limits.MAX_CUSTOMER_ID_LENGTH);
        assertThat(schemas.at("/EventId/maxLength").asInt()).isEqualTo(Limits.MAX_EVENT_ID_LENGTH);
        assertThat(schemas.at("/EventAttributes/oneOf/0/maxItems").asInt()).isEqualTo(Limits.MAX_ATTRIBUTES_PER_EVENT);
        assertThat(schemas.at("/FlatEventAttributes/maxProperties").asInt()).isEqualTo(Limits.MAX_ATTRIBUTES_PER_EVENT);
        assertThat(schemas.at("/CustomerTypedAttributes/maxItems").asInt())
                .isEqualTo(Limits.MAX_ATTRIBUTES_PER_CUSTOMER_REQUEST);
        assertThat(schemas.at("/CustomerFlatAttributes/maxProperties").asInt())
                .isEqualTo(Limits.MAX_ATTRIBUTES_PER_CUSTOMER_REQUEST);
        assertThat(openApi.at("/components/requestBodies/TrackUser/x-custom-attribute-cap").asInt())
                .isEqualTo(Limits.MAX_CUSTOM_ATTRIBUTES_TRACK_USER);
        assertThat(openApi.at("/components/requestBodies/RestApiCustomer/x-custom-attribute-cap").asInt())
                .isEqualTo(Limits.MAX_CUSTOM_ATTRIBUTES_REST_CUSTOMER);
        assertThat(openApi.at("/components/requestBodies/TrackBatch/x-custom-attribute-cap").asInt())
                .isEqualTo(Limits.MAX_CUSTOM_ATTRIBUTES_TRACK_USER);
        assertThat(openApi.at("/components/requestBodies/TrackBatch/x-max-items").asInt())
                .isEqualTo(Limits.MAX_BATCH_ITEMS);
        assertThat(openApi.at("/components/requestBodies/TrackBatch/x-max-item-bytes").asInt())
                .isEqualTo(Limits.MAX_BATCH_ITEM_BYTES);
        assertThat(schemas.at("/TrackBatchRequest/properties/batch/maxItems").asInt()).isEqualTo(Limits.MAX_BATCH_ITEMS);
        assertThat(schemas.at("/BatchResult/properties/results/maxItems").asInt()).isEqualTo(Limits.MAX_BATCH_ITEMS);

        List<String> documentedTypes = new ArrayList<>();
        schemas.at("/AttributeTypeName/enum").forEach(type -> documentedTypes.add(type.asText()));
        assertThat(documentedTypes).containsExactlyElementsOf(AttributeType.wireNames());
        List<String> variants = new ArrayList<>();
        schemas.at("/TypedAttribute/oneOf").forEach(v -> variants.add(v.at("/properties/type/const").asText()));
        assertThat(variants).containsExactlyElementsOf(AttributeType.wireNames());

        assertThat(schemas.at("/CatalogId/maxLength").asInt()).isEqualTo(Limits.MAX_CATALOG_ID_LENGTH);
        assertThat(schemas.at("/ProductRequest/properties/name/maxLength").asInt())
                .isEqualTo(Limits.MAX_CATALOG_NAME_LENGTH);
        assertThat(schemas.at("/ProductRequest/properties/description/maxLength").asInt())
                .isEqualTo(Limits.MAX_DESCRIPTION_LENGTH);
        assertThat(schemas.at("/ProductRequest/properties/vendor/maxLength").asInt())
                .isEqualTo(Limits.MAX_VENDOR_LENGTH);
        assertThat(schemas.at("/WebUrl/maxLength").asInt()).isEqualTo(Limits.MAX_URL_LENGTH);
        assertThat(schemas.at("/ProductIdsRequest/properties/products/maxItems").asInt())
                .isEqualTo(Limits.MAX_PRODUCTS_PER_MAPPING_REQUEST);
        List<String> statuses = new ArrayList<>();
        schemas.at("/ProductStatus/enum").forEach(status -> statuses.add(status.asText()));
        assertThat(statuses).containsExactlyElementsOf(ProductStatus.wireNames());
        JsonNode limit = openApi.at("/paths/~1collection~1{id}~1products/get/parameters/0/schema");
        assertThat(limit.path("maximum").asInt()).isEqualTo(Limits.MAX_PAGE_SIZE);
        assertThat(limit.path("default").asInt()).isEqualTo(Limits.DEFAULT_PAGE_SIZE);
    }

    @Test
    void everyBodyInEvents_validatesAgainstItsRoutesRequestSchema() throws IOException {
        for (SamTemplate.Function function : template.functions()) {
            for (SamTemplate.Route route : function.routes()) {
                if (!route.method().equals("POST")) {
                    continue;
                }
                JsonNode event = JSON.readTree(Repository.events().resolve(route.eventFileName()).toFile());
                JsonNode body = JSON.readTree(event.path("body").asText());
                assertThat(requestSchema(route.path()).validate(body)).as(route.routeKey()).isEmpty();
            }
        }
    }

    /**
     * Bodies the schema can judge: the handler and the schema must agree on each (422 exactly when invalid), so the
     * schema is neither looser nor stricter than the API where it speaks.
     */
    @Test
    void theRequestSchemas_andTheHandlers_agreeOnValidAndInvalidBodies() {
        String event = "{\"customerId\":\"c1\",\"name\":\"Viewed\",\"time\":1579547655000,\"attributes\":%s}";
        String fifty = "n".repeat(Limits.MAX_NAME_LENGTH);
        List<Object[]> samples = List.of(
                new Object[]{"/track/event/v2", event.formatted("[{\"name\":\"" + fifty + "\",\"type\":\"number\",\"value\":\"12.50\"}]"), true},
                new Object[]{"/track/event/v2", event.formatted("[{\"name\":\"" + fifty + "n\",\"type\":\"number\",\"value\":1}]"), false},
                new Object[]{"/track/event/v2", event.formatted("[{\"name\":\"a\",\"type\":\"colour\",\"value\":1}]"), false},
                new Object[]{"/track/event/v2", event.formatted("[{\"name\":\"a\",\"type\":\"number\",\"value\":\"ten\"}]"), false},
                new Object[]{"/track/event/v2", event.formatted("[{\"name\":\"a\",\"type\":\"date\",\"value\":\"2020-01-20T19:14:15+05:30\"}]"), true},
                new Object[]{"/track/event/v2", event.formatted("[{\"name\":\"a\",\"type\":\"date\",\"value\":\"yesterday\"}]"), false},
                new Object[]{"/track/event/v2", event.formatted("[{\"name\":\"a\",\"type\":\"string map\",\"value\":{\"k\":1}}]"), false},
                new Object[]{"/track/event/v2", event.formatted("[{\"name\":\"a\",\"type\":\"boolean array\",\"value\":[true,\"false\"]}]"), true},
                new Object[]{"/track/event", event.formatted(flat(Limits.MAX_ATTRIBUTES_PER_EVENT)), true},
                new Object[]{"/track/event", event.formatted(flat(Limits.MAX_ATTRIBUTES_PER_EVENT + 1)), false},
                new Object[]{"/track/event", event.formatted("{\"Tags\":[\"a\",1]}"), false},
                new Object[]{"/track/event", event.formatted("{\"Nothing\":null}"), false},
                new Object[]{"/track/event", "{\"customerId\":\"c1\",\"name\":\"Viewed\",\"attributes\":{}}", false},
                new Object[]{"/rest-api/event", "{\"customerId\":\"c1\",\"name\":\"Viewed\"}", true},
                new Object[]{"/rest-api/event", "{\"customerId\":\"c1\",\"name\":\"Viewed\",\"eventId\":\"" + "e".repeat(Limits.MAX_EVENT_ID_LENGTH + 1) + "\"}", false},
                new Object[]{"/rest-api/event", "{\"customerId\":\"" + "c".repeat(Limits.MAX_CUSTOMER_ID_LENGTH + 1) + "\",\"name\":\"Viewed\"}", false},
                new Object[]{"/rest-api/event", "{\"customerId\":\"   \",\"name\":\"Viewed\"}", false},
                new Object[]{"/track/user", "{\"id\":\"u1\",\"attributes\":{\"mobile\":9876543210,\"plan\":\"pro\"}}", true},
                new Object[]{"/track/user", "{\"id\":\"u1\",\"attributes\":{\"email\":true}}", false},
                new Object[]{"/rest-api/customer", "{\"id\":\"u1\",\"name\":\"stray\",\"attributes\":[{\"name\":\"email\",\"type\":\"string\",\"value\":\"a@b.c\"}]}", true},
                new Object[]{"/rest-api/customer", "{\"id\":\"u1\",\"attributes\":[{\"name\":\"email\",\"type\":\"number\",\"value\":1}]}", false},
                new Object[]{"/rest-api/customer", "{\"attributes\":[]}", false});
        agreeOnEvery(samples);
    }

    /**
     * Each sample {POST path, body, valid} through its handler and its request schema: 200 exactly when it is valid,
     * and a schema error exactly when it is not.
     */
    private static void agreeOnEvery(List<Object[]> samples) {
        TrackingApi api = new TrackingApi(TestDynamoDb.client(), TestDynamoDb.tables());
        String project = "openapi-" + UUID.randomUUID().toString().substring(0, 8);
        for (Object[] sample : samples) {
            String route = (String) sample[0];
            String body = (String) sample[1];
            boolean valid = (Boolean) sample[2];
            TrackingApi.Response response = api.catalog("POST " + route, project, null, body);
            assertThat(response.status()).as(route + " " + body).isEqualTo(valid ? 200 : 422);
            assertThat(requestSchema(route).validate(json(body))).as(route + " " + body).matches(
                    errors -> errors.isEmpty() == valid, valid ? "no schema error" : "a schema error");
        }
    }

    /**
     * For a batch, the schema speaks at two levels: a body it refuses at the batch level (not a batch, no items, an
     * item of no known type) is a 422, and an item it refuses (of a known type) is rejected in its result while the
     * others are stored; a body it takes is stored whole.
     */
    @Test
    void theBatchSchema_andTheHandler_agreeOnBatchesAndOnItems() {
        String event = "{\"type\":\"event\",\"customerId\":\"c1\",\"name\":\"Viewed\",\"time\":1,\"attributes\":{\"n\":1}}";
        String customer = "{\"type\":\"customer\",\"id\":\"c1\",\"attributes\":[{\"name\":\"plan\",\"type\":\"string\","
                + "\"value\":\"gold\"}]}";
        String badEvent = "{\"type\":\"event\",\"customerId\":\"c1\",\"name\":\"Viewed\",\"attributes\":{}}";
        String badCustomer = "{\"type\":\"customer\",\"attributes\":{\"email\":true}}";
        TrackingApi api = new TrackingApi(TestDynamoDb.client(), TestDynamoDb.tables());
        String project = "openapi-" + UUID.randomUUID().toString().substring(0, 8);
        JsonSchema schema = requestSchema("/track/batch");

        for (String body : List.of("{}", "{\"batch\":[]}", "{\"batch\":{}}", "{\"batch\":[{\"type\":\"order\"}]}",
                "{\"batch\":[" + event + ",3]}")) {
            assertThat(api.post("/track/batch", project, body).status()).as(body).isEqualTo(422);
            assertThat(schema.validate(json(body))).as(body).isNotEmpty();
        }
        String valid = "{\"batch\":[" + event + "," + customer + "]}";
        assertThat(schema.validate(json(valid))).isEmpty();
        assertThat(api.post("/track/batch", project, valid).json().get("success").booleanValue()).isTrue();
        for (String item : List.of(badEvent, badCustomer)) {
            String body = "{\"batch\":[" + event + "," + item + "]}";
            TrackingApi.Response response = api.post("/track/batch", project, body);
            assertThat(response.json().at("/results/1/status").asText()).as(item).isEqualTo("rejected");
            assertThat(response.json().at("/results/0/status").asText()).isEqualTo("stored");
            assertThat(schema.validate(json(body))).as(item).isNotEmpty();
            assertThat(SCHEMAS.getSchema(SchemaLocation.of(Repository.openApi().toUri()
                    + "#/components/schemas/BatchItem")).validate(json(item))).isNotEmpty();
        }
    }

    @Test
    void theBatchHandlersRealAnswers_validateAgainstTheBatchResultSchema() {
        TrackingApi api = new TrackingApi(TestDynamoDb.client(), TestDynamoDb.tables());
        String project = "openapi-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/track/event", project, "{\"customerId\":\"c\",\"name\":\"Paid\",\"time\":1,\"attributes\":{\"Amount\":1}}");
        TrackingApi.Response mixed = api.post("/track/batch", project, "{\"batch\":[{\"type\":\"event\",\"customerId\":"
                + "\"c\",\"name\":\"Paid\",\"time\":2,\"attributes\":{\"Amount\":\"one\"}},{\"type\":\"customer\"},"
                + "{\"type\":\"customer\",\"id\":\"c\",\"attributes\":{\"plan\":\"gold\"}}]}");
        List<dev.trackingapi.api.BatchItemResult> counted = new ArrayList<>();
        counted.add(dev.trackingapi.api.BatchItemResult.unavailable(0));
        TrackingApi.Response unavailable = response(ApiResponses.batch(counted));

        JsonSchema schema = SCHEMAS.getSchema(SchemaLocation.of(Repository.openApi().toUri()
                + "#/components/responses/BatchResults/content/application~1json/schema"));
        assertThat(mixed.json().at("/results/0/ignored/0/reason").asText()).isEqualTo("type_mismatch");
        assertThat(mixed.json().at("/results/1/status").asText()).isEqualTo("rejected");
        for (TrackingApi.Response response : List.of(mixed, unavailable)) {
            assertThat(schema.validate(response.json())).as(response.toString()).isEmpty();
        }
        assertThat(unavailable.headers()).containsKey("retry-after");
        assertThat(schema.validate(json("{\"success\":true,\"stored\":1,\"rejected\":0,\"unavailable\":0,"
                + "\"results\":[{\"index\":0,\"status\":\"stored\",\"details\":[]}]}")))
                .as("a stored result with details is not a documented answer").isNotEmpty();
    }

    /** The same for the catalog's bodies: the schemas say no more and no less than the handlers. */
    @Test
    void theCatalogsRequestSchemas_andItsHandlers_agreeOnValidAndInvalidBodies() {
        String product = "{\"id\":\"p1\",\"name\":\"Mixer\",\"image\":\"https://cdn.example.com/m.png\","
                + "\"url\":\"https://shop.example.com/m\",\"price\":12.20,\"status\":\"inStock\"%s}";
        List<Object[]> samples = List.of(
                new Object[]{"/product", product.formatted(""), true},
                new Object[]{"/product", product.formatted(",\"description\":null,\"vendor\":\"\",\"tags\":[1]"), true},
                new Object[]{"/product", product.formatted(",\"originalHigherPrice\":\"1499.00\"").replace("12.20",
                        "\"12.20\""), true},
                new Object[]{"/product", product.formatted("").replace("inStock", "1outOfStock"), false},
                new Object[]{"/product", product.formatted("").replace("12.20", "-1"), false},
                new Object[]{"/product", product.formatted("").replace("https://cdn.example.com/m.png",
                        "//cdn.example.com/m.png"), false},
                new Object[]{"/product", product.formatted("").replace("\"p1\"", "\"" + "p".repeat(51) + "\""), false},
                new Object[]{"/product", product.formatted(",\"description\":\"" + "d".repeat(2001) + "\""), false},
                new Object[]{"/product", "{\"id\":\"p1\"}", false},
                new Object[]{"/collection", "{\"id\":\"c1\",\"name\":\"Summer\",\"image\":\"\",\"url\":null}", true},
                new Object[]{"/collection", "{\"id\":\"c1\",\"name\":\"Summer\",\"url\":\"summer\"}", false},
                new Object[]{"/collection", "{\"id\":\"   \",\"name\":\"Summer\"}", false});
        agreeOnEvery(samples);
    }

    private static String flat(int count) {
        StringBuilder attributes = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            attributes.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":").append(i);
        }
        return attributes.append('}').toString();
    }

    @Test
    void theHandlersRealAnswers_validateAgainstTheResponseSchemas() {
        TrackingApi api = new TrackingApi(TestDynamoDb.client(), TestDynamoDb.tables());
        String project = "openapi-" + UUID.randomUUID().toString().substring(0, 8);
        String customer = "{\"id\":\"u1\",\"attributes\":{\"plan\":\"pro\"}}";
        StringBuilder overCap = new StringBuilder("{\"id\":\"u2\",\"attributes\":{");
        for (int i = 0; i <= Limits.MAX_CUSTOM_ATTRIBUTES_TRACK_USER; i++) {
            overCap.append(i == 0 ? "" : ",").append("\"c").append(i).append("\":").append(i);
        }
        overCap.append("}}");

        List<Object[]> answers = List.of(
                new Object[]{200, "Success", api.post("/track/user", project, customer)},
                new Object[]{200, "Success", api.post("/track/user", project, "{\"id\":\"u1\",\"attributes\":{\"plan\":3}}")},
                new Object[]{200, "Success", api.post("/track/user", project, overCap.toString())},
                new Object[]{400, "BadRequest", api.post("/track/event/v2", project, "{")},
                new Object[]{401, "Unauthenticated", api.post("/track/event/v2", null, "{}")},
                new Object[]{413, "PayloadTooLarge", api.post("/rest-api/event", project, "x".repeat(Limits.MAX_BODY_BYTES + 1))},
                new Object[]{422, "ValidationFailed", api.post("/track/event/v2", project, "{\"attributes\":[{\"type\":\"colour\"}]}")},
                new Object[]{200, "Erased", api.erase(project, "u1")},
                new Object[]{200, "Erased", api.erase(project, "nobody")},
                new Object[]{403, "Forbidden", api.call(ApiGatewayEvents.delete("u1", project, Scope.DEFAULT))},
                new Object[]{422, "ValidationFailed", api.erase(project, " ")},
                new Object[]{202, "ErasureIncomplete", response(ApiResponses.erasure(new Erasure(new ErasureReceipt(
                        "er_" + "A".repeat(22), project, "h", Instant.now(), null, null, new ErasureCounts(1, 2, 3)),
                        Duration.ofSeconds(1))))},
                new Object[]{500, "InternalError", response(ApiResponses.internalError("request-1"))},
                new Object[]{503, "ServiceUnavailable", response(ApiResponses.unavailable())});
        assertThat(((TrackingApi.Response) answers.get(1)[2]).body()).contains("type_mismatch");
        assertThat(((TrackingApi.Response) answers.get(2)[2]).body()).contains("attribute_limit_exceeded");

        assertEachValidatesAgainstItsResponse(answers);
        TrackingApi.Response unavailable = (TrackingApi.Response) answers.get(answers.size() - 1)[2];
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(Integer.parseInt(unavailable.headers().get("retry-after"))).isPositive();
        assertThat(((TrackingApi.Response) answers.get(7)[2]).body()).as("u1 had a profile").contains("\"profile\":1");

        String productBody = "{\"id\":\"p1\",\"name\":\"Mixer\",\"image\":\"https://cdn.example.com/m.png\","
                + "\"url\":\"https://shop.example.com/m\",\"price\":12.20,\"status\":\"inStock\",\"vendor\":\"Acme\"}";
        api.catalog("POST /product", project, null, productBody);
        api.catalog("POST /collection", project, null, "{\"id\":\"c1\",\"name\":\"Summer\",\"url\":\"https://e.com/c\"}");
        api.catalog("POST /collection/{id}/products/add", project, "c1", "{\"products\":[\"p1\"]}");
        List<Object[]> catalogAnswers = List.of(
                new Object[]{200, "ProductDetails", api.catalog("GET /product/{id}", project, "p1", null)},
                new Object[]{200, "ProductPage", api.catalog("GET /collection/{id}/products", project, "c1",
                        Map.of("limit", "1"), null)},
                new Object[]{404, "NotFound", api.catalog("GET /product/{id}", project, "nope", null)},
                new Object[]{422, "ValidationFailed", api.catalog("POST /collection/{id}/products/add", project, "c1",
                        "{\"products\":[\"nope\"]}")},
                new Object[]{202, "DeletionInProgress", response(ApiResponses.deletionInProgress(CatalogKind.PRODUCT,
                        "p1"))},
                new Object[]{503, "ServiceUnavailable", response(ApiResponses.unavailable("The product is being"
                        + " deleted; retry"))});
        for (Object[] answer : catalogAnswers) {
            TrackingApi.Response response = (TrackingApi.Response) answer[2];
            assertThat(response.status()).as(response.toString()).isEqualTo(answer[0]);
            JsonSchema schema = SCHEMAS.getSchema(SchemaLocation.of(Repository.openApi().toUri()
                    + "#/components/responses/" + answer[1] + "/content/application~1json/schema"));
            assertThat(schema.validate(response.json())).as(response.toString()).isEmpty();
        }
        JsonSchema product = SCHEMAS.getSchema(SchemaLocation.of(Repository.openApi().toUri()
                + "#/components/schemas/ProductDetails"));
        assertThat(product.validate(json("{\"id\":\"p\",\"name\":\"n\",\"image\":\"i\",\"url\":\"u\",\"price\":1,"
                + "\"status\":\"inStock\",\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"updatedAt\":\"2026-01-01T00:00:00.000Z\","
                + "\"collections\":[],\"secret\":1}"))).as("an undocumented field is not a documented answer").isNotEmpty();

        JsonSchema success = SCHEMAS.getSchema(SchemaLocation.of(Repository.openApi().toUri()
                + "#/components/schemas/Success"));
        assertThat(success.validate(json("{\"success\":true,\"ignored\":[{\"attribute\":\"a\",\"reason\":\"type_mismatch\"}]}")))
                .as("an ignored entry without its types is not a documented answer").isNotEmpty();
    }

    /** Each {status, response name in components/responses, answer}: the status, and the body against its schema. */
    private static void assertEachValidatesAgainstItsResponse(List<Object[]> answers) {
        for (Object[] answer : answers) {
            TrackingApi.Response response = (TrackingApi.Response) answer[2];
            assertThat(response.status()).as(response.toString()).isEqualTo(answer[0]);
            JsonSchema schema = SCHEMAS.getSchema(SchemaLocation.of(Repository.openApi().toUri()
                    + "#/components/responses/" + answer[1] + "/content/application~1json/schema"));
            assertThat(schema.validate(response.json())).as(response.toString()).isEmpty();
        }
    }

    private static TrackingApi.Response response(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse r) {
        return new TrackingApi.Response(r.getStatusCode(), r.getHeaders(), r.getBody());
    }

    /** @param route a route key ("GET /product/{id}"), or the path of a POST */
    private static JsonNode operation(String route) {
        return route.startsWith("/") ? operation("POST", route)
                : operation(route.substring(0, route.indexOf(' ')), route.substring(route.indexOf(' ') + 1));
    }

    private static JsonNode operation(String method, String path) {
        JsonNode operation = openApi.path("paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT));
        assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
        return operation;
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText(null);
        return ref == null ? node : openApi.at(ref.substring(1));
    }

    private static JsonSchema requestSchema(String path) {
        JsonNode body = resolve(operation(path).path("requestBody"));
        String schemaRef = body.at("/content/application~1json/schema/$ref").asText();
        assertThat(schemaRef).as(path).startsWith("#/components/schemas/");
        return SCHEMAS.getSchema(SchemaLocation.of(Repository.openApi().toUri() + schemaRef));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** The read routes' real answers, on data tracked through the tracking routes, against their documented schemas. */
    @Test
    void theReadRoutesRealAnswers_validateAgainstTheResponseSchemas() {
        TrackingApi api = new TrackingApi(TestDynamoDb.client(), TestDynamoDb.tables());
        ReadApi read = new ReadApi(TestDynamoDb.client(), TestDynamoDb.tables());
        String project = "openapi-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/rest-api/customer", project, "{\"id\":\"u1\",\"attributes\":[{\"name\":\"email\",\"type\":\"string\","
                + "\"value\":\"a@b.c\"},{\"name\":\"Spend\",\"type\":\"number map\",\"value\":{\"a\":1}}]}");
        api.post("/track/user", project, "{\"id\":\"u1\",\"attributes\":{\"Spend\":\"lots\"}}");
        for (int t = 1; t <= 3; t++) {
            api.post("/track/event/v2", project, "{\"customerId\":\"u1\",\"name\":\"Viewed\",\"time\":" + t
                    + ",\"eventId\":\"e" + t + "\",\"attributes\":{\"Page\":" + (t == 3 ? "\"x\"" : "1") + "}}");
        }

        List<Object[]> answers = List.of(
                new Object[]{200, "Customer", read.customer(project, "u1")},
                new Object[]{200, "Customer", read.customerByQuery(project, "u1")},
                new Object[]{200, "EventsPage", read.events(project, "u1", "limit=2")},
                new Object[]{200, "EventsPage", read.eventsByQuery(project, "nobody", "")},
                new Object[]{200, "Schema", read.schema(project)},
                new Object[]{200, "EventSchema", read.eventSchema(project, "Viewed")},
                new Object[]{404, "NotFound", read.customer(project, "nobody")},
                new Object[]{404, "NotFound", read.eventSchema(project, "Never")},
                new Object[]{400, "BadQuery", read.events(project, "u1", "limit=%zz")},
                new Object[]{422, "ValidationFailed", read.events(project, "u1", "limit=0&cursor=x")});
        assertThat(((TrackingApi.Response) answers.get(0)[2]).body()).contains("type_mismatch");
        assertThat(((TrackingApi.Response) answers.get(2)[2]).body()).contains("type_mismatch").contains("\"next\":\"");

        assertEachValidatesAgainstItsResponse(answers);
    }
}
