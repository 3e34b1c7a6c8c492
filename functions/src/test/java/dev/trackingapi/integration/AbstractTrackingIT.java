package dev.trackingapi.integration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.config.TableNames;
import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.testing.StoredData;
import dev.trackingapi.testing.TrackingApi.Response;
import dev.trackingapi.testing.TrackingApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.trackingapi.testing.TrackingApi.REST_API_CUSTOMER;
import static dev.trackingapi.testing.TrackingApi.REST_API_EVENT;
import static dev.trackingapi.testing.TrackingApi.TRACK_EVENT;
import static dev.trackingapi.testing.TrackingApi.TRACK_EVENT_V2;
import static dev.trackingapi.testing.TrackingApi.TRACK_USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route against a real DynamoDB engine, reading back what was stored. Concrete subclasses choose the engine
 * (DynamoDB Local here; LocalStack where Docker runs). Each test works in a project of its own.
 */
abstract class AbstractTrackingIT {
    protected TrackingApi api;
    protected StoredData stored;
    protected String project;

    protected abstract DynamoDbClient dynamoDb();

    protected abstract TableNames tables();

    @BeforeEach
    void newProject() {
        api = new TrackingApi(dynamoDb(), tables());
        stored = new StoredData(dynamoDb(), tables());
        project = "p-" + UUID.randomUUID();
    }

