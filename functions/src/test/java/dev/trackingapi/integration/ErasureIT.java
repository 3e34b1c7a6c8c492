package dev.trackingapi.integration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.config.TableNames;
import dev.trackingapi.model.ErasureCounts;
import dev.trackingapi.model.ErasureReceipt;
import dev.trackingapi.model.Scope;
import dev.trackingapi.store.dynamodb.CustomerPartition;
import dev.trackingapi.store.dynamodb.CustomersTable;
import dev.trackingapi.store.dynamodb.DynamoDbErasureLedger;
import dev.trackingapi.store.dynamodb.EventsTable;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.testing.ErasureData;
import dev.trackingapi.testing.ResponseContract;
import dev.trackingapi.testing.StoredData;
import dev.trackingapi.testing.TestDynamoDb;
import dev.trackingapi.testing.TrackingApi.Response;
import dev.trackingapi.testing.TrackingApi;
import dev.trackingapi.wiring.Wiring;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DELETE /customers/{id} on DynamoDB Local: everything of the customer goes, nothing of anyone else, and a receipt
 * without personal data stays. The trackers and the eraser share the tests' short trust window, so that an erasure
 * settles in a second and a half.
 */
class ErasureIT {
    static final int MANY_EVENTS = 5_000;

    private final DynamoDbClient dynamoDb = TestDynamoDb.client();
    private final TableNames tables = TestDynamoDb.tables();
    private final StoredData stored = new StoredData(dynamoDb, tables);
    private final TrackingApi api = new TrackingApi(dynamoDb, tables);

    static String newProject(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCustomerWith5000Events_ignoredValues_andReceiptTimes_isErasedToTheLastItem_andNoOneElseIsTouched() {
        String project = newProject("erase");
        String otherProject = newProject("erase-other");
        ErasureCounts seeded = ErasureData.customer(api, project, "abc", MANY_EVENTS);
        List<String> neighbours = List.of("abc#1", "abc!x", "ab", "abc ", "ABC", "abc#", "abc%23");
        for (String neighbour : neighbours) {
            ErasureData.customer(api, project, neighbour, 3);
        }
        ErasureData.customer(api, otherProject, "abc", 3);
        Map<String, List<Map<String, AttributeValue>>> before = stored.everything();

        Response response = api.erase(project, "abc");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(ResponseContract.violations(response)).isEmpty();
        JsonNode body = response.json();
        assertThat(body.path("success").booleanValue()).isTrue();
        assertThat(body.path("complete").booleanValue()).isTrue();
        assertThat(counts(body)).isEqualTo(seeded);
        assertThat(seeded.profile()).isEqualTo(1);
        assertThat(seeded.events()).isEqualTo(MANY_EVENTS + ErasureData.EVENTS_WITH_IDS);
        assertThat(seeded.other()).isEqualTo(ErasureData.IGNORED_VALUES + ErasureData.EVENTS_WITH_IDS);

        Map<String, List<Map<String, AttributeValue>>> after = stored.everything();
        assertThat(ErasureData.itemsOf(after, project, "abc")).as("anything of the customer, in any table").isEmpty();
        for (String table : before.keySet()) {
            List<Map<String, AttributeValue>> expected = new ArrayList<>(before.get(table));
            expected.removeAll(ErasureData.itemsOf(Map.of(table, before.get(table)), project, "abc"));
            assertThat(withoutReceiptsAndCounts(after.get(table)))
                    .as("everything else in " + table + " is as it was")
                    .containsExactlyInAnyOrderElementsOf(withoutReceiptsAndCounts(expected));
        }
        for (String neighbour : neighbours) {
            assertThat(stored.profile(project, neighbour)).as(neighbour).isPresent();
            assertThat(stored.events(project, neighbour)).as(neighbour).hasSize(3 + ErasureData.EVENTS_WITH_IDS);
        }
        assertThat(stored.events(otherProject, "abc")).hasSize(3 + ErasureData.EVENTS_WITH_IDS);

        ErasureReceipt receipt = receipt(body.path("receipt").asText());
        assertThat(receipt.projectId()).isEqualTo(project);
        assertThat(receipt.customerHash()).isEqualTo(Wiring.customerEraser(dynamoDb, tables, TrackingApi.TRUST_WINDOW)
                .customerHash(project, "abc"))
                .hasSize(43).doesNotContain("abc");
        assertThat(receipt.erased()).isEqualTo(seeded);
        assertThat(receipt.completedAt()).isAfterOrEqualTo(receipt.requestedAt());
        assertThat(after.get(tables.erasureReceipts())).as("the receipt is the only item the erasure left")
                .filteredOn(item -> !item.get("id").s().startsWith("er_")).noneMatch(item -> item.toString()
                        .contains(project));
        assertThat(after.get(tables.erasureReceipts()).toString()).as("no receipt names the customer")
                .doesNotContain("=abc,").doesNotContain("S=abc)");
    }

    @Test
    void aCustomerWhoDoesNotExist_isErasedWithZeros_eachTimeWithItsOwnReceipt() {
        String project = newProject("erase-none");

        Response first = api.erase(project, "nobody");
        Response second = api.erase(project, "nobody");

        for (Response response : List.of(first, second)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("complete").booleanValue()).isTrue();
            assertThat(counts(response.json())).isEqualTo(ErasureCounts.NONE);
        }
        assertThat(first.json().path("receipt").asText()).isNotEqualTo(second.json().path("receipt").asText());
    }

