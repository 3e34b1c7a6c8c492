package dev.trackingapi.integration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.model.Scope;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.testing.ReadApi;
import dev.trackingapi.testing.TestDynamoDb;
import dev.trackingapi.testing.TrackingApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.trackingapi.testing.TrackingApi.REST_API_CUSTOMER;
import static dev.trackingapi.testing.TrackingApi.TRACK_EVENT_V2;
import static dev.trackingapi.testing.TrackingApi.TRACK_USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read routes against DynamoDB Local, on data tracked through the tracking routes: what comes back is what was
 * stored, typed, exact and paged, for any id, and only ever the key's own project's.
 */
class ReadApiIT {
    private static final String BIG = "12345678901234567890123456789012345678";

    private final TrackingApi tracking = new TrackingApi(TestDynamoDb.client(), TestDynamoDb.tables());
    private final ReadApi read = new ReadApi(TestDynamoDb.client(), TestDynamoDb.tables());
    private final String project = "read-" + UUID.randomUUID().toString().substring(0, 8);

    private void track(String route, String body) {
        TrackingApi.Response response = tracking.post(route, project, body);
        assertThat(response.status()).as(body + " -> " + response).isEqualTo(200);
    }

    private static String event(String customer, String name, long time, String attributes) {
        return "{\"customerId\":\"" + customer + "\",\"name\":\"" + name + "\",\"time\":" + time
                + ",\"attributes\":" + attributes + "}";
    }

    @Test
    void aProfile_comesBackTyped_exact_withReservedAsStrings_andItsIgnoredValuesWithWhy() {
        track(REST_API_CUSTOMER, "{\"id\":\"c1\",\"attributes\":[{\"name\":\"name\",\"type\":\"string\",\"value\":\"Asha\"},"
                + "{\"name\":\"email\",\"type\":\"string\",\"value\":\"asha@example.com\"},"
                + "{\"name\":\"Lifetime\",\"type\":\"number\",\"value\":" + BIG + "},"
                + "{\"name\":\"Ratio\",\"type\":\"number\",\"value\":\"0.10\"},"
                + "{\"name\":\"Signed Up\",\"type\":\"date\",\"value\":\"2021-03-04 10:00:00\"},"
                + "{\"name\":\"Tags\",\"type\":\"string array\",\"value\":[\"a\",\"b\"]},"
                + "{\"name\":\"Spend\",\"type\":\"number map\",\"value\":{\"b\":1.5,\"a\":2}},"
                + "{\"name\":\"Prefs\",\"type\":\"custom\",\"value\":{\"deep\":{\"list\":[1,true,null,\"x\"]}}}]}");
        track(TRACK_USER, "{\"id\":\"c1\",\"attributes\":{\"Lifetime\":\"lots\",\"mobile\":9876543210}}");

        TrackingApi.Response response = read.customer(project, "c1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"value\":" + BIG + ",").doesNotContain("E+");
        JsonNode customer = response.json();
        assertThat(customer.path("id").asText()).isEqualTo("c1");
        assertThat(customer.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        JsonNode attributes = customer.path("attributes");
        assertThat(attributes.path("name").toString()).isEqualTo("{\"value\":\"Asha\",\"type\":\"string\"}");
        assertThat(attributes.path("mobile").toString()).isEqualTo("{\"value\":\"9876543210\",\"type\":\"string\"}");
        assertThat(attributes.path("Lifetime").path("type").asText()).isEqualTo("number");
        assertThat(attributes.path("Ratio").path("value").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(attributes.path("Signed Up").toString())
                .isEqualTo("{\"value\":\"2021-03-04T10:00:00.000Z\",\"type\":\"date\"}");
        assertThat(attributes.path("Tags").toString()).isEqualTo("{\"value\":[\"a\",\"b\"],\"type\":\"string array\"}");
        assertThat(attributes.path("Spend").toString()).isEqualTo("{\"value\":{\"a\":2,\"b\":1.5},\"type\":\"number map\"}");
        assertThat(attributes.path("Prefs").path("value").toString()).isEqualTo("{\"deep\":{\"list\":[1,true,null,\"x\"]}}");
        assertThat(customer.path("ignored")).singleElement().satisfies(ignored -> {
            assertThat(ignored.path("attribute").asText()).isEqualTo("Lifetime");
            assertThat(ignored.path("value").asText()).isEqualTo("lots");
            assertThat(ignored.path("reason").asText()).isEqualTo("type_mismatch");
            assertThat(ignored.path("registeredType").asText()).isEqualTo("number");
            assertThat(ignored.path("receivedType").asText()).isEqualTo("string");
            assertThat(ignored.path("at").asText()).endsWith("Z");
        });
        assertThat(customer.path("ignoredTruncated").asBoolean()).isFalse();
    }

    @Test
    void aValuePastTheProfileCap_isListedWithTheCap() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i <= 50; i++) {
            attributes.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":").append(i);
        }
        track(TRACK_USER, "{\"id\":\"capped\",\"attributes\":{" + attributes + "}}");