    static String body(String resource) {
        try (InputStream in = AbstractTrackingIT.class.getResourceAsStream("/bodies/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
        return item.get(name).m();
    }

    @Test
    void seedEventExample_storesEveryAttributeWithItsDeclaredType() {
        Response response = api.post(TRACK_EVENT_V2, project, body("seed-track-event-v2.json"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"success\":true}");
        List<Map<String, AttributeValue>> events = stored.events(project, "YOUR_APP_CUSTOMER_ID");
        assertThat(events).hasSize(1);
        Map<String, AttributeValue> event = events.get(0);
        assertThat(event.get("name").s()).isEqualTo("Add To Cart");
        assertThat(event.get("time").n()).isEqualTo("1579547655000");
        Map<String, AttributeValue> values = map(event, "attributes");
        assertThat(values.get("Order ID").s()).isEqualTo("SDFICSRDCVSSDSDG");
        assertThat(values.get("Amount").n()).isEqualTo("732.23");
        assertThat(values.get("Order Time").s()).isEqualTo("2020-01-20T19:14:15.000Z");
        assertThat(values.get("Is Prepaid Order").bool()).isTrue();
        assertThat(values.get("Product IDs").l()).extracting(AttributeValue::s).containsExactly("pid1", "pid2", "pid3");
        assertThat(values.get("Payment Details").m().get("transaction_id").s()).isEqualTo("8276473782342");
        assertThat(values.get("Product Wise Discount Amount").m().get("pid1").n()).isEqualTo("12.7");
        assertThat(values.get("Product Wise Discount Used").m().get("pid3").bool()).isFalse();
        assertThat(values.get("Product Wise Delivery Dates").m().get("p2").s()).isEqualTo("2020-01-20T15:14:15.000Z");
        Map<String, AttributeValue> custom = values.get("Full Order Details").m();
        assertThat(custom.get("Order Time").s()).as("custom values are kept as sent").isEqualTo("2020-01-20 19:14:15");
        assertThat(custom.get("Products").l().get(1).m().get("quantity").n()).isEqualTo("5");
        Map<String, AttributeValue> types = map(event, "attributeTypes");
        assertThat(types).hasSize(11);
        assertThat(types.get("Order Time").s()).isEqualTo("date");
        assertThat(types.get("Product Wise Discount Used").s()).isEqualTo("boolean map");
        assertThat(types.get("Full Order Details").s()).isEqualTo("custom");
        AttributeScope scope = AttributeScope.event(project, "Add To Cart");
        assertThat(stored.registeredTypes(scope)).hasSize(11);
        assertThat(stored.registeredType(scope, "Sku Purchased")).contains("string array");
        assertThat(stored.profile(project, "YOUR_APP_CUSTOMER_ID")).as("the event's customer exists").isPresent();
    }

    @Test
    void seedEventExample_postedToTrackEventAsTheDocsCodeDoes_isStoredTheSame() {
        assertThat(api.post(TRACK_EVENT, project, body("seed-track-event-v2.json")).status()).isEqualTo(200);

        Map<String, AttributeValue> event = stored.events(project, "YOUR_APP_CUSTOMER_ID").get(0);
        assertThat(map(event, "attributes")).hasSize(11);
        assertThat(map(event, "attributeTypes").get("Amount").s()).isEqualTo("number");
    }

    @Test
    void flatAttributes_areStoredWithInferredTypes() {
        assertThat(api.post(TRACK_EVENT, project, body("track-event-flat.json")).status()).isEqualTo(200);

        Map<String, AttributeValue> event = stored.events(project, "customer-1001").get(0);
        assertThat(map(event, "attributes").get("Quantity").n()).isEqualTo("3");
        assertThat(map(event, "attributeTypes"))
                .containsEntry("Product Id", AttributeValue.fromS("string"))
                .containsEntry("Price", AttributeValue.fromS("number"));
    }

    @Test
    void restApiEvent_happensWhenItIsReceived() {
        long before = System.currentTimeMillis();
        Response response = api.post(REST_API_EVENT, project, body("rest-api-event.json"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<String, AttributeValue> event = stored.events(project, "customer-1001").get(0);
        assertThat(Long.parseLong(event.get("time").n())).isBetween(before, System.currentTimeMillis());
        assertThat(map(event, "attributes").get("Delivered On").s()).isEqualTo("2021-03-08T10:00:00.000Z");
    }

    @Test
    void seedUserExample_storesReservedAndCustomAttributes() {
        Response response = api.post(TRACK_USER, project, body("seed-track-user.json"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<String, AttributeValue> profile = stored.profile(project, "lksjfiwowior").orElseThrow();
        assertThat(profile.get("name").s()).isEqualTo("John Wick");
        assertThat(profile.get("email").s()).isEqualTo("john@gmail.com");
        assertThat(profile.get("mobile").s()).isEqualTo("9876543210");
        assertThat(profile.get("attr:subscriptionType").s()).isEqualTo("pro");
        assertThat(profile.get("attr:region").s()).isEqualTo("Mumbai");
        assertThat(profile.get("attr:totalPurchaseTillNow").n()).isEqualTo("30000");
        assertThat(profile.get("customAttributeNames").ss())
                .containsExactlyInAnyOrder("subscriptionType", "region", "totalPurchaseTillNow");
        assertThat(profile.get("createdAt").s()).isEqualTo(profile.get("updatedAt").s());
        assertThat(stored.registeredType(AttributeScope.customer(project), "totalPurchaseTillNow")).contains("number");
    }

    @Test
    void restApiCustomer_acceptsTypedAttributesAndToleratesTheDocsStrayName() {
        Response response = api.post(REST_API_CUSTOMER, project, body("rest-api-customer.json"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<String, AttributeValue> profile = stored.profile(project, "customer-1001").orElseThrow();
        assertThat(profile.get("name").s()).as("the reserved name attribute, not the stray top-level one")
                .isEqualTo("Asha Rao");
        assertThat(profile.get("attr:Lifetime Value").n()).isEqualTo("12500.75");
        assertThat(profile.get("attr:Signed Up").s()).isEqualTo("2021-03-04T00:00:00.000Z");
    }

    @Test
    void eventTypeMismatch_isNotAppliedButReportedAndKeptWithTheEvent() {
        api.post(TRACK_EVENT_V2, project, event("c1", "Order", 1000, "{\"name\":\"Amount\",\"type\":\"number\",\"value\":5}"));

        Response response = api.post(TRACK_EVENT_V2, project, event("c1", "Order", 2000,
                "{\"name\":\"Amount\",\"type\":\"string\",\"value\":\"five\"},{\"name\":\"Note\",\"type\":\"string\",\"value\":\"x\"}"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(json("{\"success\":true,\"ignored\":[{\"attribute\":\"Amount\","
                + "\"reason\":\"type_mismatch\",\"registeredType\":\"number\",\"receivedType\":\"string\"}]}"));
        Map<String, AttributeValue> event = stored.events(project, "c1").get(1);
        assertThat(map(event, "attributes")).containsOnlyKeys("Note");
        assertThat(map(event, "ignored").get("Amount").s()).isEqualTo("five");
        assertThat(map(event, "ignoredTypes").get("Amount").m().get("registered").s()).isEqualTo("number");
    }

    @Test
    void customerTypeMismatch_isNotAppliedButReportedAndKeptBesideTheProfile() {
        api.post(TRACK_USER, project, "{\"id\":\"c1\",\"attributes\":{\"age\":30}}");

        Response response = api.post(TRACK_USER, project, "{\"id\":\"c1\",\"attributes\":{\"age\":\"thirty\",\"city\":\"Pune\"}}");

        assertThat(response.json().get("ignored").get(0).get("registeredType").asText()).isEqualTo("number");
        Map<String, AttributeValue> profile = stored.profile(project, "c1").orElseThrow();
        assertThat(profile.get("attr:age").n()).isEqualTo("30");
        assertThat(profile.get("attr:city").s()).isEqualTo("Pune");
        List<Map<String, AttributeValue>> ignored = stored.ignoredValues(project, "c1");
        assertThat(ignored).hasSize(1);
        assertThat(ignored.get(0).get("value").s()).isEqualTo("thirty");
        assertThat(ignored.get(0).get("reason").s()).isEqualTo("type_mismatch");
    }

    @Test
    void retriedEvent_inAnyAttributeOrderOrForm_isStoredOnce() {
        String typed = event("c1", "Viewed", 5000,
                "{\"name\":\"a\",\"type\":\"string\",\"value\":\"x\"},{\"name\":\"b\",\"type\":\"number\",\"value\":1.50}");
        String reordered = event("c1", "Viewed", 5000,
                "{\"name\":\"b\",\"type\":\"Number\",\"value\":1.5},{\"name\":\"a\",\"type\":\"STRING\",\"value\":\"x\"}");
        String flat = "{\"customerId\":\"c1\",\"name\":\"Viewed\",\"time\":5000,\"attributes\":{\"a\":\"x\",\"b\":1.5}}";

        for (String body : List.of(typed, typed, reordered, flat)) {
            Response response = api.post(TRACK_EVENT_V2, project, body);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"success\":true}");
        }

        assertThat(stored.events(project, "c1")).hasSize(1);
    }

    @Test
    void eventId_isTheIdempotencyKey() {
        String first = "{\"eventId\":\"e-1\",\"customerId\":\"c1\",\"name\":\"Paid\",\"time\":7000,\"attributes\":{\"n\":1}}";
        String resent = "{\"eventId\":\"e-1\",\"customerId\":\"c1\",\"name\":\"Paid\",\"time\":7000,\"attributes\":{\"n\":2}}";
        String other = "{\"eventId\":\"e-2\",\"customerId\":\"c1\",\"name\":\"Paid\",\"time\":7000,\"attributes\":{\"n\":1}}";

        api.post(TRACK_EVENT_V2, project, first);
        api.post(TRACK_EVENT_V2, project, resent);
        api.post(TRACK_EVENT_V2, project, other);

        List<Map<String, AttributeValue>> events = stored.events(project, "c1");
        assertThat(events).extracting(item -> item.get("eventId").s()).containsExactlyInAnyOrder("e-1", "e-2");
        assertThat(events).filteredOn(item -> item.get("eventId").s().equals("e-1"))
                .extracting(item -> item.get("attributes").m().get("n").n()).containsExactly("1");
    }

    @Test
    void restApiEventRetriedWithAnEventId_isStoredOnce() {
        String body = "{\"eventId\":\"r-1\",\"customerId\":\"c1\",\"name\":\"Paid\",\"time\":9000,\"attributes\":[]}";
        api.post(REST_API_EVENT, project, body);
        api.post(REST_API_EVENT, project, body);

        assertThat(stored.events(project, "c1")).hasSize(1);
    }

    @Test
    void restApiEventWithAnEventIdButNoTime_retriedLater_isStoredOnceAtItsFirstReceiveTime() {
        String body = "{\"eventId\":\"r-2\",\"customerId\":\"c1\",\"name\":\"Paid\",\"attributes\":{\"n\":1}}";
        for (long receivedAt : new long[]{1_000, 2_000, 1_500}) {
            Response response = api.call(ApiGatewayEvents.post(REST_API_EVENT, project, body, false,
                    Instant.ofEpochMilli(receivedAt)));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        }
        TrackingApi anotherEnvironment = new TrackingApi(dynamoDb(), tables());
        anotherEnvironment.call(ApiGatewayEvents.post(REST_API_EVENT, project, body, false, Instant.ofEpochMilli(3_000)));

        assertThat(stored.events(project, "c1")).singleElement()
                .satisfies(event -> assertThat(event.get("time").n()).isEqualTo("1000"));
    }

    @Test
    void customersEvents_readBackInTimeOrderWithOneQuery() {
        for (long time : new long[]{30_000, 10_000, 20_000, 1_000_000_000_000L}) {
            api.post(TRACK_EVENT_V2, project, event("c1", "Tick", time, "{\"name\":\"t\",\"type\":\"number\",\"value\":" + time + "}"));
        }

        assertThat(stored.events(project, "c1")).extracting(item -> item.get("time").n())
                .containsExactly("10000", "20000", "30000", "1000000000000");
    }

    @Test
    void firstEventOfANewCustomer_createsTheProfileOnce() {
        api.post(TRACK_EVENT_V2, project, event("new-customer", "Opened", 1, ""));
        String createdAt = stored.profile(project, "new-customer").orElseThrow().get("createdAt").s();

        TrackingApi anotherEnvironment = new TrackingApi(dynamoDb(), tables());
        anotherEnvironment.post(TRACK_EVENT_V2, project, event("new-customer", "Opened", 2, ""));

        assertThat(stored.profile(project, "new-customer").orElseThrow().get("createdAt").s()).isEqualTo(createdAt);
        assertThat(stored.events(project, "new-customer")).hasSize(2);
    }

    @Test
    void customerUpsert_setsCreatedAtOnceAndUpdatedAtEveryTime() throws InterruptedException {
        api.post(TRACK_USER, project, "{\"id\":\"c1\",\"attributes\":{\"name\":\"A\"}}");
        Map<String, AttributeValue> first = stored.profile(project, "c1").orElseThrow();
        Thread.sleep(5);

        api.post(TRACK_USER, project, "{\"id\":\"c1\",\"attributes\":{\"email\":\"a@b.c\"}}");

        Map<String, AttributeValue> second = stored.profile(project, "c1").orElseThrow();
        assertThat(second.get("createdAt")).isEqualTo(first.get("createdAt"));
        assertThat(second.get("updatedAt").s()).isGreaterThan(first.get("updatedAt").s());
        assertThat(second.get("name").s()).isEqualTo("A");
        assertThat(second.get("email").s()).isEqualTo("a@b.c");
    }

    @Test
    void trackUser_appliesFiftyCustomAttributes_andIgnoresReportsAndKeepsTheFiftyFirst() {
        api.post(TRACK_USER, project, user("c1", 0, 49, "\"name\":\"N\",\"email\":\"e\",\"mobile\":\"1\""));

        Response response = api.post(TRACK_USER, project, user("c1", 47, 52, ""));

        assertThat(response.status()).isEqualTo(200);
        JsonNode ignored = response.json().get("ignored");
        assertThat(ignored).hasSize(2);
        assertThat(ignored.get(0).get("attribute").asText()).isEqualTo("c50");
        assertThat(ignored.get(0).get("reason").asText()).isEqualTo("attribute_limit_exceeded");
        assertThat(ignored.get(0).get("limit").asInt()).isEqualTo(50);
        Map<String, AttributeValue> profile = stored.profile(project, "c1").orElseThrow();
        assertThat(profile.get("customAttributeNames").ss()).hasSize(50);
        assertThat(profile).containsKeys("attr:c47", "attr:c49").doesNotContainKeys("attr:c50", "attr:c51");
        assertThat(stored.ignoredValues(project, "c1")).extracting(item -> item.get("attribute").s())
                .containsExactlyInAnyOrder("c50", "c51");

        Response update = api.post(TRACK_USER, project, user("c1", 0, 1, ""));
        assertThat(update.body()).as("attributes the profile has stay updatable at the cap").isEqualTo("{\"success\":true}");
    }

    @Test
    void restApiCustomer_capsCustomAttributesAtOneHundred() {
        Response response = api.post(REST_API_CUSTOMER, project, user("c1", 0, 101, ""));

        assertThat(response.json().get("ignored")).hasSize(1);
        assertThat(response.json().get("ignored").get(0).get("limit").asInt()).isEqualTo(100);
        assertThat(stored.profile(project, "c1").orElseThrow().get("customAttributeNames").ss()).hasSize(100);
    }

    @Test
    void customerUpdatedFromSixteenThreadsWithDistinctAttributes_keepsThemAll() throws Exception {
        int threads = 16;
        List<Callable<Response>> calls = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            TrackingApi environment = new TrackingApi(dynamoDb(), tables());
            String body = user("shared", t * 3, t * 3 + 3, "");
            calls.add(() -> environment.post(TRACK_USER, project, body));
        }

        List<Response> responses = runTogether(calls);

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).isEqualTo(200));
        Map<String, AttributeValue> profile = stored.profile(project, "shared").orElseThrow();
        assertThat(profile.get("customAttributeNames").ss()).hasSize(48);
        for (int i = 0; i < 48; i++) {
            assertThat(profile.get("attr:c" + i).n()).isEqualTo(Integer.toString(i));
        }
    }

    @Test
    void concurrentFirstSightingsWithDifferentTypes_registerExactlyOneType_andEveryStoredValueAgrees() throws Exception {
        String[][] typedValues = {{"string", "\"s\""}, {"number", "1"}, {"boolean", "true"}, {"date", "\"2020-01-01\""},
                {"string array", "[\"a\"]"}, {"number map", "{\"k\":1}"}, {"custom", "{\"k\":[1]}"}, {"number array", "[2]"}};
        int threads = 24;
        List<Callable<Response>> calls = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            TrackingApi environment = new TrackingApi(dynamoDb(), tables());
            String[] typed = typedValues[t % typedValues.length];
            String body = event("c" + t, "Race", t, "{\"name\":\"value\",\"type\":\"" + typed[0] + "\",\"value\":" + typed[1] + "}");
            calls.add(() -> environment.post(TRACK_EVENT_V2, project, body));
        }

        List<Response> responses = runTogether(calls);

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).isEqualTo(200));
        List<Map<String, AttributeValue>> registered = stored.registeredTypes(AttributeScope.event(project, "Race"));
        assertThat(registered).hasSize(1);
        String winner = registered.get(0).get("type").s();
        int applied = 0;
        for (int t = 0; t < threads; t++) {
            Map<String, AttributeValue> event = stored.events(project, "c" + t).get(0);
            boolean hasValue = map(event, "attributes").containsKey("value");
            assertThat(hasValue).isEqualTo(typedValues[t % typedValues.length][0].equals(winner));
            if (hasValue) {
                applied++;
                assertThat(map(event, "attributeTypes").get("value").s()).isEqualTo(winner);
            } else {
                assertThat(map(event, "ignoredTypes").get("value").m().get("registered").s()).isEqualTo(winner);
            }
        }
        assertThat(applied).isEqualTo(threads / typedValues.length);
    }

    @Test
    void concurrentCustomerFirstSightingsWithDifferentTypes_registerExactlyOneType() throws Exception {
        int threads = 16;
        List<Callable<Response>> calls = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            TrackingApi environment = new TrackingApi(dynamoDb(), tables());
            String value = t % 2 == 0 ? "\"text\"" : "42";
            String body = "{\"id\":\"c" + t + "\",\"attributes\":{\"score\":" + value + "}}";
            calls.add(() -> environment.post(TRACK_USER, project, body));
        }

        runTogether(calls);

        String winner = stored.registeredType(AttributeScope.customer(project), "score").orElseThrow();
        Set<String> storedTypes = new HashSet<>();
        for (int t = 0; t < threads; t++) {
            AttributeValue score = stored.profile(project, "c" + t).orElseThrow().get("attr:score");
            if (score != null) {
                storedTypes.add(score.s() != null ? "string" : "number");
            } else {
                assertThat(stored.ignoredValues(project, "c" + t)).hasSize(1);
            }
        }
        assertThat(storedTypes).containsExactly(winner);
    }

    @Test
    void customValueNestedThirtyLevels_isStored() {
        String nested = "1";
        for (int i = 0; i < 30; i++) {
            nested = "{\"k\":" + nested + "}";
        }

        Response event = api.post(TRACK_EVENT_V2, project, event("c1", "Deep", 1, "{\"name\":\"tree\",\"type\":\"custom\",\"value\":" + nested + "}"));
        Response customer = api.post(TRACK_USER, project, "{\"id\":\"c1\",\"attributes\":{\"tree\":" + nested + "}}");

        assertThat(event.status()).as(event.toString()).isEqualTo(200);
        assertThat(customer.status()).as(customer.toString()).isEqualTo(200);
        assertThat(stored.events(project, "c1")).hasSize(1);
    }

    @Test
    void invalidRequest_writesNothing() {
        String nested = "1";
        for (int i = 0; i < 31; i++) {
            nested = "{\"k\":" + nested + "}";
        }
        Response response = api.post(TRACK_EVENT_V2, project, event("c1", "Deep", 1,
                "{\"name\":\"fine\",\"type\":\"string\",\"value\":\"ok\"},{\"name\":\"tree\",\"type\":\"custom\",\"value\":" + nested + "}"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("details").get(0).get("type").asText()).isEqualTo("object.depth");
        assertThat(stored.events(project, "c1")).isEmpty();
        assertThat(stored.profile(project, "c1")).isEmpty();
        assertThat(stored.registeredTypes(AttributeScope.event(project, "Deep"))).isEmpty();
    }

    @Test
    void emptyArrayInAFlatObject_takesTheRegisteredArrayType() {
        api.post(TRACK_EVENT, project, "{\"customerId\":\"c1\",\"name\":\"Tagged\",\"time\":1,\"attributes\":{\"ids\":[1,2]}}");

        Response response = api.post(TRACK_EVENT, project, "{\"customerId\":\"c1\",\"name\":\"Tagged\",\"time\":2,\"attributes\":{\"ids\":[]}}");

        assertThat(response.body()).isEqualTo("{\"success\":true}");
        Map<String, AttributeValue> event = stored.events(project, "c1").get(1);
        assertThat(map(event, "attributeTypes").get("ids").s()).isEqualTo("number array");
        assertThat(map(event, "attributes").get("ids").l()).isEmpty();
    }

    @Test
    void numbers_areStoredExactly() {
        String body = event("c1", "Exact", 1, "{\"name\":\"big\",\"type\":\"BigInt\",\"value\":12345678901234567890123456789012345678},"
                + "{\"name\":\"tenth\",\"type\":\"number\",\"value\":0.1},{\"name\":\"text\",\"type\":\"number\",\"value\":\"732.23\"}");

        assertThat(api.post(TRACK_EVENT_V2, project, body).status()).isEqualTo(200);

        Map<String, AttributeValue> values = map(stored.events(project, "c1").get(0), "attributes");
        assertThat(values.get("big").n()).isEqualTo("12345678901234567890123456789012345678");
        assertThat(values.get("tenth").n()).isEqualTo("0.1");
        assertThat(values.get("text").n()).isEqualTo("732.23");
    }

    @Test
    void aProfileThatWouldPassDynamoDbsItemSize_is413AndKeepsWhatItHad() {
        String big = "x".repeat(250_000);
        assertThat(api.post(TRACK_USER, project, "{\"id\":\"c1\",\"attributes\":{\"a\":\"" + big + "\"}}").status())
                .isEqualTo(200);

        Response response = api.post(TRACK_USER, project, "{\"id\":\"c1\",\"attributes\":{\"b\":\"" + big + "\"}}");

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.json().get("type").asText()).isEqualTo("PayloadTooLargeError");
        assertThat(response.json().get("message").asText()).contains("400 KB");
        Map<String, AttributeValue> profile = stored.profile(project, "c1").orElseThrow();
        assertThat(profile).containsKey("attr:a").doesNotContainKey("attr:b");
    }

    @Test
    void missingAuthorizerContext_isRefusedWith401BeforeTheBodyIsRead() {
        Response response = api.post(TRACK_EVENT_V2, null, "not even json");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("type").asText()).isEqualTo("AuthenticationError");
    }

    static String event(String customerId, String name, long time, String attributes) {
        return "{\"customerId\":\"" + customerId + "\",\"name\":\"" + name + "\",\"time\":" + time
                + ",\"attributes\":[" + attributes + "]}";
    }

    /** A flat customer body with custom attributes c{from}..c{to-1} = their index, plus extra fields. */
    static String user(String id, int from, int to, String extra) {
        StringBuilder attributes = new StringBuilder(extra);
        for (int i = from; i < to; i++) {
            if (attributes.length() > 0) {
                attributes.append(',');
            }
            attributes.append("\"c").append(i).append("\":").append(i);
        }
        return "{\"id\":\"" + id + "\",\"attributes\":{" + attributes + "}}";
    }

    static JsonNode json(String text) {
        try {
            return dev.trackingapi.api.Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static <T> List<T> runTogether(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
