package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.metrics.MetricsSettings;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.testing.EmfDocuments;
import dev.trackingapi.testing.InMemoryStores;
import dev.trackingapi.testing.TrackingApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route, every outcome: the one EMF line the shared base writes (Route, a rejection with its status, storage
 * that could not be used) and what the route's services report (events stored or found, customers updated, types
 * registered, values ignored by reason), each line valid against the format's schema.
 */
class RouteMetricsTest {
    static final List<String> ROUTES = TrackingApi.ROUTES;
    private static final String PROJECT = "acme";

    private final InMemoryStores stores = new InMemoryStores();
    private final TrackingApi api = new TrackingApi(stores);

    /** A valid body for the route with one attribute, Amount, whose JSON value is given. */
    private static String body(String route, String amount) {
        boolean typed = route.equals(TrackingApi.REST_API_EVENT);
        String attributes = typed
                ? "[{\"name\":\"Amount\",\"type\":\"" + (amount.startsWith("\"") ? "string" : "number")
                + "\",\"value\":" + amount + "}]"
                : "{\"Amount\":" + amount + "}";
        if (TrackingApi.isEventRoute(route)) {
            return "{\"customerId\":\"c1\",\"name\":\"Order\"" + (typed ? "" : ",\"time\":1579547655000")
                    + ",\"attributes\":" + attributes + "}";
        }
        return "{\"id\":\"c1\",\"attributes\":" + attributes + "}";
    }

    private List<EmfDocuments.Document> call(APIGatewayV2HTTPEvent event, int expectedStatus) {
        int[] status = new int[1];
        List<EmfDocuments.Document> lines = EmfDocuments.printedBy(
                () -> status[0] = api.handler(event.getRawPath()).handleRequest(event, null).getStatusCode());
        assertThat(status[0]).as("status of %s", event.getRawPath()).isEqualTo(expectedStatus);
        lines.forEach(line -> {
            assertThat(line.member("Route")).isEqualTo("POST " + event.getRawPath());
            assertThat(line.namespaces()).containsExactly(MetricsSettings.DEFAULT_NAMESPACE);
            assertThat(line.member("requestId")).isEqualTo(event.getRequestContext().getRequestId());
            assertThat(line.json().at("/_aws/Timestamp").asLong()).as("API Gateway's receive time")
                    .isEqualTo(event.getRequestContext().getTimeEpoch());
        });
        return lines;
    }

    private static APIGatewayV2HTTPEvent post(String route, String body) {
        return ApiGatewayEvents.post(route, PROJECT, body, false, Instant.parse("2026-12-01T10:00:00Z"));
    }

    private static Map<String, Long> values(List<EmfDocuments.Document> lines) {
        assertThat(lines).as("one line per invocation").hasSize(1);
        return lines.get(0).values();
    }

    @ParameterizedTest
    @FieldSource("ROUTES")
    void aFirstRequest_countsWhatItWrote_andTheTypeItRegistered(String route) {
        Map<String, Long> values = values(call(post(route, body(route, "5")), 200));

        assertThat(values).containsEntry("TypesRegistered", 1L)
                .containsEntry(TrackingApi.isEventRoute(route) ? "EventsStored" : "CustomersUpdated", 1L)
                .hasSize(2);
    }

    @ParameterizedTest
    @FieldSource("ROUTES")
    void aRepeatedRequest_registersNothing_andAnEventRetryIsADuplicate(String route) {
        call(post(route, body(route, "5")), 200);

        Map<String, Long> values = values(call(post(route, body(route, "5")), 200));

        assertThat(values).containsExactly(TrackingApi.isEventRoute(route)
                ? Map.entry("EventsDuplicate", 1L) : Map.entry("CustomersUpdated", 1L));
    }

    @ParameterizedTest
    @FieldSource("ROUTES")
    void aValueOfAnotherType_isCountedAsIgnored_withItsReason(String route) {
        call(post(route, body(route, "5")), 200);

        List<EmfDocuments.Document> lines = call(post(route, body(route, "\"five\"").replace("c1", "c2")), 200);

        assertThat(values(lines)).containsEntry("AttributesIgnored", 1L);
        assertThat(lines.get(0).dimensionSets("AttributesIgnored"))
                .containsExactly(List.of("Route=POST " + route, "Reason=type_mismatch"));
    }

