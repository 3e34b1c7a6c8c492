package dev.trackingapi.integration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.testing.ResponseContract;
import dev.trackingapi.testing.StoredData;
import dev.trackingapi.testing.TestDynamoDb;
import dev.trackingapi.testing.TrackingApi.Response;
import dev.trackingapi.testing.TrackingApi;
import dev.trackingapi.validation.Limits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.trackingapi.testing.TrackingApi.TRACK_BATCH;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /track/batch against DynamoDB Local, read back from the tables. Each test works in a project of its own. */
class BatchIT {
    private final TrackingApi api = new TrackingApi(TestDynamoDb.client(), TestDynamoDb.tables());
    private final StoredData stored = new StoredData(TestDynamoDb.client(), TestDynamoDb.tables());
    private String project;

    @BeforeEach
    void newProject() {
        project = "batch-" + UUID.randomUUID();
    }

    private Response send(List<String> items) {
        Response response = api.post(TRACK_BATCH, project, "{\"batch\":[" + String.join(",", items) + "]}");
        assertThat(ResponseContract.violations(response)).as(response.toString()).isEmpty();
        return response;
    }

    private static String event(String customer, String name, long time, String attributes) {
        return "{\"type\":\"event\",\"customerId\":\"" + customer + "\",\"name\":\"" + name + "\",\"time\":" + time
                + ",\"attributes\":" + attributes + "}";
    }

    private static String customer(String id, String attributes) {
        return "{\"type\":\"customer\",\"id\":\"" + id + "\",\"attributes\":" + attributes + "}";
    }

    private static List<String> statuses(Response response) {
        List<String> statuses = new ArrayList<>();
        response.json().get("results").forEach(result -> statuses.add(result.get("status").textValue()));
        return statuses;
    }

    @Test
    void aBatchMixingStoredRejectedAndIgnoredItems_storesItsValidItems_keepsWhatWasNotApplied_andNothingOfTheRest() {
        Response response = send(List.of(
                event("c1", "Checkout", 1_000, "[{\"name\":\"Amount\",\"type\":\"number\",\"value\":10.5}]"),
                customer("c1", "{\"name\":\"Asha\",\"plan\":\"gold\",\"vip\":true}"),
                event("c1", "n".repeat(50), 2_000, "{\"Secret\":1}"),
                event("c2", "Checkout", 3_000, "{\"Amount\":\"ten\",\"Coupon\":\"NEW10\"}"),
                customer("c2", "[{\"name\":\"vip\",\"type\":\"string\",\"value\":\"yes\"}]"),
                customer("", "{\"Hidden\":1}")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(statuses(response)).containsExactly("stored", "stored", "rejected", "stored", "stored", "rejected");
        JsonNode results = response.json().get("results");
        assertThat(results.get(2).get("details").get(0).get("path").toString()).isEqualTo("[\"name\"]");
        assertThat(results.get(3).get("ignored").toString()).isEqualTo("[{\"attribute\":\"Amount\",\"reason\":"
                + "\"type_mismatch\",\"registeredType\":\"number\",\"receivedType\":\"string\"}]");
        assertThat(results.get(4).get("ignored").get(0).get("registeredType").textValue()).isEqualTo("boolean");
        assertThat(results.get(5).get("details").get(0).get("path").toString()).isEqualTo("[\"id\"]");

        List<Map<String, AttributeValue>> c1Events = stored.events(project, "c1");
        assertThat(c1Events).singleElement().satisfies(event ->
                assertThat(event.get("attributes").m().get("Amount")).isEqualTo(AttributeValue.fromN("10.5")));
        Map<String, AttributeValue> c2Event = stored.events(project, "c2").get(0);
        assertThat(c2Event.get("ignored").m().get("Amount")).isEqualTo(AttributeValue.fromS("ten"));
        assertThat(c2Event.get("attributes").m()).containsOnlyKeys("Coupon");
        Map<String, AttributeValue> c1 = stored.profile(project, "c1").orElseThrow();
        assertThat(c1.get("attr:plan")).isEqualTo(AttributeValue.fromS("gold"));
        assertThat(c1.get("name")).isEqualTo(AttributeValue.fromS("Asha"));
        Map<String, AttributeValue> c2 = stored.profile(project, "c2").orElseThrow();
        assertThat(c2).doesNotContainKey("attr:vip");
        assertThat(stored.ignoredValues(project, "c2")).singleElement()
                .satisfies(kept -> assertThat(kept.get("value")).isEqualTo(AttributeValue.fromS("yes")));
        assertThat(stored.registeredType(AttributeScope.event(project, "Checkout"), "Amount")).contains("number");
        assertThat(stored.registeredTypes(AttributeScope.event(project, "n".repeat(50))))
                .as("a rejected item registers nothing").isEmpty();
        assertThat(stored.registeredType(AttributeScope.customer(project), "Hidden")).isEmpty();
    }

    @Test
    void aCustomersItems_areAppliedInBatchOrder_amongTheItemsOfManyOtherCustomers() {
        for (int round = 0; round < 3; round++) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                items.add(i % 4 == 0 ? customer("ordered", "{\"step\":" + (round * 1000 + i) + "}")
                        : event("other-" + i % 37, "Viewed", round * 1000L + i, "{\"Page\":\"p" + i + "\"}"));
            }

            assertThat(statuses(send(items))).containsOnly("stored");

            Map<String, AttributeValue> profile = stored.profile(project, "ordered").orElseThrow();
            assertThat(profile.get("attr:step")).as("round " + round)
                    .isEqualTo(AttributeValue.fromN(Integer.toString(round * 1000 + 396)));
        }
    }

