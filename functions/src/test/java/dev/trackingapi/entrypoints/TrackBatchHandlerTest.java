package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.testing.InMemoryStores;
import dev.trackingapi.testing.LambdaContexts;
import dev.trackingapi.testing.ResponseContract;
import dev.trackingapi.testing.TrackingApi.Response;
import dev.trackingapi.testing.TrackingApi;
import dev.trackingapi.validation.Limits;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /track/batch on in-memory stores: the answer's shape, its limits, and what a refused batch writes (nothing). */
class TrackBatchHandlerTest {
    private static final String EVENT = "{\"type\":\"event\",\"customerId\":\"c1\",\"name\":\"Order\",\"time\":1,"
            + "\"attributes\":[{\"name\":\"Amount\",\"type\":\"number\",\"value\":10}]}";
    private static final String INVALID_EVENT = "{\"type\":\"event\",\"customerId\":\"c1\",\"name\":\"Order\"}";
    private static final String CUSTOMER = "{\"type\":\"customer\",\"id\":\"c2\",\"attributes\":{\"plan\":\"gold\"}}";
    private static final String MISMATCHED_EVENT = "{\"type\":\"event\",\"customerId\":\"c3\",\"name\":\"Order\","
            + "\"time\":2,\"attributes\":{\"Amount\":\"ten\"}}";

    private final InMemoryStores stores = new InMemoryStores();
    private final TrackingApi api = new TrackingApi(stores);

    private Response post(String body) {
        Response response = api.post(TrackingApi.TRACK_BATCH, "p", body);
        assertThat(ResponseContract.violations(response)).as(response.toString()).isEmpty();
        return response;
    }

    private static String batch(String... items) {
        return "{\"batch\":[" + String.join(",", items) + "]}";
    }