        JsonNode ignored = read.customer(project, "capped").json().path("ignored");

        assertThat(ignored).singleElement().satisfies(entry -> {
            assertThat(entry.path("reason").asText()).isEqualTo("attribute_limit_exceeded");
            assertThat(entry.path("limit").asInt()).isEqualTo(50);
            assertThat(entry.has("registeredType")).isFalse();
        });
    }

    @Test
    void anUnknownCustomer_is404NotFound_andHasAnEmptyTimeline() {
        TrackingApi.Response missing = read.customer(project, "nobody");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("type").asText()).isEqualTo("NotFoundError");
        assertThat(missing.json().path("message").asText()).contains("nobody");
        assertThat(read.events(project, "nobody", "").body()).isEqualTo("{\"events\":[],\"next\":null}");
    }

    @Test
    void events_comeNewestFirst_withTheirFields_typedValues_andIgnoredValues() {
        track(TRACK_EVENT_V2, event("c2", "Order", 1000, "[{\"name\":\"Amount\",\"type\":\"number\",\"value\":" + BIG + "}]"));
        track(TRACK_EVENT_V2, "{\"customerId\":\"c2\",\"name\":\"Order\",\"time\":2000,\"eventId\":\"e-2\",\"attributes\":"
                + "[{\"name\":\"Amount\",\"type\":\"string\",\"value\":\"ten\"},{\"name\":\"At\",\"type\":\"date\",\"value\":\"2020-01-20\"}]}");

        JsonNode page = read.events(project, "c2", "").json();

        assertThat(page.path("next").isNull()).isTrue();
        List<JsonNode> events = list(page.path("events"));
        assertThat(events).extracting(e -> e.path("time").asLong()).containsExactly(2000L, 1000L);
        JsonNode newest = events.get(0);
        assertThat(newest.path("name").asText()).isEqualTo("Order");
        assertThat(newest.path("eventId").asText()).isEqualTo("e-2");
        assertThat(newest.path("receivedAt").isIntegralNumber()).isTrue();
        assertThat(newest.path("attributes").toString())
                .isEqualTo("{\"At\":{\"value\":\"2020-01-20T00:00:00.000Z\",\"type\":\"date\"}}");
        assertThat(newest.path("ignored")).singleElement().satisfies(ignored -> {
            assertThat(ignored.path("attribute").asText()).isEqualTo("Amount");
            assertThat(ignored.path("value").asText()).isEqualTo("ten");
            assertThat(ignored.path("registeredType").asText()).isEqualTo("number");
            assertThat(ignored.path("receivedType").asText()).isEqualTo("string");
        });
        assertThat(events.get(1).has("eventId")).isFalse();
        assertThat(read.events(project, "c2", "").body()).contains("\"value\":" + BIG + ",");
    }

    @Test
    void pages_coverEveryEventOnce_acrossPages_withFromToAndName() {
        for (int t = 1; t <= 12; t++) {
            track(TRACK_EVENT_V2, event("c3", t % 3 == 0 ? "Buy" : "View", t * 1000L, "{\"n\":" + t + "}"));
        }

        assertThat(allTimes("c3", "limit=5")).containsExactly(12000L, 11000L, 10000L, 9000L, 8000L, 7000L, 6000L,
                5000L, 4000L, 3000L, 2000L, 1000L);
        assertThat(allTimes("c3", "limit=2&from=3000&to=9000")).containsExactly(8000L, 7000L, 6000L, 5000L, 4000L, 3000L);
        assertThat(allTimes("c3", "limit=1&name=Buy")).containsExactly(12000L, 9000L, 6000L, 3000L);
        assertThat(allTimes("c3", "limit=3&name=View&from=2000&to=11000"))
                .containsExactly(10000L, 8000L, 7000L, 5000L, 4000L, 2000L);
        assertThat(read.eventsByQuery(project, "c3", "limit=100").json().path("events")).hasSize(12);
    }

    /** Every page of the query, following next, with the number of pages checked against the limit. */
    private List<Long> allTimes(String customer, String query) {
        List<Long> times = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            TrackingApi.Response response = read.events(project, customer, query
                    + (cursor == null ? "" : "&cursor=" + ReadApi.encoded(cursor)));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            response.json().path("events").forEach(event -> times.add(event.path("time").asLong()));
            cursor = response.json().path("next").isNull() ? null : response.json().path("next").asText();
            assertThat(++pages).as("pages of " + query).isLessThan(20);
        } while (cursor != null);
        return times;
    }

    @Test
    void aCursor_isRefused_forAnotherCustomer_project_orFilters_andWhenTamperedWith() {
        for (int t = 1; t <= 3; t++) {
            track(TRACK_EVENT_V2, event("c4", "View", t, "{}"));
            track(TRACK_EVENT_V2, event("c5", "View", t, "{}"));
        }
        String cursor = read.events(project, "c4", "limit=1").json().path("next").asText();
        String encoded = ReadApi.encoded(cursor);

        assertThat(read.events(project, "c4", "limit=1&cursor=" + encoded).status()).isEqualTo(200);
        assertThat(read.eventsByQuery(project, "c4", "limit=1&cursor=" + encoded).status())
                .as("the query form reads the same customer").isEqualTo(200);
        assertCursorRefused(read.events(project, "c5", "cursor=" + encoded), "cursor.mismatch");
        assertCursorRefused(read.events("other-" + project, "c4", "cursor=" + encoded), "cursor.mismatch");
        assertCursorRefused(read.events(project, "c4", "name=View&cursor=" + encoded), "cursor.mismatch");
        assertCursorRefused(read.events(project, "c4", "from=1&cursor=" + encoded), "cursor.mismatch");
        assertCursorRefused(read.events(project, "c4", "cursor=" + encoded.substring(0, encoded.length() - 3) + "zzz"),
                "cursor.invalid");
        assertCursorRefused(read.events(project, "c4", "cursor=not-a-cursor"), "cursor.invalid");
        assertCursorRefused(read.events(project, "c4", "cursor="), "cursor.invalid");
        assertCursorRefused(read.events(project, "c4", "cursor=" + "A".repeat(2000)), "cursor.invalid");
    }

    private static void assertCursorRefused(TrackingApi.Response response, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().path("details")).singleElement().satisfies(detail -> {
            assertThat(detail.path("path").toString()).isEqualTo("[\"cursor\"]");
            assertThat(detail.path("type").asText()).isEqualTo(type);
        });
    }

    @Test
    void badParameters_areEach422_namingTheParameter() {
        assertProblems(read.events(project, "c", "limit=0"), "[\"limit\"] number.min");
        assertProblems(read.events(project, "c", "limit=101"), "[\"limit\"] number.max");
        assertProblems(read.events(project, "c", "limit=ten&from=-1&to=x"), "[\"limit\"] number.base",
                "[\"from\"] number.min", "[\"to\"] number.base");
        assertProblems(read.events(project, "c", "from=5000&to=5000"), "[\"to\"] number.greater");
        assertProblems(read.events(project, "c", "name=" + "n".repeat(50)), "[\"name\"] string.max");
        assertProblems(read.events(project, "c", "limit=1&limit=2"), "[\"limit\"] any.repeated");
        assertProblems(read.events(project, "c", "limt=5"), "[\"limt\"] object.unknown");
        assertProblems(read.eventsByQuery(project, "c", "id=c"), "[\"id\"] object.unknown");
        assertProblems(read.get(ReadApi.EVENTS_BY_QUERY, Map.of(), "", project), "[\"customerId\"] any.required");
        assertProblems(read.get(ReadApi.CUSTOMER_BY_QUERY, Map.of(), "", project), "[\"id\"] any.required");
        assertProblems(read.customer(project, "bad\u0001id"), "[\"id\"] string.control");
        assertProblems(read.customer(project, "c".repeat(257)), "[\"id\"] string.max");
        assertProblems(read.get(ReadApi.SCHEMA, Map.of(), "x=1", project), "[\"x\"] object.unknown");
        assertProblems(read.eventSchema(project, "   "), "[\"name\"] string.blank");
        assertThat(read.events(project, "c", "cursor=%E0%A4").status()).isEqualTo(400);
    }

    private static void assertProblems(TrackingApi.Response response, String... expected) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        List<String> problems = new ArrayList<>();
        response.json().path("details").forEach(d -> problems.add(d.path("path") + " " + d.path("type").asText()));
        assertThat(problems).containsExactlyInAnyOrder(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a#b", "gid://shopify/Customer/1", "with space", "emoji 🎉 id", "100%", "..", "%23", "a?b=c&d",
            "x+y"})
    void anyIdTheTrackingRoutesAccept_isReadBack_byThePathAndTheQueryForm(String id) {
        track(TRACK_USER, "{\"id\":" + quoted(id) + ",\"attributes\":{\"plan\":\"gold\"}}");
        track(TRACK_EVENT_V2, "{\"customerId\":" + quoted(id) + ",\"name\":\"Odd/Name #1\",\"time\":5,\"attributes\":{}}");

        assertThat(read.customer(project, id).json().path("id").asText()).isEqualTo(id);
        assertThat(read.customerByQuery(project, id).json().path("attributes").path("plan").path("value").asText())
                .isEqualTo("gold");
        assertThat(read.events(project, id, "").json().path("events")).singleElement()
                .satisfies(e -> assertThat(e.path("name").asText()).isEqualTo("Odd/Name #1"));
        assertThat(read.eventsByQuery(project, id, "name=" + ReadApi.encoded("Odd/Name #1")).json().path("events"))
                .hasSize(1);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void aKeyOfOneProject_neverReadsAnothersData_whateverTheId() {
        String acme = "acme-" + UUID.randomUUID().toString().substring(0, 6);
        String other = acme + "x";
        tracking.post(TRACK_USER, acme, "{\"id\":\"x\",\"attributes\":{\"secret\":\"s3\"}}");
        tracking.post(TRACK_EVENT_V2, acme, event("x", "Secret", 1, "{\"secret\":1}"));
        tracking.post(TRACK_USER, other, "{\"id\":\"#x\",\"attributes\":{\"mine\":true}}");

        for (String id : List.of("x", acme + "#x", "#x", "%23x", "../" + acme + "#x", "..", "x#", acme, "*")) {
            TrackingApi.Response customer = read.customer(other, id);
            assertThat(customer.body()).as(id).doesNotContain("secret").doesNotContain("s3");
            if (!id.equals("#x")) {
                assertThat(customer.status()).as(id).isEqualTo(404);
            }
            assertThat(read.customerByQuery(other, id).body()).as(id).doesNotContain("secret");
            assertThat(read.events(other, id, "").body()).as(id).isEqualTo("{\"events\":[],\"next\":null}");
        }
        assertThat(read.schema(other).body()).doesNotContain("Secret").doesNotContain("secret").contains("mine");
        assertThat(read.eventSchema(other, "Secret").status()).isEqualTo(404);
        assertThat(read.schema(acme).body()).contains("Secret").doesNotContain("mine");
    }

    @Test
    void theSchema_listsEveryRegisteredType_andOneEventNamesTypes() {
        track(TRACK_USER, "{\"id\":\"s\",\"attributes\":{\"plan\":\"gold\",\"visits\":3}}");
        track(TRACK_EVENT_V2, event("s", "Add To Cart", 1, "[{\"name\":\"Amount\",\"type\":\"number\",\"value\":1},"
                + "{\"name\":\"When\",\"type\":\"date\",\"value\":\"2020-01-20\"}]"));
        track(TRACK_EVENT_V2, event("s", "a/b #c", 1, "{\"x\":[true]}"));
        track(TRACK_EVENT_V2, event("s", "No Attributes", 1, "{}"));

        JsonNode schema = read.schema(project).json();

        assertThat(schema.path("customer").path("plan").path("type").asText()).isEqualTo("string");
        assertThat(schema.path("customer").path("visits").path("type").asText()).isEqualTo("number");
        assertThat(schema.path("customer").path("visits").path("registeredAt").asText()).endsWith("Z");
        assertThat(schema.path("events").path("Add To Cart").path("When").path("type").asText()).isEqualTo("date");
        assertThat(schema.path("events").path("a/b #c").path("x").path("type").asText()).isEqualTo("boolean array");
        assertThat(schema.path("events").has("No Attributes")).as("no type to show").isFalse();
        assertThat(schema.path("truncated").asBoolean()).isFalse();

        JsonNode event = read.eventSchema(project, "a/b #c").json();
        assertThat(event.path("name").asText()).isEqualTo("a/b #c");
        assertThat(event.path("attributes").path("x").path("type").asText()).isEqualTo("boolean array");
        TrackingApi.Response unknown = read.eventSchema(project, "Never Seen");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asText()).isEqualTo("NotFoundError");
    }

    @Test
    void aTrackKey_mayNotRead_andAReadKey_mayNotTrack_neitherReadingNorWritingAnything() {
        track(TRACK_USER, "{\"id\":\"scoped\",\"attributes\":{\"plan\":\"gold\"}}");
        ReadApi trackOnly = new ReadApi(TestDynamoDb.client(), TestDynamoDb.tables()).withScopes(Set.of(Scope.TRACK));

        for (TrackingApi.Response refused : List.of(trackOnly.customer(project, "scoped"),
                trackOnly.customerByQuery(project, "scoped"), trackOnly.events(project, "scoped", "limit=0"),
                trackOnly.schema(project), trackOnly.eventSchema(project, "x"))) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("message").asText()).isEqualTo("This API key may not read");
        }
        var readKeyEvent = ApiGatewayEvents.post(TRACK_USER, project, "{\"id\":\"scoped\",\"attributes\":{\"plan\":\"x\"}}");
        readKeyEvent.getRequestContext().getAuthorizer().getLambda().put("scopes", "read");
        TrackingApi.Response refused = tracking.call(readKeyEvent);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("message").asText()).isEqualTo("This API key may not track");
        assertThat(read.customer(project, "scoped").json().path("attributes").path("plan").path("value").asText())
                .isEqualTo("gold");
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