    @Test
    void theEarliestItem_winsANewAttributesType_evenWhenOtherCustomersItemsCouldRunFirst() {
        for (int round = 0; round < 5; round++) {
            String name = "Race " + round;
            StringBuilder slow = new StringBuilder("{");
            for (int a = 0; a < 40; a++) {
                slow.append("\"pad").append(a).append("\":").append(a).append(',');
            }
            List<String> items = new ArrayList<>();
            items.add(event("first", name, 1, slow.append("\"Amount\":1}").toString()));
            for (int i = 1; i < 60; i++) {
                items.add(event("later-" + i, name, i, "{\"Amount\":\"" + i + "\"}"));
            }

            Response response = send(items);

            assertThat(stored.registeredType(AttributeScope.event(project, name), "Amount")).as(name)
                    .contains("number");
            assertThat(response.json().get("results").get(0).has("ignored")).isFalse();
            assertThat(response.json().get("results").get(59).get("ignored").get(0).get("registeredType").textValue())
                    .isEqualTo("number");
        }
    }

    @Test
    void replayingAWholeBatch_storesNoSecondCopyOfAnyEvent() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String attributes = "{\"n\":" + i + "}";
            items.add(i % 2 == 0 ? event("c" + i % 5, "Paid", 1_000 + i, attributes)
                    : event("c" + i % 5, "Paid", 1_000 + i, attributes).replace("{\"type\"",
                    "{\"eventId\":\"e-" + i + "\",\"type\""));
        }

        Response first = send(items);
        Response replay = send(items);

        assertThat(first.body()).isEqualTo(replay.body());
        assertThat(statuses(replay)).containsOnly("stored");
        int events = 0;
        for (int c = 0; c < 5; c++) {
            events += stored.events(project, "c" + c).size();
        }
        assertThat(events).isEqualTo(50);
    }

    @Test
    void aThousandItems_areStored_butAThousandAndOneAreRefusedWhole_andWriteNothing() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < Limits.MAX_BATCH_ITEMS; i++) {
            items.add(event("c" + i % 100, "Viewed", i, "{\"Index\":" + i + "}"));
        }

        Response thousand = send(items);

        assertThat(thousand.json().get("stored").intValue()).isEqualTo(1000);
        int events = 0;
        for (int c = 0; c < 100; c++) {
            events += stored.events(project, "c" + c).size();
        }
        assertThat(events).isEqualTo(1000);

        project = "batch-" + UUID.randomUUID();
        items.add(event("c0", "Viewed", 5_000, "{\"Index\":1000}"));
        Response tooMany = send(items);

        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("details").get(0).get("type").textValue()).isEqualTo("array.max");
        assertThat(stored.itemsWhoseKeyContains(project)).isEmpty();
    }

    @Test
    void aBodyOverTheBatchLimit_is413_andWritesNothing() {
        List<String> items = new ArrayList<>();
        String note = "x".repeat(200_000);
        for (int i = 0; i < 10; i++) {
            items.add(customer("c" + i, "{\"note\":\"" + note + "\"}"));
        }

        Response response = send(items);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("message").textValue()).contains("at most 2000000 bytes (2 MB)");
        assertThat(stored.itemsWhoseKeyContains(project)).isEmpty();
    }
}