    @Test
    void storedRejectedAndIgnoredItems_getOneResultEach_inBatchOrder() {
        Response response = post(batch(EVENT, INVALID_EVENT, CUSTOMER, MISMATCHED_EVENT));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).doesNotContainKey("retry-after");
        JsonNode body = response.json();
        assertThat(body.get("success").booleanValue()).isFalse();
        assertThat(body.get("stored").intValue()).isEqualTo(3);
        assertThat(body.get("rejected").intValue()).isEqualTo(1);
        assertThat(body.get("unavailable").intValue()).isZero();
        JsonNode results = body.get("results");
        assertThat(results.get(0).toString()).isEqualTo("{\"index\":0,\"status\":\"stored\"}");
        assertThat(results.get(1).get("status").textValue()).isEqualTo("rejected");
        assertThat(results.get(1).get("details")).extracting(detail -> detail.get("path").toString())
                .containsExactlyInAnyOrder("[\"time\"]", "[\"attributes\"]");
        assertThat(results.get(1).get("details").get(0).get("message").textValue()).isEqualTo("time is required"
                + " (epoch milliseconds)");
        assertThat(results.get(2).toString()).isEqualTo("{\"index\":2,\"status\":\"stored\"}");
        assertThat(results.get(3).toString()).isEqualTo("{\"index\":3,\"status\":\"stored\",\"ignored\":[{\"attribute\":"
                + "\"Amount\",\"reason\":\"type_mismatch\",\"registeredType\":\"number\",\"receivedType\":\"string\"}]}");
        assertThat(stores.events()).isEqualTo(2);
    }

    @Test
    void aBatchWhoseItemsAreAllStored_isASuccess() {
        Response response = post(batch(EVENT, CUSTOMER));

        assertThat(response.body()).isEqualTo("{\"success\":true,\"stored\":2,\"rejected\":0,\"unavailable\":0,"
                + "\"results\":[{\"index\":0,\"status\":\"stored\"},{\"index\":1,\"status\":\"stored\"}]}");
    }

    @Test
    void aMalformedBatch_is422_listingEveryProblem_andWritesNothing() {
        for (String body : List.of("[]", "{\"items\":[]}", "{\"batch\":[]}", "{\"batch\":{}}",
                batch(EVENT, "{\"type\":\"order\"}", CUSTOMER, "{}"))) {
            Response response = post(body);

            assertThat(response.status()).as(body).isEqualTo(422);
        }
        assertThat(post(batch(EVENT, "{\"type\":\"order\"}", "7")).json().get("details"))
                .extracting(detail -> detail.get("message").textValue())
                .containsExactly("batch[1].type must be one of [event, customer]",
                        "batch[2] must be an item object {\"type\": \"event\" or \"customer\", ...} (got a number)");
        assertThat(stores.writes()).isZero();
    }

    @Test
    void aBodyThatIsNotJson_is400() {
        assertThat(post("{\"batch\":[").status()).isEqualTo(400);
        assertThat(stores.writes()).isZero();
    }

    @Test
    void aBodyOverTheBatchLimit_is413BeforeItIsParsed_asTextAndAsBase64() {
        String tooLarge = "{".repeat(Limits.MAX_BATCH_BODY_BYTES + 1);

        Response text = post(tooLarge);
        Response base64 = api.call(ApiGatewayEvents.post(TrackingApi.TRACK_BATCH, "p",
                Base64.getEncoder().encodeToString(tooLarge.getBytes(StandardCharsets.UTF_8)), true, Instant.now()));

        for (Response response : List.of(text, base64)) {
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.json().get("message").textValue()).isEqualTo("The request body is 2000001 bytes; at"
                    + " most 2000000 bytes (2 MB) are accepted");
        }
    }

    @Test
    void aBodyOfExactlyTheBatchLimit_isRead() {
        String envelope = batch(CUSTOMER.replace("\"plan\":\"gold\"", "\"plan\":\"\""));
        StringBuilder items = new StringBuilder();
        int item = 0;
        String filler = "{\"type\":\"customer\",\"id\":\"f%d\",\"attributes\":{\"note\":\"%s\"}}";
        int room = Limits.MAX_BATCH_BODY_BYTES - envelope.length();
        while (room > 0) {
            String next = filler.formatted(item, "");
            int text = Math.min(200_000, room - next.length() - 1);
            next = filler.formatted(item++, "x".repeat(text));
            items.append(',').append(next);
            room -= next.length() + 1;
        }
        String body = envelope.substring(0, envelope.length() - 2) + items + "]}";
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(Limits.MAX_BATCH_BODY_BYTES);

        Response response = post(body);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("success").booleanValue()).as(response.body()).isTrue();
    }

    @Test
    void aKeyThatMayNotTrack_is403_andNothingIsRead() {
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.post(TrackingApi.TRACK_BATCH, "p", "not even JSON");
        Map<String, Object> context = new HashMap<>(event.getRequestContext().getAuthorizer().getLambda());
        context.put("scopes", "read");
        event.getRequestContext().getAuthorizer().setLambda(context);

        Response response = api.call(event);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("message").textValue()).isEqualTo("This API key may not track");
    }

    @Test
    void itemsNotStartedLongEnoughBeforeTheFunctionsTimeout_areUnavailable_withRetryAfter() {
        List<String> logged = new ArrayList<>();
        TrackBatchHandler handler = new TrackBatchHandler(stores.batchTracker(), Clock.systemUTC());

        var answer = handler.handleRequest(ApiGatewayEvents.post(TrackingApi.TRACK_BATCH, "p", batch(EVENT, CUSTOMER)),
                LambdaContexts.withRemaining(TrackBatchHandler.RESERVE_FOR_ITEMS_IN_FLIGHT.minusMillis(1), logged::add));
        Response response = new Response(answer.getStatusCode(), answer.getHeaders(), answer.getBody());

        assertThat(ResponseContract.violations(response)).isEmpty();
        assertThat(response.body()).isEqualTo("{\"success\":false,\"stored\":0,\"rejected\":0,\"unavailable\":2,"
                + "\"results\":[{\"index\":0,\"status\":\"unavailable\"},{\"index\":1,\"status\":\"unavailable\"}]}");
        assertThat(response.headers()).containsEntry("retry-after", "1");
        assertThat(stores.writes()).isZero();
        assertThat(logged).singleElement().asString().contains("2 unavailable");
    }
}
