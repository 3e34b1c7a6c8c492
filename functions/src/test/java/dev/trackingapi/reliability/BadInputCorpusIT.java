package dev.trackingapi.reliability;

import dev.trackingapi.api.Json;
import dev.trackingapi.model.CatalogKind;
import dev.trackingapi.reliability.RequestCorpus.Case;
import dev.trackingapi.reliability.RequestCorpus.Request;
import dev.trackingapi.testing.ReadApi;
import dev.trackingapi.testing.StoredData;
import dev.trackingapi.testing.TestDynamoDb;
import dev.trackingapi.testing.TrackingApi.Response;
import dev.trackingapi.testing.TrackingApi;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The bad-input corpus (src/test/resources/corpus/bad) through every route it applies to, as text and as base64
 * (the read routes' cases as GETs),
 * against DynamoDB Local: each request gets its documented 4xx naming the problem and its path, never a 5xx, and
 * writes nothing (each request has a project of its own, and the tables are scanned for any item of the run).
 * A case of /track/event/v2 or /track/user that is a JSON object is also sent as the one item of a batch, which must
 * reject it with the same problems (or store it, for the must-succeed cases).
 * The must-succeed list (corpus/must-succeed) holds the valid edge cases next to them, which must be tracked (or, on
 * the catalog's upserts, stored).
 */
class BadInputCorpusIT {
    private final TrackingApi api = new TrackingApi(TestDynamoDb.client(), TestDynamoDb.tables());
    private final ReadApi read = new ReadApi(TestDynamoDb.client(), TestDynamoDb.tables());
    private final StoredData stored = new StoredData(TestDynamoDb.client(), TestDynamoDb.tables());

    private static String runToken(String kind) {
        return kind + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @TestFactory
    Stream<DynamicNode> everyBadCase_onEveryRouteItAppliesTo_isRefusedAsDocumented_andWritesNothing() {
        String run = runToken("bad");
        List<Case> cases = RequestCorpus.load("corpus/bad");
        List<Request> requests = new ArrayList<>(RequestCorpus.requests(cases, run));
        requests.addAll(RequestCorpus.asBatchItems(requests));
        Map<Case, List<DynamicNode>> testsByCase = new LinkedHashMap<>();
        for (Request request : requests) {
            testsByCase.computeIfAbsent(request.source(), c -> new ArrayList<>()).add(dynamicTest(request.name(), () -> {
                Response response = request.isRead() ? read.call(request.event()) : api.call(request.event());
                assertThat(CorpusCheck.violations(request, response)).as(request.source().id()).isEmpty();
            }));
        }
        Stream<DynamicNode> perCase = testsByCase.entrySet().stream().map(entry ->
                dynamicContainer(entry.getKey().file() + ": " + entry.getKey().id(), entry.getValue()));
        DynamicTest nothingWritten = dynamicTest("none of the " + requests.size() + " requests of the "
                + cases.size() + " cases wrote anything", () -> assertThat(writtenBy(run, requests)).isEmpty());
        return Stream.concat(perCase, Stream.of(nothingWritten));
    }

    @TestFactory
    Stream<DynamicNode> everyMustSucceedCase_onEveryRouteItAppliesTo_isTracked() {
        String run = runToken("ok");
        List<Request> requests = new ArrayList<>(RequestCorpus.requests(RequestCorpus.load("corpus/must-succeed"), run));
        requests.addAll(RequestCorpus.asBatchItems(requests));
        return requests.stream().map(request -> dynamicTest(request.source().id() + " " + request.name(), () -> {
            Response response = api.call(request.event());
            assertThat(CorpusCheck.violations(request, response)).isEmpty();
            if (!request.batchItem()) {
                assertThat(response.body()).isEqualTo("{\"success\":true}");
            }
            if (TrackingApi.isCatalogRoute(request.route())) {
                String id = Json.MAPPER.readTree(request.body()).get("id").asText();
                CatalogKind kind = request.route().equals(TrackingApi.UPSERT_PRODUCT) ? CatalogKind.PRODUCT
                        : CatalogKind.COLLECTION;
                assertThat(stored.catalogEntry(kind, request.projectId(), id)).isPresent();
            } else if (TrackingApi.isEventRoute(request.route()) || request.batchItem()
                    && new String(request.body(), java.nio.charset.StandardCharsets.UTF_8).contains("\"type\":\"event\"")) {
                assertThat(stored.events(request.projectId(), request.customerId())).hasSize(1);
            } else {
                assertThat(stored.profile(request.projectId(), request.customerId())).isPresent();
            }
        }));
    }

    /** The check above can fail: a request that does write is found, and named by its case. */
    @Test
    void theWriteCheck_findsTheWritesOfARequestThatWasTracked() {
        String run = runToken("bad");
        Case valid = RequestCorpus.load("corpus/must-succeed").get(0);
        List<Request> requests = RequestCorpus.requests(List.of(valid), run);

        assertThat(api.call(requests.get(0).event()).status()).isEqualTo(200);

        assertThat(writtenBy(run, requests)).isNotEmpty().allSatisfy(line -> assertThat(line).contains(valid.id()));
    }

    /** Items in the tables that belong to the run, each described with the case and route that wrote it. */
    private List<String> writtenBy(String run, List<Request> requests) {
        List<String> written = new ArrayList<>();
        for (Map<String, AttributeValue> item : stored.itemsWhoseKeyContains(run)) {
            String pk = item.get("pk").s();
            String project = pk.split("[#!]", 2)[0];
            String customer = pk.substring(Math.min(pk.length(), project.length() + 1));
            String culprit = requests.stream()
                    .filter(r -> project.equals(r.projectId()) || customer.equals(r.customerId()))
                    .map(r -> r.source().id() + " " + r.name()).findFirst().orElse("an unknown request");
            written.add(culprit + " wrote " + pk + " / " + item.get("sk").s());
        }
        return written;
    }
}
