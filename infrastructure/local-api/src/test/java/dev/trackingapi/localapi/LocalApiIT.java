package dev.trackingapi.localapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.auth.ApiKeys;
import dev.trackingapi.model.Scope;
import dev.trackingapi.store.ApiKeyRecord;
import dev.trackingapi.store.dynamodb.DynamoDbApiKeyStore;
import dev.trackingapi.store.dynamodb.EventsTable;
import dev.trackingapi.template.CloudFormationYaml;
import dev.trackingapi.testing.StoredData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.trackingapi.localapi.LocalApiTesting.eventFile;
import static dev.trackingapi.localapi.LocalApiTesting.get;
import static dev.trackingapi.localapi.LocalApiTesting.json;
import static dev.trackingapi.localapi.LocalApiTesting.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local API on template.yaml, started in this JVM on free ports (in memory), driven over real HTTP; what it
 * stored is read back through the DynamoDB endpoint with a client of the test's own.
 */
class LocalApiIT {
    private static final String KEY_A = "gtk_local_api_it_shop_a_0000000000000000001";
    private static final String KEY_B = "gtk_local_api_it_shop_b_0000000000000000002";
    private static final String READ_KEY = "gtk_local_api_it_shop_a_0000000000000000003";
    private static final String JSON_TYPE = "application/json";
    private static final String AUTHORIZER = "ApiKeyAuthorizerFunction";

    private static LocalApiTesting.Running running;
    private static DynamoDbClient dynamoDb;
    private static StoredData stored;

    @BeforeAll
    static void start() {
        running = LocalApiTesting.start("--in-memory", "--port", "0", "--dynamodb-port", "0",
                "--api-key", "shop-a:" + KEY_A, "--api-key", "shop-b:" + KEY_B, "--api-key", "shop-a:" + READ_KEY + ":read");
        dynamoDb = LocalApiTesting.sdkClient(running.api().dynamoDbEndpoint());
        stored = new StoredData(dynamoDb, running.api().tableNames());
    }

    @AfterAll
    static void stop() {
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (running != null) {
            running.close();
        }
    }

    @Test
    void health_answersOk_onceStarted() {
        HttpResponse<String> response = get(running, "/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"track-event-v2", "track-event", "rest-api-event", "track-user", "rest-api-customer",
            "track-batch"})
    void everyRoute_acceptsItsEventsFileBody_andTheDataIsInDynamoDb(String file) throws IOException {
        JsonNode event = eventFile(file);
        String path = event.get("rawPath").asText();
        String body = event.get("body").asText();

        HttpResponse<String> response = post(running, path, KEY_A, JSON_TYPE, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("success").asBoolean()).isTrue();
        assertThat(response.headers().firstValue("content-type")).contains(JSON_TYPE);
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
        JsonNode posted = LocalApiTesting.JSON.readTree(body);
        for (JsonNode sent : posted.has("batch") ? posted.get("batch") : List.of(posted)) {
            if (sent.has("customerId")) {
                assertThat(stored.events("shop-a", sent.get("customerId").asText())).anySatisfy(item ->
                        assertThat(item.get(EventsTable.NAME).s()).isEqualTo(sent.get("name").asText()));
            } else {
                assertThat(stored.profile("shop-a", sent.get("id").asText())).isPresent();
            }
        }
        assertThat(running.log()).containsPattern("POST " + path + " 200 \\d+ ms");
    }

