package dev.trackingapi.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.testing.ResponseContract;
import dev.trackingapi.testing.StoredData;
import dev.trackingapi.testing.TestDynamoDb;
import dev.trackingapi.testing.TrackingApi.Response;
import dev.trackingapi.testing.TrackingApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static dev.trackingapi.testing.TrackingApi.REST_API_CUSTOMER;
import static dev.trackingapi.testing.TrackingApi.REST_API_EVENT;
import static dev.trackingapi.testing.TrackingApi.TRACK_BATCH;
import static dev.trackingapi.testing.TrackingApi.TRACK_EVENT;
import static dev.trackingapi.testing.TrackingApi.TRACK_EVENT_V2;
import static dev.trackingapi.testing.TrackingApi.TRACK_USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 32 execution environments (each its own TrackingApi, so its own caches, and its own DynamoDB client) hammering one
 * project in DynamoDB Local at once: conflicting first-seen types for events and customers, the same customers
 * updated with distinct and overlapping attributes, profiles filled past their cap, and the same events retried.
 * Afterwards: exactly one registered type per attribute, every stored value of that type and every other value
 * kept as ignored, no customer attribute lost, the cap never exceeded, exactly one copy of each event.
 */
class RaceIT {
    static final int THREADS = 32;
    static final int BATCH_CLIENTS = 16;
    private static final int BATCH_ITEMS = 60;
    private static final Pattern STORED_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    /** A value of each type, as sent in the typed form. */
    private static final String[][] TYPED_VALUES = {{"string", "\"text\""}, {"number", "42.5"}, {"boolean", "true"},
            {"date", "\"2020-01-20 19:14:15\""}, {"string array", "[\"a\",\"b\"]"}, {"number array", "[1,2]"},
            {"number map", "{\"k\":1}"}, {"custom", "{\"k\":[1,{\"n\":null}]}"}};

    private final List<DynamoDbClient> clients = new ArrayList<>();
    private final List<TrackingApi> environments = new ArrayList<>();
    private final StoredData stored = new StoredData(TestDynamoDb.client(), TestDynamoDb.tables());
    private String project;

    @BeforeEach
    void thirtyTwoExecutionEnvironments() {
        project = "race-" + UUID.randomUUID();
        environments.addAll(executionEnvironments(clients));
    }

    @AfterEach
    void closeClients() {
        clients.forEach(DynamoDbClient::close);
    }