    @Test
    void erasingTwice_erasesEverythingTheFirstTime_andNothingTheSecond() {
        String project = newProject("erase-twice");
        ErasureCounts seeded = ErasureData.customer(api, project, "c-1", 20);

        Response first = api.erase(project, "c-1");
        Response second = api.erase(project, "c-1");

        assertThat(counts(first.json())).isEqualTo(seeded);
        assertThat(counts(second.json())).isEqualTo(ErasureCounts.NONE);
        assertThat(stored.events(project, "c-1")).isEmpty();
    }

    @Test
    void aKeyWithoutTheEraseScope_is403_andNothingIsErased() {
        String project = newProject("erase-scope");
        ErasureData.customer(api, project, "c-1", 2);

        for (Set<Scope> scopes : List.of(Set.of(Scope.TRACK), Set.of(Scope.READ), Set.of(Scope.TRACK, Scope.READ))) {
            Response response = api.call(ApiGatewayEvents.delete("c-1", project, scopes));

            assertThat(response.status()).as(scopes + ": " + response).isEqualTo(403);
            assertThat(response.json().path("type").asText()).isEqualTo("AuthorizationError");
            assertThat(response.json().path("message").asText()).isEqualTo("This API key may not erase");
        }
        assertThat(stored.events(project, "c-1")).hasSize(2 + ErasureData.EVENTS_WITH_IDS);
        assertThat(stored.profile(project, "c-1")).isPresent();
    }

    @Test
    void anIdHoldingPercentSlashOrEmoji_isTheIdAsApiGatewayDeliversIt_neverDecodedAgain() {
        String project = newProject("erase-ids");
        List<String> ids = List.of("100%25off", "a/b", "a b+c", "ünï😀", "x?y#z");
        Map<String, ErasureCounts> seeded = new HashMap<>();
        for (String id : ids) {
            seeded.put(id, ErasureData.customer(api, project, id, 2));
        }
        ErasureData.customer(api, project, "100%off", 2);

        for (String id : ids) {
            Response response = api.erase(project, id);

            assertThat(response.status()).as(id + ": " + response).isEqualTo(200);
            assertThat(counts(response.json())).as(id).isEqualTo(seeded.get(id));
            assertThat(stored.events(project, id)).as(id).isEmpty();
        }
        assertThat(stored.events(project, "100%off")).as("not the decoded id").isNotEmpty();
    }

    @Test
    void anInvalidOrMissingId_is422NamingIt() {
        String project = newProject("erase-invalid");

        Response tooLong = api.erase(project, "x".repeat(257));
        Response blank = api.erase(project, "   ");
        Response control = api.erase(project, "a\u0007b");

        for (Response response : List.of(tooLong, blank, control)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(422);
            assertThat(response.json().at("/details/0/path/0").asText()).isEqualTo("id");
        }
        assertThat(tooLong.json().at("/details/0/type").asText()).isEqualTo("string.max");
        var missing = ApiGatewayEvents.delete("x", project, Scope.ALL);
        missing.setPathParameters(null);
        Response noId = api.call(missing);
        assertThat(noId.status()).as("API Gateway never routes an empty id here; a direct call without one")
                .isEqualTo(422);
        assertThat(noId.json().at("/details/0/path/0").asText()).isEqualTo("id");
        assertThat(noId.json().at("/details/0/type").asText()).isEqualTo("any.required");
    }

