package dev.trackingapi.localapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static dev.trackingapi.localapi.LocalApiTesting.get;
import static dev.trackingapi.localapi.LocalApiTesting.json;
import static dev.trackingapi.localapi.LocalApiTesting.post;
import static dev.trackingapi.localapi.LocalApiTesting.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a function receives from the local API and how its answer reaches the client, seen through test functions
 * added to template.yaml (test-functions.yaml): EchoHandler answers with the event it was handed.
 */
class GatewayEventsIT {
    private static final String KEY = "gtk_gateway_events_it_0000000000000000000";
    private static final String PROJECT = "echo-project";

    @TempDir
    static Path directory;
    private static LocalApiTesting.Running running;

    @BeforeAll
    static void start() {
        Path template = LocalApiTesting.templateWithTestFunctions(directory);
        running = LocalApiTesting.start("--template", template.toString(), "--in-memory", "--port", "0",
                "--dynamodb-port", "0", "--api-key", PROJECT + ":" + KEY, "--authorizer-cache-seconds", "0");
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void theEvent_isBuiltAsApiGatewayBuildsIt() {
        long before = Instant.now().toEpochMilli();
        HttpResponse<String> response = send(HttpRequest.newBuilder(running.uri("/echo?b=2&a=1&a=3&sp=x%20y"))
                .header("x-growlytics-key", KEY)
                .header("Content-Type", "application/json")
                .header("X-Custom", "one").header("X-Custom", "two")
                .header("Cookie", "c1=v1; c2=v2")
                .header("User-Agent", "local-api-test")
                .POST(HttpRequest.BodyPublishers.ofString("{\"x\":1}")).build());
        long after = Instant.now().toEpochMilli();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-echo")).contains("EchoFunction");
        JsonNode event = json(response);
        assertThat(event.get("version").asText()).isEqualTo("2.0");
        assertThat(event.get("routeKey").asText()).isEqualTo("POST /echo");
        assertThat(event.get("rawPath").asText()).isEqualTo("/echo");
        assertThat(event.get("rawQueryString").asText()).isEqualTo("b=2&a=1&a=3&sp=x%20y");
        assertThat(event.get("queryStringParameters").get("a").asText()).isEqualTo("1,3");
        assertThat(event.get("queryStringParameters").get("sp").asText()).isEqualTo("x y");
        JsonNode headers = event.get("headers");
        for (Iterator<String> names = headers.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertThat(name).isEqualTo(name.toLowerCase(Locale.ROOT));
        }
        assertThat(headers.get("x-custom").asText()).isEqualTo("one,two");
        assertThat(headers.get("content-type").asText()).isEqualTo("application/json");
        assertThat(headers.get("x-growlytics-key").asText()).isEqualTo(KEY);
        assertThat(headers.get("x-forwarded-for").asText()).isEqualTo("127.0.0.1");
        assertThat(headers.get("x-forwarded-proto").asText()).isEqualTo("http");
        assertThat(headers.has("cookie")).isFalse();
        assertThat(event.get("cookies").toString()).isEqualTo("[\"c1=v1\",\"c2=v2\"]");
        assertThat(event.get("body").asText()).isEqualTo("{\"x\":1}");
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();

        JsonNode context = event.get("requestContext");
        assertThat(context.get("http").get("method").asText()).isEqualTo("POST");
        assertThat(context.get("http").get("path").asText()).isEqualTo("/echo");
        assertThat(context.get("http").get("protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(context.get("http").get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(context.get("http").get("userAgent").asText()).isEqualTo("local-api-test");
        assertThat(context.get("requestId").asText()).isEqualTo(response.headers().firstValue("apigw-requestid")
                .orElseThrow());
        assertThat(context.get("routeKey").asText()).isEqualTo("POST /echo");
        assertThat(context.get("stage").asText()).isEqualTo("$default");
        assertThat(context.get("authorizer").get("lambda").get("projectId").asText()).isEqualTo(PROJECT);
        long timeEpoch = context.get("timeEpoch").asLong();
        assertThat(timeEpoch).isBetween(before, after);
        assertThat(context.get("time").asText()).isEqualTo(DateTimeFormatter
                .ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(timeEpoch)));
    }

    @Test
    void theEvent_hasEveryFieldOfTheEventsFiles_usedBySamLocalInvoke() {
        JsonNode event = json(post(running, "/echo", KEY, "application/json", "{}"));
        JsonNode fixture = LocalApiTesting.eventFile("track-event-v2");

        assertThat(fieldPaths(event, "")).containsAll(fieldPaths(fixture, ""));
    }

    @Test
    void aBinaryBody_arrivesBase64Encoded() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(running.uri("/echo"))
                .header("x-growlytics-key", KEY).header("content-type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(EchoHandler.BINARY)).build());

        JsonNode event = json(response);
        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.get("body").asText())).isEqualTo(EchoHandler.BINARY);
    }