    /** 32 execution environments, each its own handlers (so caches) on a DynamoDB client of its own, kept in clients. */
    static List<TrackingApi> executionEnvironments(List<DynamoDbClient> clients) {
        List<TrackingApi> environments = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            DynamoDbClient client = TestDynamoDb.newClient(TestDynamoDb.server());
            clients.add(client);
            environments.add(new TrackingApi(client, TestDynamoDb.tables()));
        }
        return environments;
    }

    /** Work of one thread: given its index and its execution environment, the responses it got. */
    interface Work {
        List<Response> run(int thread, TrackingApi api) throws Exception;
    }

    /** Runs the work on every thread at once (they wait for each other to start); the responses by thread. */
    static List<List<Response>> together(List<TrackingApi> environments, Work work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(environments.size());
        ExecutorService pool = Executors.newFixedThreadPool(environments.size());
        try {
            List<Future<List<Response>>> futures = new ArrayList<>();
            for (int t = 0; t < environments.size(); t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.run(thread, environments.get(thread));
                }));
            }
            List<List<Response>> responses = new ArrayList<>();
            for (Future<List<Response>> future : futures) {
                responses.add(future.get(5, TimeUnit.MINUTES));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void allTracked(List<List<Response>> responses) {
        responses.forEach(perThread -> perThread.forEach(response -> {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(ResponseContract.violations(response)).isEmpty();
        }));
    }

    private static String typedAttributes(List<String> names, int thread, int round) {
        StringBuilder attributes = new StringBuilder("[");
        for (int i = 0; i < names.size(); i++) {
            String[] typed = TYPED_VALUES[(thread + i + round) % TYPED_VALUES.length];
            attributes.append(i == 0 ? "" : ",").append("{\"name\":\"").append(names.get(i)).append("\",\"type\":\"")
                    .append(typed[0]).append("\",\"value\":").append(typed[1]).append('}');
        }
        return attributes.append(']').toString();
    }

    @Test
    void conflictingEventAttributeTypes_registerOneTypeEach_andEveryValueIsAppliedOrIgnoredByIt() throws Exception {
        List<String> names = List.of("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7");
        int rounds = 4;
        List<String> routes = List.of(TRACK_EVENT_V2, TRACK_EVENT, REST_API_EVENT);
        List<List<Response>> responses = together(environments, (thread, api) -> {
            List<Response> own = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                String body = "{\"eventId\":\"t" + thread + "r" + round + "\",\"customerId\":\"c" + thread % 4
                        + "\",\"name\":\"Race\",\"time\":" + (1_000 + round) + ",\"attributes\":"
                        + typedAttributes(names, thread, round) + "}";
                own.add(api.post(routes.get((thread + round) % routes.size()), project, body));
            }
            return own;
        });

        allTracked(responses);
        Map<String, String> registered = registered(AttributeScope.event(project, "Race"));
        assertThat(registered).containsOnlyKeys(names);
        reportedIgnoredAgreeWith(registered, responses);
        List<Map<String, AttributeValue>> events = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            events.addAll(stored.events(project, "c" + c));
        }
        assertThat(events).as("one copy of each event").hasSize(THREADS * rounds)
                .extracting(event -> event.get("eventId").s()).doesNotHaveDuplicates();
        for (Map<String, AttributeValue> event : events) {
            Map<String, AttributeValue> applied = event.get("attributes").m();
            Map<String, AttributeValue> ignored = event.containsKey("ignored") ? event.get("ignored").m() : Map.of();
            assertThat(new HashSet<>(concat(applied.keySet(), ignored.keySet()))).as("every value kept")
                    .containsExactlyInAnyOrderElementsOf(names);
            assertThat(java.util.Collections.disjoint(applied.keySet(), ignored.keySet())).as("applied or ignored")
                    .isTrue();
            applied.forEach((name, value) -> {
                assertThat(event.get("attributeTypes").m().get(name).s()).isEqualTo(registered.get(name));
                assertThat(isOfType(value, registered.get(name))).as(name + " " + value).isTrue();
            });
            ignored.forEach((name, value) -> {
                Map<String, AttributeValue> types = event.get("ignoredTypes").m().get(name).m();
                assertThat(types.get("registered").s()).isEqualTo(registered.get(name));
                assertThat(types.get("received").s()).isNotEqualTo(registered.get(name));
                assertThat(isOfType(value, types.get("received").s())).isTrue();
            });
        }
    }

    @Test
    void conflictingCustomerAttributeTypes_registerOneTypeEach_andEveryValueIsAppliedOrKeptAsIgnored() throws Exception {
        List<String> names = List.of("s0", "s1", "s2", "s3", "s4", "s5");
        int rounds = 4;
        List<List<Response>> responses = together(environments, (thread, api) -> {
            List<Response> own = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                String body = "{\"id\":\"shared-" + (thread + round) % 4 + "\",\"attributes\":"
                        + typedAttributes(names, thread, round) + "}";
                own.add(api.post(thread % 2 == 0 ? TRACK_USER : REST_API_CUSTOMER, project, body));
            }
            return own;
        });

        allTracked(responses);
        Map<String, String> registered = registered(AttributeScope.customer(project));
        assertThat(registered).containsOnlyKeys(names);
        reportedIgnoredAgreeWith(registered, responses);
        for (int c = 0; c < 4; c++) {
            Map<String, AttributeValue> profile = stored.profile(project, "shared-" + c).orElseThrow();
            Set<String> kept = new HashSet<>();
            for (Map<String, AttributeValue> ignored : stored.ignoredValues(project, "shared-" + c)) {
                String name = ignored.get("attribute").s();
                assertThat(ignored.get("reason").s()).isEqualTo("type_mismatch");
                assertThat(ignored.get("registeredType").s()).isEqualTo(registered.get(name));
                assertThat(isOfType(ignored.get("value"), ignored.get("receivedType").s())).isTrue();
                kept.add(name + "/" + ignored.get("receivedType").s());
            }
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                Set<String> sentTypes = new HashSet<>();
                for (int thread = 0; thread < THREADS; thread++) {
                    for (int round = 0; round < rounds; round++) {
                        if ((thread + round) % 4 == c) {
                            sentTypes.add(TYPED_VALUES[(thread + i + round) % TYPED_VALUES.length][0]);
                        }
                    }
                }
                AttributeValue value = profile.get("attr:" + name);
                if (sentTypes.contains(registered.get(name))) {
                    assertThat(value).as("shared-" + c + " " + name).isNotNull();
                    assertThat(isOfType(value, registered.get(name))).as(name + " " + value).isTrue();
                } else {
                    assertThat(value).as("no value of another type than the registered one is applied").isNull();
                }
                sentTypes.stream().filter(type -> !type.equals(registered.get(name)))
                        .forEach(type -> assertThat(kept).as("a value not applied is kept").contains(name + "/" + type));
            }
        }
    }

    @Test
    void theSameCustomersUpdatedAtOnce_loseNoAttribute_distinctOrOverlapping() throws Exception {
        int customers = 4;
        int rounds = 3;
        List<List<Response>> responses = together(environments, (thread, api) -> {
            List<Response> own = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (int c = 0; c < customers; c++) {
                    String body = "{\"id\":\"same-" + c + "\",\"attributes\":{\"t" + thread + "r" + round + "\":"
                            + (thread * 100 + round) + ",\"overlap0\":" + thread + ",\"overlap1\":\"t" + thread
                            + "\",\"overlap2\":[" + thread + "],\"email\":\"t" + thread + "@example.com\"}}";
                    own.add(api.post(REST_API_CUSTOMER, project, body));
                }
            }
            return own;
        });

        allTracked(responses);
        responses.forEach(perThread -> perThread.forEach(response ->
                assertThat(response.body()).isEqualTo("{\"success\":true}")));
        for (int c = 0; c < customers; c++) {
            Map<String, AttributeValue> profile = stored.profile(project, "same-" + c).orElseThrow();
            for (int thread = 0; thread < THREADS; thread++) {
                for (int round = 0; round < rounds; round++) {
                    assertThat(profile.get("attr:t" + thread + "r" + round)).as("same-" + c + " t" + thread + "r" + round)
                            .isEqualTo(AttributeValue.fromN(Integer.toString(thread * 100 + round)));
                }
            }
            int winner = Integer.parseInt(profile.get("attr:overlap0").n());
            assertThat(winner).isBetween(0, THREADS - 1);
            assertThat(profile.get("attr:overlap1").s()).matches("t\\d+");
            assertThat(profile.get("attr:overlap2").l()).hasSize(1);
            assertThat(profile.get("email").s()).matches("t\\d+@example.com");
            Set<String> attributeKeys = new HashSet<>();
            profile.keySet().stream().filter(key -> key.startsWith("attr:")).forEach(key -> attributeKeys.add(key.substring(5)));
            assertThat(new HashSet<>(profile.get("customAttributeNames").ss())).isEqualTo(attributeKeys)
                    .hasSize(THREADS * rounds + 3);
        }
    }

    @Test
    void profilesFilledPastTheirCapAtOnce_neverExceedIt_andEveryAttributeIsAppliedOrReportedAndKept() throws Exception {
        for (String[] routeAndCap : new String[][]{{TRACK_USER, "50"}, {REST_API_CUSTOMER, "100"}}) {
            String route = routeAndCap[0];
            int cap = Integer.parseInt(routeAndCap[1]);
            String customer = "cap-" + cap;
            StringBuilder prefill = new StringBuilder("{\"id\":\"" + customer + "\",\"attributes\":{");
            for (int i = 0; i < cap - 6; i++) {
                prefill.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":").append(i);
            }
            assertThat(environments.get(0).post(route, project, prefill.append("}}").toString()).status()).isEqualTo(200);

            List<List<Response>> responses = together(environments, (thread, api) -> {
                List<Response> own = new ArrayList<>();
                for (int round = 0; round < 2; round++) {
                    String body = "{\"id\":\"" + customer + "\",\"attributes\":{\"p1\":-1,\"n" + thread + "r" + round
                            + "a\":1,\"n" + thread + "r" + round + "b\":2}}";
                    own.add(api.post(route, project, body));
                }
                return own;
            });

            allTracked(responses);
            Map<String, AttributeValue> profile = stored.profile(project, customer).orElseThrow();
            Set<String> inProfile = new HashSet<>(profile.get("customAttributeNames").ss());
            assertThat(inProfile).as("the cap is reached and never exceeded").hasSize(cap);
            assertThat(profile.keySet().stream().filter(key -> key.startsWith("attr:")).count()).isEqualTo(cap);
            assertThat(profile.get("attr:p1").n()).as("attributes the profile has stay updatable").isEqualTo("-1");
            Set<String> reported = new HashSet<>();
            responses.forEach(perThread -> perThread.forEach(response -> {
                JsonNode ignored = response.json().path("ignored");
                ignored.forEach(entry -> {
                    assertThat(entry.get("reason").asText()).isEqualTo("attribute_limit_exceeded");
                    assertThat(entry.get("limit").asInt()).isEqualTo(cap);
                    reported.add(entry.get("attribute").asText());
                });
            }));
            Set<String> kept = new HashSet<>();
            stored.ignoredValues(project, customer).forEach(item -> kept.add(item.get("attribute").s()));
            for (int thread = 0; thread < THREADS; thread++) {
                for (int round = 0; round < 2; round++) {
                    for (String suffix : List.of("a", "b")) {
                        String name = "n" + thread + "r" + round + suffix;
                        assertThat(inProfile.contains(name)).as(name + " applied xor reported").isNotEqualTo(reported.contains(name));
                    }
                }
            }
            assertThat(kept).as("every attribute over the cap is kept").isEqualTo(reported);
            assertThat(reported).hasSize(THREADS * 4 - 6);
        }
    }

    @Test
    void theSameEventsRetriedAtOnce_areStoredOnceEach() throws Exception {
        int distinctEvents = 16;
        List<List<Response>> responses = together(environments, (thread, api) -> {
            List<Response> own = new ArrayList<>();
            for (int e = 0; e < distinctEvents; e++) {
                String customer = "retried-" + e % 4;
                String attributes = thread % 2 == 0
                        ? "[{\"name\":\"n\",\"type\":\"number\",\"value\":" + e + "},{\"name\":\"s\",\"type\":\"string\",\"value\":\"x\"}]"
                        : "{\"s\":\"x\",\"n\":" + e + ".0}";
                switch (e % 3) {
                    case 0 -> own.add(api.post(TRACK_EVENT, project, "{\"customerId\":\"" + customer
                            + "\",\"name\":\"Retried\",\"time\":" + (5_000 + e) + ",\"attributes\":" + attributes + "}"));
                    case 1 -> own.add(api.post(TRACK_EVENT_V2, project, "{\"eventId\":\"id-" + e + "\",\"customerId\":\""
                            + customer + "\",\"name\":\"Retried\",\"time\":" + (5_000 + e) + ",\"attributes\":" + attributes + "}"));
                    default -> own.add(api.call(ApiGatewayEvents.post(REST_API_EVENT, project, "{\"eventId\":\"id-" + e
                            + "\",\"customerId\":\"" + customer + "\",\"name\":\"Retried\",\"attributes\":" + attributes + "}",
                            false, Instant.ofEpochMilli(10_000 + thread))));
                }
            }
            return own;
        });

        allTracked(responses);
        List<Map<String, AttributeValue>> events = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            events.addAll(stored.events(project, "retried-" + c));
        }
        assertThat(events).as("one copy of each of the " + distinctEvents + " events sent by " + THREADS + " threads")
                .hasSize(distinctEvents);
        assertThat(events).extracting(event -> new java.math.BigDecimal(event.get("attributes").m().get("n").n()).intValueExact())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, distinctEvents).boxed().toList());
        events.stream().filter(event -> !event.containsKey("eventId") || Integer.parseInt(event.get("eventId").s()
                .substring(3)) % 3 != 2).forEach(event -> assertThat(Long.parseLong(event.get("time").n())).isLessThan(10_000));
        events.stream().filter(event -> event.containsKey("eventId") && Integer.parseInt(event.get("eventId").s()
                .substring(3)) % 3 == 2).forEach(event -> assertThat(Long.parseLong(event.get("time").n()))
                .as("the time of one of the retries' receipts").isBetween(10_000L, 10_000L + THREADS - 1));
    }

    /**
     * 16 clients, each sending batches of 60 events of customers that other clients' batches share, and of one event
     * name; in every batch, the first item sends each attribute with the same type (number for b1, ...) or, unless
     * the earliest items agree, one of the client's own, and the later items types that vary from item to item and
     * from client to client. Items answered unavailable (DynamoDB Local saturated by 16 clients at once) are
     * replayed in order, as a client does, until they are stored.
     *
     * @return the final result of every item of every batch, batch by batch
     */
    private List<List<JsonNode>> sixteenClientsSendOverlappingBatches(String eventName, boolean earliestItemsAgree,
                                                                      int rounds) throws Exception {
        List<String> names = List.of("b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7");
        AtomicInteger replayed = new AtomicInteger();
        List<List<Response>> perClient = together(environments.subList(0, BATCH_CLIENTS), (thread, api) -> {
            List<Response> own = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                List<String> items = new ArrayList<>();
                for (int i = 0; i < BATCH_ITEMS; i++) {
                    String attributes = i == 0 ? typedAttributes(names, earliestItemsAgree ? 0 : thread, 0)
                            : typedAttributes(names, thread, round + i);
                    items.add("{\"type\":\"event\",\"eventId\":\"t" + thread + "r" + round + "i" + i
                            + "\",\"customerId\":\"shared-" + (thread * 7 + i) % 24 + "\",\"name\":\"" + eventName
                            + "\",\"time\":" + (1_000 + i) + ",\"attributes\":" + attributes + "}");
                }
                own.add(sendUntilStored(api, items, replayed));
            }
            return own;
        });
        System.out.printf("RaceIT: %d clients sent %d batches of %d items; %d unavailable items replayed%n",
                BATCH_CLIENTS, BATCH_CLIENTS * rounds, BATCH_ITEMS, replayed.get());
        List<List<JsonNode>> results = new ArrayList<>();
        perClient.forEach(batches -> batches.forEach(merged -> {
            List<JsonNode> items = new ArrayList<>();
            merged.json().get("results").forEach(items::add);
            assertThat(items).hasSize(BATCH_ITEMS).allSatisfy(result -> assertThat(result.get("status").asText())
                    .isEqualTo("stored"));
            results.add(items);
        }));
        return results;
    }

    /**
     * Sends the batch, then its unavailable items, in order, until every item has a final result; the answer with
     * every item's final result in place (and the counts of the first answer).
     */
    private Response sendUntilStored(TrackingApi api, List<String> items, AtomicInteger replayed) {
        com.fasterxml.jackson.databind.node.ArrayNode results = dev.trackingapi.api.Json.MAPPER.createArrayNode();
        items.forEach(item -> results.addNull());
        List<Integer> pending = new ArrayList<>(java.util.stream.IntStream.range(0, items.size()).boxed().toList());
        Response first = null;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            assertThat(attempt).as("items still unavailable after 30 replays").isLessThan(30);
            List<String> batch = pending.stream().map(items::get).toList();
            Response response = api.post(TRACK_BATCH, project, "{\"batch\":[" + String.join(",", batch) + "]}");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(ResponseContract.violations(response)).isEmpty();
            first = first == null ? response : first;
            List<Integer> stillPending = new ArrayList<>();
            for (int k = 0; k < pending.size(); k++) {
                JsonNode result = response.json().get("results").get(k);
                if (result.get("status").asText().equals("unavailable")) {
                    stillPending.add(pending.get(k));
                } else {
                    results.set(pending.get(k), result);
                }
            }
            if (attempt > 0) {
                replayed.addAndGet(pending.size());
            }
            pending = stillPending;
        }
        return new Response(200, first.headers(), "{\"results\":" + results + "}");
    }

    /** What the batches stored and answered agrees with the registry: one copy each, values applied or kept. */
    private void batchesAgreeWith(Map<String, String> registered, List<List<JsonNode>> results, String eventName,
                                  int rounds) {
        results.forEach(batch -> batch.forEach(result -> result.path("ignored").forEach(entry -> {
            assertThat(entry.get("registeredType").asText()).isEqualTo(registered.get(entry.get("attribute").asText()));
            assertThat(entry.get("receivedType").asText()).isNotEqualTo(entry.get("registeredType").asText());
        })));
        List<Map<String, AttributeValue>> events = new ArrayList<>();
        for (int c = 0; c < 24; c++) {
            stored.events(project, "shared-" + c).stream()
                    .filter(event -> event.get("name").s().equals(eventName)).forEach(events::add);
        }
        assertThat(events).as("one copy of each event").hasSize(BATCH_CLIENTS * rounds * BATCH_ITEMS)
                .extracting(event -> event.get("eventId").s()).doesNotHaveDuplicates();
        for (Map<String, AttributeValue> event : events) {
            event.get("attributes").m().forEach((name, value) ->
                    assertThat(isOfType(value, registered.get(name))).as(name + " " + value).isTrue());
            Map<String, AttributeValue> ignored = event.containsKey("ignored") ? event.get("ignored").m() : Map.of();
            ignored.forEach((name, value) -> assertThat(event.get("ignoredTypes").m().get(name).m().get("registered")
                    .s()).isEqualTo(registered.get(name)));
            assertThat(event.get("attributes").m().size() + ignored.size()).as("every value kept").isEqualTo(8);
        }
    }

    @Test
    void sixteenClientsSendingOverlappingBatches_registerTheTypeOfTheirEarliestItem_notOfAnItemThatRanFirst()
            throws Exception {
        List<List<JsonNode>> results = sixteenClientsSendOverlappingBatches("Batch Race", true, 2);

        Map<String, String> registered = registered(AttributeScope.event(project, "Batch Race"));
        for (int i = 0; i < 8; i++) {
            assertThat(registered.get("b" + i)).as("b" + i + ": the type every batch's earliest item sent")
                    .isEqualTo(TYPED_VALUES[i][0]);
        }
        batchesAgreeWith(registered, results, "Batch Race", 2);
        results.forEach(batch -> assertThat(batch.get(0).has("ignored")).as("the earliest item is applied whole")
                .isFalse());
    }

    @Test
    void sixteenClientsWhoseBatchesDisagreeFromTheirFirstItem_registerOneTypeEach_thatOfSomeBatchsEarliestItem()
            throws Exception {
        List<List<JsonNode>> results = sixteenClientsSendOverlappingBatches("Batch Clash", false, 1);

        Map<String, String> registered = registered(AttributeScope.event(project, "Batch Clash"));
        assertThat(registered).hasSize(8);
        batchesAgreeWith(registered, results, "Batch Clash", 1);
        for (int i = 0; i < 8; i++) {
            Set<String> earliest = new HashSet<>();
            for (int thread = 0; thread < BATCH_CLIENTS; thread++) {
                earliest.add(TYPED_VALUES[(thread + i) % TYPED_VALUES.length][0]);
            }
            assertThat(earliest).as("b" + i).contains(registered.get("b" + i));
        }
    }

    private Map<String, String> registered(AttributeScope scope) {
        Map<String, String> types = new HashMap<>();
        for (Map<String, AttributeValue> item : stored.registeredTypes(scope)) {
            assertThat(types.put(item.get("sk").s(), item.get("type").s())).as("one type per attribute").isNull();
        }
        return types;
    }

    private static void reportedIgnoredAgreeWith(Map<String, String> registered, List<List<Response>> responses) {
        responses.forEach(perThread -> perThread.forEach(response -> response.json().path("ignored").forEach(entry -> {
            assertThat(entry.get("reason").asText()).isEqualTo("type_mismatch");
            assertThat(entry.get("registeredType").asText()).isEqualTo(registered.get(entry.get("attribute").asText()));
            assertThat(entry.get("receivedType").asText()).isNotEqualTo(entry.get("registeredType").asText());
        })));
    }

    private static List<String> concat(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Whether a stored value is what the API stores for the type. */
    static boolean isOfType(AttributeValue value, String type) {
        return switch (type) {
            case "string" -> value.s() != null;
            case "number" -> value.n() != null;
            case "boolean" -> value.bool() != null;
            case "date" -> value.s() != null && STORED_DATE.matcher(value.s()).matches();
            case "string array" -> value.hasL() && value.l().stream().allMatch(element -> element.s() != null);
            case "number array" -> value.hasL() && value.l().stream().allMatch(element -> element.n() != null);
            case "number map" -> value.hasM() && value.m().values().stream().allMatch(element -> element.n() != null);
            case "custom" -> value.hasM();
            default -> throw new IllegalArgumentException("no check for " + type);
        };
    }
}