    /**
     * The catalog over real HTTP, in the order a store syncs: an id with a space and a {@code #} travels percent-encoded
     * in the path and is decoded once, before the route is chosen, as API Gateway does; a key that may only read is
     * refused the writes.
     */
    @Test
    void theCatalogRoutes_answerOverHttp_withIdsPercentEncodedInThePath_decodedOnce() {
        String product = "{\"id\":\"gift card#red\",\"name\":\"Gift card\",\"image\":\"https://cdn.example.com/g.png\","
                + "\"url\":\"https://shop.example.com/g\",\"price\":\"25.00\",\"status\":\"inStock\",\"tags\":[]}";

        assertThat(post(running, "/product", KEY_A, JSON_TYPE, product).statusCode()).isEqualTo(200);
        assertThat(post(running, "/collection", KEY_A, JSON_TYPE, "{\"id\":\"gifts\",\"name\":\"Gifts\"}")
                .statusCode()).isEqualTo(200);
        assertThat(post(running, "/collection/gifts/products/add", KEY_A, JSON_TYPE,
                "{\"products\":[\"gift card#red\"]}").statusCode()).isEqualTo(200);
        HttpResponse<String> read = get(running, "/product/gift%20card%23red", READ_KEY);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(json(read).get("id").asText()).isEqualTo("gift card#red");
        assertThat(json(read).get("collections").toString()).isEqualTo("[\"gifts\"]");
        assertThat(get(running, "/product/gift%2520card%2523red", READ_KEY).statusCode())
                .as("decoded once only: this names the id gift%20card%23red").isEqualTo(404);
        assertThat(get(running, "/product/gift%2Fred", READ_KEY).statusCode()).as("%2F is a separator: no route")
                .isEqualTo(404);
        HttpResponse<String> page = get(running, "/collection/gifts/products?limit=5", READ_KEY);
        assertThat(json(page).at("/products/0/price").decimalValue()).isEqualByComparingTo("25");
        assertThat(post(running, "/collection/gifts/products/remove", READ_KEY, JSON_TYPE,
                "{\"products\":[\"gift card#red\"]}").statusCode()).as("a read-only key").isEqualTo(403);

        HttpResponse<String> deleted = LocalApiTesting.send(HttpRequest.newBuilder(
                running.uri("/product/gift%20card%23red")).DELETE().header("x-growlytics-key", KEY_A).build());

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(get(running, "/collection/gifts/products", KEY_A).body()).contains("\"products\":[]");
        assertThat(stored.catalogItems("shop-a")).extracting(item -> item.get("pk").s() + " " + item.get("sk").s())
                .containsExactly("shop-a#collection#gifts #item");
        assertThat(running.log()).containsPattern("DELETE /product/gift%20card%23red 200 \\d+ ms");
    }

    @Test
    void keys_openOnlyTheirOwnProject() {
        String customer = "isolation-" + UUID.randomUUID();

        HttpResponse<String> response = post(running, "/track/user", KEY_B, JSON_TYPE,
                "{\"id\":\"" + customer + "\",\"attributes\":{\"name\":\"Bea\"}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(stored.profile("shop-b", customer)).isPresent();
        assertThat(stored.profile("shop-a", customer)).isEmpty();
    }

    @Test
    void badKey_is401AuthenticationError_andNothingIsStored() {
        String customer = "bad-key-" + UUID.randomUUID();

        HttpResponse<String> response = post(running, "/track/user", "gtk_not_a_registered_key", JSON_TYPE,
                "{\"id\":\"" + customer + "\",\"attributes\":{\"name\":\"Eve\"}}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("type").asText()).isEqualTo("AuthenticationError");
        assertThat(json(response).get("message").asText()).isNotBlank();
        assertThat(stored.profile("shop-a", customer)).isEmpty();
        assertThat(stored.profile("local", customer)).isEmpty();
    }

    @Test
    void missingOrEmptyKey_is401_withoutCallingTheAuthorizer() {
        long authorizerCalls = running.api().invocations().get(AUTHORIZER);

        HttpResponse<String> missing = post(running, "/track/event/v2", null, JSON_TYPE, "{}");
        HttpResponse<String> empty = send(HttpRequest.newBuilder(running.uri("/track/event/v2"))
                .header("x-growlytics-key", "").POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        for (HttpResponse<String> response : List.of(missing, empty)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response).get("type").asText()).isEqualTo("AuthenticationError");
            assertThat(json(response).get("message").asText()).contains("x-growlytics-key");
        }
        assertThat(running.api().invocations().get(AUTHORIZER)).isEqualTo(authorizerCalls);
    }

    @Test
    void authorizerAnswers_areCachedPerKey_allowAndDenyAlike() {
        String key = "gtk_registered_while_running_" + UUID.randomUUID();
        new DynamoDbApiKeyStore(dynamoDb, running.api().tableNames().apiKeys())
                .createIfAbsent(new ApiKeyRecord(ApiKeys.hash(key), "shop-c", Scope.DEFAULT, "test", Instant.now(), false, null));
        long before = running.api().invocations().get(AUTHORIZER);

        for (int i = 0; i < 3; i++) {
            assertThat(post(running, "/track/user", key, JSON_TYPE, "{\"id\":\"c-" + i + "\",\"attributes\":{}}")
                    .statusCode()).isEqualTo(200);
        }
        assertThat(running.api().invocations().get(AUTHORIZER)).isEqualTo(before + 1);

        String unknown = "gtk_unknown_" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(post(running, "/track/user", unknown, JSON_TYPE, "{}").statusCode()).isEqualTo(401);
        }
        assertThat(running.api().invocations().get(AUTHORIZER)).isEqualTo(before + 2);
        assertThat(stored.profile("shop-c", "c-2")).isPresent();
    }