    @Test
    void twoErasuresOfTheSameCustomerAtOnce_shareOneReceipt_andCountEachItemOnce() throws Exception {
        String project = newProject("erase-concurrent");
        ErasureCounts seeded = ErasureData.customer(api, project, "twice", 3_000);
        TrackingApi otherEnvironment = new TrackingApi(dynamoDb, tables);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<Response> first = callers.submit(() -> api.erase(project, "twice"));
            Future<Response> second = callers.submit(() -> otherEnvironment.erase(project, "twice"));
            List<Response> responses = List.of(first.get(), second.get());

            for (Response response : responses) {
                assertThat(response.status()).as(response.toString()).isIn(200, 202);
            }
            assertThat(responses.get(0).json().path("receipt").asText())
                    .isEqualTo(responses.get(1).json().path("receipt").asText());
            Response finished = api.erase(project, "twice");
            String receiptId = responses.get(0).json().path("receipt").asText();
            assertThat(receipt(receiptId).erased()).isEqualTo(seeded);
            assertThat(receipt(receiptId).complete()).isTrue();
            assertThat(finished.status()).isEqualTo(200);
            assertThat(stored.events(project, "twice")).isEmpty();
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aLowTimeBudget_answers202WithTheCountsSoFar_andCallingAgainFinishes_theCountsAddingUp() {
        String project = newProject("erase-budget");
        ErasureCounts seeded = ErasureData.customer(api, project, "big", 3_500);
        long budgetMillis = 50;
        TrackingApi hurried = new TrackingApi(dynamoDb, tables, Map.of(EnvironmentVariables.ERASURE_SAFETY_MARGIN_MILLIS,
                Long.toString(TrackingApi.ERASURE_TIME.toMillis() - budgetMillis)));

        List<Response> responses = new ArrayList<>();
        Response response;
        do {
            response = hurried.erase(project, "big");
            responses.add(response);
            assertThat(responses).as("calls before the erasure completes").hasSizeLessThan(50);
            if (response.status() == 202 && counts(response.json()).events() == seeded.events()) {
                // Only the wait after the cutoff is left: a client honours Retry-After.
                sleepSeconds(Integer.parseInt(response.headers().get("retry-after")));
            }
        } while (response.status() == 202);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(responses.size()).as("202s before the 200").isGreaterThanOrEqualTo(3);
        long previous = 0;
        for (Response partial : responses.subList(0, responses.size() - 1)) {
            assertThat(partial.status()).isEqualTo(202);
            assertThat(ResponseContract.violations(partial)).isEmpty();
            assertThat(partial.json().path("complete").booleanValue()).isFalse();
            assertThat(partial.headers()).containsKey("retry-after");
            assertThat(partial.json().path("receipt").asText()).isEqualTo(response.json().path("receipt").asText());
            long total = counts(partial.json()).total();
            assertThat(total).as("counts so far only grow").isGreaterThanOrEqualTo(previous);
            previous = total;
        }
        assertThat(counts(response.json())).isEqualTo(seeded);
        assertThat(stored.events(project, "big")).isEmpty();
    }

    private static void sleepSeconds(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ErasureCounts counts(JsonNode body) {
        JsonNode erased = body.path("erased");
        return new ErasureCounts(erased.path("profile").asLong(), erased.path("events").asLong(),
                erased.path("other").asLong());
    }

    ErasureReceipt receipt(String receiptId) {
        return new DynamoDbErasureLedger(dynamoDb, tables.erasureReceipts()).find(receiptId).orElseThrow();
    }

    /** Receipts and the projects' erasure counts are what an erasure writes: the rest must be untouched. */
    private static List<Map<String, AttributeValue>> withoutReceiptsAndCounts(List<Map<String, AttributeValue>> items) {
        return items.stream()
                .filter(item -> !item.containsKey("id"))
                .filter(item -> item.get(CustomersTable.SK) == null
                        || !CustomersTable.ERASURES.equals(item.get(CustomersTable.SK).s()))
                .filter(item -> item.get(CustomersTable.PK) == null
                        || !item.get(CustomersTable.PK).s().startsWith("#erasure"))
                .toList();
    }
}
