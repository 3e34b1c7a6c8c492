package dev.trackingapi.integration;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.api.Json;
import dev.trackingapi.template.TemplateTables;
import dev.trackingapi.testing.InMemoryStores;
import dev.trackingapi.testing.ResponseContract;
import dev.trackingapi.testing.TrackingApi;
import dev.trackingapi.validation.Limits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lambda takes at most 6,291,456 bytes in a synchronous invocation, and answers at most as much. API Gateway sends the
 * batch's body inside its event, as a JSON string; measured with the Lambda runtime's own serializer, the worst body
 * takes three times its size there (an emoji, 4 bytes of UTF-8, is written as two 6-byte escapes). So the batch limit
 * is 2,000,000 bytes: the worst body of that size, in an event with the most headers API Gateway lets through, fits;
 * one of 4 MB would not. The answer fits too, whatever the items.
 */
class LambdaPayloadLimitTest {
    static final int LAMBDA_PAYLOAD_LIMIT = 6_291_456;
    /** API Gateway HTTP API: at most 10,240 bytes for the request line and all header values together. */
    private static final int MAX_HEADER_BYTES = 10_240;
    private static final PojoSerializer<APIGatewayV2HTTPEvent> EVENTS = LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPEvent.class, LambdaPayloadLimitTest.class.getClassLoader());
    private static final PojoSerializer<APIGatewayV2HTTPResponse> ANSWERS = LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPResponse.class, LambdaPayloadLimitTest.class.getClassLoader());

    private static APIGatewayV2HTTPEvent envelope;

    @BeforeAll
    static void readTheEventOfTheBatchRoute() throws IOException {
        Path events = TemplateTables.findTemplate().map(template -> template.resolveSibling("events")).orElse(null);
        Assumptions.assumeTrue(events != null && Files.isDirectory(events), "events/ not found beside template.yaml");
        try (InputStream in = Files.newInputStream(events.resolve("track-batch.json"))) {
            envelope = EVENTS.fromJson(in);
        }
        Map<String, String> headers = new LinkedHashMap<>(envelope.getHeaders());
        int used = headers.entrySet().stream().mapToInt(header -> header.getKey().length()
                + header.getValue().length()).sum();
        headers.put("x-padding", "\"".repeat(MAX_HEADER_BYTES - used));
        envelope.setHeaders(headers);
    }

    /** A valid batch body of exactly {@code bytes} bytes: customer items of about 200 KB of the filler each. */
    static String batchOf(int bytes, String filler) {
        int unit = filler.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder body = new StringBuilder("{\"batch\":[");
        int size = body.length() + 2;
        for (int item = 0; size < bytes; item++) {
            String head = (item == 0 ? "" : ",") + "{\"type\":\"customer\",\"id\":\"c" + item
                    + "\",\"attributes\":{\"note\":\"";
            String tail = "\"}}";
            int remaining = bytes - size - head.length() - tail.length();
            int room = remaining - 200_000 < 200 ? remaining : 200_000;
            int units = room / unit;
            body.append(head).append(filler.repeat(units)).append("x".repeat(room - units * unit)).append(tail);
            size += head.length() + room + tail.length();
        }
        String batch = body.append("]}").toString();
        assertThat(batch.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        return batch;
    }

    private static long invocationBytes(String body, boolean base64) throws IOException {
        envelope.setBody(base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body);
        envelope.setIsBase64Encoded(base64);
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024 * 1024);
        EVENTS.toJson(envelope, out);
        return out.size();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an emoji, 4 bytes written as 12 | 😀",
            "escaped quotes, 2 bytes written as 4 | \\\"",
            "escaped backslashes, 2 bytes written as 4 | \\\\",
            "escaped control characters, 6 bytes written as 7 | \\u0001",
            "an accented letter, 2 bytes | é",
            "a three-byte character | €",
            "plain ASCII | x"})
    void theWorstBodyOfTheBatchLimit_fitsInTheInvocation_asTextAndAsBase64(String kind, String filler)
            throws IOException {
        String body = batchOf(Limits.MAX_BATCH_BODY_BYTES, filler);

        assertThat(invocationBytes(body, false)).as(kind).isLessThanOrEqualTo(LAMBDA_PAYLOAD_LIMIT);
        assertThat(invocationBytes(body, true)).as(kind + ", base64").isLessThanOrEqualTo(LAMBDA_PAYLOAD_LIMIT);
        APIGatewayV2HTTPEvent event = EVENTS.fromJson(serialized(body));
        TrackingApi.Response answer = new TrackingApi(new InMemoryStores()).call(event);
        assertThat(answer.status()).as(kind + ": " + answer).isEqualTo(200);
    }

    @Test
    void aBodyOf4Mb_wouldNotFit_whichIsWhyTheLimitIs2Mb() throws IOException {
        assertThat(invocationBytes(batchOf(4_000_000, "😀"), false)).isGreaterThan(LAMBDA_PAYLOAD_LIMIT);
        assertThat(invocationBytes(batchOf(Limits.MAX_BATCH_BODY_BYTES + 100_000, "😀"), false))
                .as("the limit is close to the largest that fits").isGreaterThan(LAMBDA_PAYLOAD_LIMIT);
    }

    @Test
    void theAnswerFitsLambda_evenWhenItsItemsHaveTheLongestProblemLists() throws IOException {
        StringBuilder body = new StringBuilder("{\"batch\":[");
        // Each attribute name is as long as the JSON parser takes (50,000 bytes): its problem repeats it three
        // times (message, label, key), and the runtime writes each emoji as 12 bytes.
        String name = "😀".repeat(12_499);
        for (int item = 0; item < 19; item++) {
            body.append(item == 0 ? "" : ",").append("{\"type\":\"event\",\"customerId\":\"c\",\"name\":\"n\",")
                    .append("\"time\":1,\"attributes\":{\"").append(name).append("a\":1,\"").append(name)
                    .append("b\":2}}");
        }
        String batch = body.append("]}").toString();
        assertThat(batch.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Limits.MAX_BATCH_BODY_BYTES);

        JsonNode answer = answerAsLambdaWritesIt(batch);

        assertThat(answer.get("rejected").intValue()).isEqualTo(19);
        assertThat(answer.get("results").get(0).get("details")).as("the first item lists its problems").hasSize(2);
    }

    @Test
    void theAnswerFitsLambda_evenWhenAThousandItemsEachReportTheMostIgnoredAttributes() throws IOException {
        StringBuilder body = new StringBuilder("{\"batch\":[");
        for (int item = 0; item < Limits.MAX_BATCH_ITEMS; item++) {
            body.append(item == 0 ? "" : ",").append("{\"type\":\"customer\",\"id\":\"c").append(item)
                    .append("\",\"attributes\":{");
            for (int a = 0; a < Limits.MAX_ATTRIBUTES_PER_CUSTOMER_REQUEST; a++) {
                body.append(a == 0 ? "" : ",").append("\"a").append(a).append("\":1");
            }
            body.append("}}");
        }
        String batch = body.append("]}").toString();
        assertThat(batch.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Limits.MAX_BATCH_BODY_BYTES);

        JsonNode answer = answerAsLambdaWritesIt(batch);

        assertThat(answer.get("stored").intValue()).isEqualTo(Limits.MAX_BATCH_ITEMS);
        assertThat(answer.get("results").get(0).get("ignored")).as("the first items list theirs")
                .hasSize(Limits.MAX_ATTRIBUTES_PER_CUSTOMER_REQUEST - Limits.MAX_CUSTOM_ATTRIBUTES_TRACK_USER);
        assertThat(answer.get("results").get(Limits.MAX_BATCH_ITEMS - 1).get("ignoredNotListed").intValue())
                .isEqualTo(Limits.MAX_ATTRIBUTES_PER_CUSTOMER_REQUEST - Limits.MAX_CUSTOM_ATTRIBUTES_TRACK_USER);
    }

    /** The batch through the handler, its answer written by the runtime's serializer: it must fit; its body, read. */
    private static JsonNode answerAsLambdaWritesIt(String batch) throws IOException {
        TrackingApi.Response response = new TrackingApi(new InMemoryStores())
                .post(TrackingApi.TRACK_BATCH, "p", batch);
        assertThat(response.status()).isEqualTo(200);
        assertThat(ResponseContract.violations(response)).isEmpty();
        ByteArrayOutputStream written = new ByteArrayOutputStream(8 * 1024 * 1024);
        ANSWERS.toJson(APIGatewayV2HTTPResponse.builder().withStatusCode(response.status())
                .withHeaders(response.headers()).withBody(response.body()).withIsBase64Encoded(false).build(), written);
        assertThat(written.size()).isLessThanOrEqualTo(LAMBDA_PAYLOAD_LIMIT);
        return Json.MAPPER.readTree(response.body());
    }

    private static InputStream serialized(String body) throws IOException {
        envelope.setBody(body);
        envelope.setIsBase64Encoded(false);
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024 * 1024);
        EVENTS.toJson(envelope, out);
        return new java.io.ByteArrayInputStream(out.toByteArray());
    }
}