    @Test
    void aKeyRegisteredWithoutTrack_is403OnTheTrackingRoutes_andNothingIsStored() {
        String customer = "read-only-" + UUID.randomUUID();
        for (String path : List.of("/track/user", "/track/event/v2", "/track/batch")) {
            String item = "{\"id\":\"" + customer + "\",\"customerId\":\"" + customer + "\",\"attributes\":{}}";
            HttpResponse<String> response = post(running, path, READ_KEY, JSON_TYPE, path.equals("/track/batch")
                    ? "{\"batch\":[" + item.replace("{\"id\"", "{\"type\":\"customer\",\"id\"") + "]}" : item);

            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(json(response).path("type").asText()).isEqualTo("AuthorizationError");
            assertThat(json(response).path("message").asText()).isEqualTo("This API key may not track");
        }
        assertThat(stored.itemsWhoseKeyContains(customer)).isEmpty();
    }

    @Test
    void aJsonBodyThatIsNotUtf8_is400_asThroughTheHandler_andNothingIsStored() throws Exception {
        String customer = "not-utf8-" + UUID.randomUUID();
        byte[][] bodies = {
                utf8Around("{\"id\":\"" + customer + "\",\"attributes\":{\"city\":\"", new byte[]{(byte) 0xC3, 0x28}, "\"}}"),
                utf8Around("{\"id\":\"" + customer + "\",\"attributes\":{\"na", new byte[]{(byte) 0xE9}, "me\":\"x\"}}"),
                utf8Around("{\"id\":\"" + customer + "\",\"attributes\":{\"a\":\"", new byte[]{(byte) 0xC0, (byte) 0xAF}, "\"}}")};
        for (byte[] body : bodies) {
            HttpResponse<String> response = LocalApiTesting.HTTP.send(HttpRequest.newBuilder(running.uri("/track/user"))
                    .header("x-growlytics-key", KEY_A).header("content-type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).path("message").asText()).contains("not valid UTF-8");
        }
        assertThat(stored.itemsWhoseKeyContains(customer)).isEmpty();
    }

    private static byte[] utf8Around(String before, byte[] bad, String after) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bad, 0, body, head.length, bad.length);
        System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);
        return body;
    }

    @Test
    void unknownRoutes_are404NotFound_evenWithoutAKey() {
        for (HttpResponse<String> response : List.of(
                post(running, "/track/everything", KEY_A, JSON_TYPE, "{}"),
                post(running, "/track/user/", KEY_A, JSON_TYPE, "{}"),
                get(running, "/track/user", KEY_A),
                post(running, "/", null, JSON_TYPE, "{}"),
                get(running, "/customers/a%2Fb", KEY_A),
                post(running, "/health", null, JSON_TYPE, "{}"))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
        }
    }

    @Test
    void theReadRoutes_overHttp_takeEncodedIdsAsApiGatewayPassesThem_decodedOnce() throws IOException {
        assertThat(post(running, "/track/user", KEY_A, JSON_TYPE,
                "{\"id\":\"a#b c/d 100%\",\"attributes\":{\"plan\":\"gold\"}}").statusCode()).isEqualTo(200);
        assertThat(post(running, "/track/event/v2", KEY_A, JSON_TYPE, "{\"customerId\":\"x#1 ok\",\"name\":\"a/b c\","
                + "\"time\":1,\"attributes\":{\"n\":1}}").statusCode()).isEqualTo(200);

        HttpResponse<String> byQuery = get(running, "/customers?id=a%23b+c%2Fd+100%25", READ_KEY);
        HttpResponse<String> events = get(running, "/customers/x%231%20ok/events?limit=1", READ_KEY);
        HttpResponse<String> eventSchema = get(running, "/schema/events/a%2Fb%20c", READ_KEY);
        HttpResponse<String> otherProject = get(running, "/events?customerId=x%231%20ok", KEY_B);

        assertThat(byQuery.statusCode()).as(byQuery.body()).isEqualTo(200);
        assertThat(json(byQuery).path("id").asText()).isEqualTo("a#b c/d 100%");
        assertThat(json(events).path("events").get(0).path("name").asText()).isEqualTo("a/b c");
        assertThat(json(eventSchema).path("attributes").path("n").path("type").asText()).isEqualTo("number");
        assertThat(otherProject.body()).isEqualTo("{\"events\":[],\"next\":null}");
        String broken;
        try (Socket socket = new Socket("127.0.0.1", running.api().url().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /customers/%C3%28 HTTP/1.1\r\nHost: localhost\r\nx-growlytics-key: "
                    + READ_KEY + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            broken = readOneResponse(socket.getInputStream());
        }
        assertThat(broken).as("a path whose escapes are not UTF-8: sent as is").startsWith("HTTP/1.1 400 ")
                .endsWith("{\"message\":\"Bad Request\"}");
    }

    @Test
    void theRoot_servesTheDataExplorer_withoutAKey() {
        HttpResponse<String> page = get(running, "/", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("content-security-policy").orElseThrow()).contains("connect-src 'self'");
        assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("Data explorer");
        assertThat(get(running, "/explorer", null).body()).isEqualTo(page.body());
    }

    @Test
    void malformedBody_is400_andAnInvalidOne422_fromTheHandler() {
        HttpResponse<String> malformed = post(running, "/track/event/v2", KEY_A, JSON_TYPE, "{\"customerId\": ");
        HttpResponse<String> invalid = post(running, "/rest-api/event", KEY_A, JSON_TYPE, "{\"name\":\"Viewed\"}");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("type").asText()).isEqualTo("BadRequestError");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(json(invalid).get("type").asText()).isEqualTo("ValidationError");
        assertThat(json(invalid).get("details").get(0).get("path").get(0).asText()).isEqualTo("customerId");
    }

    @Test
    void aFormEncodedBody_likeCurlDashD_arrivesBase64Encoded_andIsAccepted() {
        String customer = "curl-d-" + UUID.randomUUID();

        HttpResponse<String> response = post(running, "/track/user", KEY_A, "application/x-www-form-urlencoded",
                "{\"id\":\"" + customer + "\",\"attributes\":{\"name\":\"Curl\"}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(stored.profile("shop-a", customer)).isPresent();
    }

    @Test
    void aBodyDeclaredOver10MB_is413_beforeAnythingRuns() throws IOException {
        Map<String, Long> before = running.api().invocations();

        String response;
        try (Socket socket = new Socket("127.0.0.1", running.api().url().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /track/event/v2 HTTP/1.1\r\nHost: localhost\r\ncontent-type: application/json\r\n"
                    + "x-growlytics-key: " + KEY_A + "\r\ncontent-length: " + (ApiGateway.MAX_BODY_BYTES + 1)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            response = readOneResponse(socket.getInputStream());
        }

        assertThat(response).startsWith("HTTP/1.1 413 ").containsIgnoringCase("connection: close")
                .endsWith("{\"message\":\"Request Entity Too Large\"}");
        assertThat(running.api().invocations()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyOver10MB_is413_andTheRouteIsNotInvoked() {
        byte[] body = new byte[ApiGateway.MAX_BODY_BYTES + 1];
        long routeCalls = running.api().invocations().get("TrackEventV2Function");

        HttpResponse<String> response = send(HttpRequest.newBuilder(running.uri("/track/event/v2"))
                .header("x-growlytics-key", KEY_A).header("content-type", JSON_TYPE)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(running.api().invocations().get("TrackEventV2Function")).isEqualTo(routeCalls);
    }

    @Test
    @SuppressWarnings("unchecked")
    void tablesCreated_equalTheTemplateDefinitions() {
        Map<String, Object> resources = (Map<String, Object>) CloudFormationYaml.read(LocalApiTesting.TEMPLATE)
                .get("Resources");
        int tables = 0;
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            Map<String, Object> body = (Map<String, Object>) resource.getValue();
            if (!"AWS::DynamoDB::Table".equals(body.get("Type"))) {
                continue;
            }
            tables++;
            Map<String, Object> properties = (Map<String, Object>) body.get("Properties");
            TableDescription table = dynamoDb.describeTable(describe -> describe.tableName(resource.getKey())).table();

            assertThat(keys(table.keySchema())).isEqualTo(keys((List<Map<String, Object>>) properties.get("KeySchema")));
            assertThat(table.attributeDefinitions().stream().map(LocalApiIT::attribute).toList())
                    .containsExactlyInAnyOrderElementsOf(((List<Map<String, Object>>) properties
                            .get("AttributeDefinitions")).stream()
                            .map(definition -> definition.get("AttributeName") + " " + definition.get("AttributeType"))
                            .toList());
            assertThat(table.billingModeSummary().billingModeAsString()).isEqualTo(properties.get("BillingMode"));
            List<Map<String, Object>> indexes = (List<Map<String, Object>>) properties
                    .getOrDefault("GlobalSecondaryIndexes", List.of());
            assertThat(table.globalSecondaryIndexes()).hasSize(indexes.size());
            for (Map<String, Object> index : indexes) {
                GlobalSecondaryIndexDescription actual = table.globalSecondaryIndexes().stream()
                        .filter(candidate -> candidate.indexName().equals(index.get("IndexName"))).findFirst()
                        .orElseThrow();
                assertThat(keys(actual.keySchema()))
                        .isEqualTo(keys((List<Map<String, Object>>) index.get("KeySchema")));
                assertThat(actual.projection().projectionTypeAsString())
                        .isEqualTo(((Map<String, Object>) index.get("Projection")).get("ProjectionType"));
            }
        }
        assertThat(tables).isEqualTo(6);
    }

    /** The status line, headers and content-length body of one HTTP/1.1 response, without waiting for the close. */
    private static String readOneResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        int length = head.toString().lines()
                .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim()))
                .findFirst().orElse(0);
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static List<String> keys(List<?> keySchema) {
        return keySchema.stream().map(element -> element instanceof KeySchemaElement key
                ? key.attributeName() + " " + key.keyTypeAsString()
                : ((Map<?, ?>) element).get("AttributeName") + " " + ((Map<?, ?>) element).get("KeyType")).toList();
    }

    private static String attribute(AttributeDefinition definition) {
        return definition.attributeName() + " " + definition.attributeTypeAsString();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return LocalApiTesting.send(request);
    }
}