    @Test
    void pathVariables_andGreedyPaths_areRoutedWithTheirParameters() {
        JsonNode one = json(get(running, "/echo/42", KEY));
        JsonNode proxy = json(send(HttpRequest.newBuilder(running.uri("/echo/any/a/b"))
                .header("x-growlytics-key", KEY).DELETE().build()));

        assertThat(one.get("routeKey").asText()).isEqualTo("GET /echo/{id}");
        assertThat(one.get("pathParameters").get("id").asText()).isEqualTo("42");
        assertThat(one.get("rawQueryString").asText()).isEmpty();
        assertThat(one.has("queryStringParameters")).isFalse();
        assertThat(one.has("body")).isFalse();
        assertThat(one.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(proxy.get("routeKey").asText()).isEqualTo("ANY /echo/any/{rest+}");
        assertThat(proxy.get("pathParameters").get("rest").asText()).isEqualTo("a/b");
        assertThat(get(running, "/echo/any/", KEY).statusCode()).isEqualTo(404);
    }

    @Test
    void aPathVariable_isPercentDecodedOnce_asAnHttpApiPassesIt() {
        JsonNode email = json(get(running, "/echo/john%40gmail.com", KEY));
        JsonNode plus = json(get(running, "/echo/a%2Bb+c%2525", KEY));

        assertThat(email.get("pathParameters").get("id").asText()).isEqualTo("john@gmail.com");
        assertThat(email.get("rawPath").asText()).as("decoded, as API Gateway passes it")
                .isEqualTo("/echo/john@gmail.com");
        assertThat(plus.get("pathParameters").get("id").asText()).as("'+' is no space in a path; decoded once only")
                .isEqualTo("a+b+c%25");
    }

    @Test
    void aRouteWithoutAuthorizer_needsNoKey_andCallsNoAuthorizer() {
        long authorizerCalls = running.api().invocations().get("ApiKeyAuthorizerFunction");

        HttpResponse<String> response = get(running, "/public/echo", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("requestContext").has("authorizer")).isFalse();
        assertThat(running.api().invocations().get("ApiKeyAuthorizerFunction")).isEqualTo(authorizerCalls);
    }

    @Test
    void withAuthorizerCacheZero_everyRequestCallsTheAuthorizer() {
        long authorizerCalls = running.api().invocations().get("ApiKeyAuthorizerFunction");

        get(running, "/echo/1", KEY);
        get(running, "/echo/2", KEY);

        assertThat(running.api().invocations().get("ApiKeyAuthorizerFunction")).isEqualTo(authorizerCalls + 2);
    }

    @Test
    void theAnswer_isWrittenBackAsApiGatewayWould() {
        HttpResponse<byte[]> binary;
        try {
            binary = LocalApiTesting.HTTP.send(HttpRequest.newBuilder(running.uri("/echo/1?respond=binary"))
                    .header("x-growlytics-key", KEY).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<String> cookies = get(running, "/echo/1?respond=cookies&status=201", KEY);
        HttpResponse<String> raw = get(running, "/raw", KEY);

        assertThat(binary.statusCode()).isEqualTo(200);
        assertThat(binary.body()).isEqualTo(EchoHandler.BINARY);
        assertThat(binary.headers().firstValue("content-type")).contains("application/octet-stream");
        assertThat(cookies.statusCode()).isEqualTo(201);
        assertThat(cookies.headers().allValues("set-cookie")).containsExactlyInAnyOrder("a=1; Path=/", "b=2");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("content-type")).contains("application/json");
        assertThat(raw.body()).isEqualTo("{\"hello\":\"world\"}");
    }

    @Test
    void aFunctionThatThrows_is500InternalServerError_andItsTraceIsLogged() {
        HttpResponse<String> response = post(running, "/fail", KEY, "application/json", "{}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(running.log()).contains("deliberate failure of FailingFunction");
    }

    /** Every field path of a JSON object (headers by name only as a map, not each header). */
    private static Set<String> fieldPaths(JsonNode node, String prefix) {
        Set<String> paths = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String path = prefix + name;
            paths.add(path);
            JsonNode child = node.get(name);
            if (child.isObject() && !name.equals("headers") && !name.equals("lambda")) {
                paths.addAll(fieldPaths(child, path + "."));
            }
        }
        return paths;
    }
}