    @ParameterizedTest
    @FieldSource("ROUTES")
    void everyRefusal_isRejectedWithItsStatus_andWritesNothingElse(String route) {
        APIGatewayV2HTTPEvent forbidden = post(route, body(route, "5"));
        forbidden.getRequestContext().getAuthorizer().getLambda().put(ApiRequest.SCOPES, "read");
        Map<Integer, APIGatewayV2HTTPEvent> refusals = Map.of(
                400, post(route, "{not json"),
                401, ApiGatewayEvents.post(route, null, body(route, "5")),
                403, forbidden,
                413, post(route, "{\"x\":\"" + "a".repeat(300_000) + "\"}"),
                422, post(route, "{}"));

        refusals.forEach((status, event) -> {
            List<EmfDocuments.Document> lines = call(event, status);

            assertThat(values(lines)).as("%d", status).containsExactly(Map.entry("Rejected", 1L));
            assertThat(lines.get(0).dimensionSets("Rejected"))
                    .containsExactly(List.of("Route=POST " + route, "Status=" + status));
        });
        assertThat(stores.writes()).isZero();
    }

    @ParameterizedTest
    @FieldSource("ROUTES")
    void storageThatCannotBeUsed_isCountedPerRouteAndOverall(String route) {
        stores.unavailable(true);

        List<EmfDocuments.Document> lines = call(post(route, body(route, "5")), 503);

        assertThat(values(lines)).containsExactly(Map.entry("StorageUnavailable", 1L));
        assertThat(lines.get(0).dimensionSets("StorageUnavailable"))
                .containsExactly(List.of("Route=POST " + route), List.of());
    }

    @ParameterizedTest
    @FieldSource("ROUTES")
    void theProject_isNotADimensionByDefault(String route) {
        List<EmfDocuments.Document> lines = call(post(route, body(route, "5")), 200);

        assertThat(lines.get(0).member("Project")).isNull();
    }

    @org.junit.jupiter.api.Test
    void aProfileOverItsCap_countsTheValuesLeftOut_inALineOfTheirOwnBesideATypeMismatch() {
        call(post(TrackingApi.TRACK_USER, body(TrackingApi.TRACK_USER, "5")), 200);
        String fiftyOne = IntStream.range(0, 51).mapToObj(i -> "\"a" + i + "\":" + i)
                .collect(Collectors.joining(","));

        List<EmfDocuments.Document> lines = call(post(TrackingApi.TRACK_USER,
                "{\"id\":\"c1\",\"attributes\":{\"Amount\":\"five\"," + fiftyOne + "}}"), 200);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).values()).containsEntry("CustomersUpdated", 1L).containsEntry("TypesRegistered", 51L)
                .containsEntry("AttributesIgnored", 1L);
        assertThat(lines.get(0).member("Reason")).isEqualTo("type_mismatch");
        assertThat(lines.get(1).values()).containsExactly(Map.entry("AttributesIgnored", 2L));
        assertThat(lines.get(1).member("Reason")).isEqualTo("attribute_limit_exceeded");
    }

    @org.junit.jupiter.api.Test
    void aRetriedEventWithIgnoredValues_countsThemOnce() {
        call(post(TrackingApi.TRACK_EVENT_V2, body(TrackingApi.TRACK_EVENT_V2, "5")), 200);
        String mismatched = body(TrackingApi.TRACK_EVENT_V2, "\"five\"").replace("1579547655000", "1579547655001");

        Map<String, Long> first = values(call(post(TrackingApi.TRACK_EVENT_V2, mismatched), 200));
        Map<String, Long> retry = values(call(post(TrackingApi.TRACK_EVENT_V2, mismatched), 200));

        assertThat(first).containsExactlyInAnyOrderEntriesOf(Map.of("EventsStored", 1L, "AttributesIgnored", 1L));
        assertThat(retry).containsExactly(Map.entry("EventsDuplicate", 1L));
    }
}
