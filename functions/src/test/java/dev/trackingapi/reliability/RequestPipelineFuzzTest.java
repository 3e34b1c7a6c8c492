package dev.trackingapi.reliability;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.testing.InMemoryStores;
import dev.trackingapi.testing.ResponseContract;
import dev.trackingapi.testing.TrackingApi.Response;
import dev.trackingapi.testing.TrackingApi;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the whole request pipeline (body decoding, JSON parsing, validation, tracking,
 * responses) on in-memory stores, so that it runs thousands of times a second. The first byte of an input chooses
 * the route (its low three bits) and whether the body arrives base64-encoded (bit 3); the rest is the body.
 * Whatever the input: no uncaught exception, no 5xx, a response of the documented shape, and a refusal writes nothing.
 * <p>
 * {@code mvn verify} runs the inputs in src/test/resources/dev/trackingapi/reliability/RequestPipelineFuzzTestInputs;
 * {@code JAZZER_FUZZ=1} fuzzes (see the README, "Reliability").
 */
class RequestPipelineFuzzTest {
    private static final Set<Integer> ANSWERS_TO_ANY_BODY = Set.of(200, 400, 413, 422);
    /** The single routes keep their places (the seed inputs' first bytes choose them); the batch route comes next. */
    private static final List<String> ROUTES = java.util.stream.Stream.concat(TrackingApi.ROUTES.stream(),
            java.util.stream.Stream.of(TrackingApi.TRACK_BATCH)).toList();
    private static final Instant RECEIVED_AT = Instant.parse("2026-01-20T19:14:15Z");

    @FuzzTest(maxDuration = "30s")
    void anyBodyOnAnyRoute_isAnsweredAsDocumented_andARefusalWritesNothing(byte[] input) {
        int header = input.length == 0 ? 0 : input[0] & 0xff;
        String route = ROUTES.get((header & 0x07) % ROUTES.size());
        boolean base64 = (header & 0x08) != 0;
        byte[] body = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
        String wire = base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8);
        InMemoryStores stores = new InMemoryStores();

        Response response = new TrackingApi(stores).call(ApiGatewayEvents.post(route, "fuzz", wire, base64, RECEIVED_AT));

        assertThat(response.status()).as(response.toString()).isIn(ANSWERS_TO_ANY_BODY);
        assertThat(ResponseContract.violations(response)).as(response.toString()).isEmpty();
        if (response.status() != 200 || response.json().path("stored").asInt(-1) == 0) {
            assertThat(stores.writes()).as("writes of a refused request: " + response).isZero();
        }
    }
}
