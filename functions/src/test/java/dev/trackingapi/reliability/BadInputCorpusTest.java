package dev.trackingapi.reliability;

import dev.trackingapi.reliability.RequestCorpus.Case;
import dev.trackingapi.reliability.RequestCorpus.Request;
import dev.trackingapi.testing.InMemoryStores;
import dev.trackingapi.testing.TrackingApi.Response;
import dev.trackingapi.testing.TrackingApi;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The corpus and its runner: the corpus covers what issue 7 asks for, and the runner's check fails when it should. */
class BadInputCorpusTest {
    private static final List<Case> BAD = RequestCorpus.load("corpus/bad");

    private static Case bad(String id) {
        return BAD.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theCorpusHoldsAtLeast200Cases_withUniqueIds() {
        Set<String> ids = new HashSet<>();
        BAD.forEach(c -> assertThat(ids.add(c.id())).as("duplicate id " + c.id()).isTrue());

        assertThat(BAD).hasSizeGreaterThanOrEqualTo(200);
    }

    @Test
    void theCorpusCoversEveryKindOfBadInputTheIssueNames() {
        assertThat(BAD).extracting(Case::id).contains(
                "truncated-after-colon", "truncated-half-of-a-valid-body", "root-array-of-one-event", "root-null",
                "missing-customer-id", "missing-time", "null-name", "every-field-null", "customer-id-a-number",
                "attributes-a-string", "event-name-empty", "event-name-50-characters", "typed-attribute-name-50-characters",
                "51-typed-attributes-in-an-event", "51-flat-attributes-in-an-event", "typed-entries-with-duplicate-names",
                "duplicate-attribute-names-in-one-flat-event", "unknown-type-colour", "string-given-a-number",
                "number-given-a-word", "boolean-given-yes", "date-given-a-boolean", "string-array-with-a-number",
                "number-map-with-a-word", "custom-given-an-array", "number-with-39-digits", "number-with-400-digits",
                "date-year-0", "date-year-10000", "date-2020-02-30", "invalid-utf8-in-a-value", "utf8-byte-order-mark",
                "event-name-nul-character", "typed-attribute-name-control-character", "event-name-50-emoji",
                "typed-attribute-name-50-emoji", "300-kb-event-body", "300-kb-customer-body",
                "10000-element-string-array-of-numbers", "10000-flat-attributes-in-an-event", "custom-nested-40-deep",
                "customer-id-257-characters", "customer-id-10000-characters", "time-as-a-numeric-string", "time-negative",
                "string-map-with-an-empty-key", "custom-with-an-empty-key", "event-name-lone-high-surrogate",
                "string-with-a-lone-surrogate", "duplicate-top-level-key", "trailing-garbage", "trailing-second-object");
    }

    @Test
    void everyCaseExpandsToARequest_andEveryBadStatusIsADocumented4xx() {
        List<Request> requests = RequestCorpus.requests(BAD, "unit");

        assertThat(requests).hasSizeGreaterThan(BAD.size() * 2);
        assertThat(requests).allSatisfy(request -> assertThat(request.event().getBody() != null
                || request.isRead()
                || request.event().getRequestContext().getHttp().getMethod().equals("GET")
                || request.source().id().startsWith("catalog-")
                || RequestCorpus.ERASE.equals(request.route())).as(request.source().id()).isTrue());
        assertThat(requests).filteredOn(request -> RequestCorpus.ERASE.equals(request.route())).isNotEmpty()
                .allSatisfy(request -> assertThat(request.event().getRouteKey()).isEqualTo(RequestCorpus.ERASE));
        assertThat(requests).filteredOn(Request::isRead).allSatisfy(request ->
                assertThat(request.event().getBody()).as(request.source().id()).isNull());
        assertThat(BAD).extracting(Case::status).containsOnly(400, 401, 403, 413, 422);
        assertThat(BAD).filteredOn(c -> c.read() != null).as("the read routes' cases").hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void theCorpusCoversEveryCatalogRoute_andTheCatalogsRules() {
        assertThat(BAD.stream().flatMap(c -> c.routes().stream())).containsAll(TrackingApi.CATALOG_ROUTES);
        assertThat(BAD).extracting(Case::id).contains("product-documented-status-example", "product-empty-object",
                "product-id-51-characters", "product-image-protocol-relative", "product-price-negative",
                "product-every-problem-at-once", "collection-empty-object", "mapping-1001-products",
                "mapping-bad-path-id-and-bad-body", "path-id-51-characters-once-decoded",
                "list-cursor-not-issued", "catalog-reads-with-a-track-only-key", "catalog-writes-with-a-read-only-key");
    }

    @Test
    void aCatalogCase_becomesItsRoutesEvent_withThePathIdAsSentAndItsQuery() {
        Case listing = bad("list-every-problem-at-once");
        Case path = bad("path-id-51-characters-once-decoded");

        Request request = RequestCorpus.requests(List.of(listing), "unit").get(0);
        assertThat(request.event().getRouteKey()).isEqualTo(TrackingApi.LIST_PRODUCTS);
        assertThat(request.event().getPathParameters()).containsEntry("id", "");
        assertThat(request.event().getQueryStringParameters()).containsEntry("limit", "-1");
        assertThat(request.event().getBody()).isNull();
        assertThat(RequestCorpus.requests(List.of(path), "unit").get(0).event().getPathParameters().get("id"))
                .isEqualTo("x".repeat(49) + "éé");
    }

    @Test
    void macrosRepeatWithAnIndex_andSpellRawBytes() {
        assertThat(new String(RequestCorpus.expand("[«\"a{i}\",*3»\"z\"]"), StandardCharsets.UTF_8))
                .isEqualTo("[\"a0\",\"a1\",\"a2\",\"z\"]");
        assertThat(RequestCorpus.expand("«hex:EF BB BF»{}")).containsExactly(0xEF, 0xBB, 0xBF, '{', '}');
        assertThat(RequestCorpus.isUtf8(RequestCorpus.expand("«hex:C3 28»"))).isFalse();
    }

    /** The runner's check, fed what a broken API would answer: a case that unexpectedly succeeds is a failure. */
    @Test
    void theCheckFails_whenABadCaseIsTracked() {
        TrackingApi api = new TrackingApi(new InMemoryStores());
        Response tracked = api.post(TrackingApi.TRACK_EVENT_V2, "p",
                "{\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":[]}");

        assertThat(CorpusCheck.violations(bad("time-negative"), tracked))
                .singleElement().asString().startsWith("expected 422 but got 200");
    }

    @Test
    void theCheckFails_whenTheProblemsAreNotExactlyTheExpectedOnes() {
        TrackingApi api = new TrackingApi(new InMemoryStores());
        Response otherProblem = api.post(TrackingApi.TRACK_EVENT_V2, "p",
                "{\"customerId\":\"c\",\"name\":\"\",\"time\":-1,\"attributes\":[]}");

        assertThat(CorpusCheck.violations(bad("time-negative"), otherProblem)).singleElement().asString()
                .contains("expected exactly the problems [[\"time\"] number.min]");
    }

    @Test
    void theCheckFails_whenAMessageDoesNotNameTheProblem() {
        TrackingApi api = new TrackingApi(new InMemoryStores());
        Response anotherSyntaxError = api.post(TrackingApi.TRACK_EVENT_V2, "p", "{\"customerId\":\"c\",}");

        assertThat(CorpusCheck.violations(bad("trailing-second-object"), anotherSyntaxError))
                .anySatisfy(violation -> assertThat(violation).contains("does not name \"more content after"));
    }

    @Test
    void theCheckFails_onAnUndocumentedBody() {
        Response leaky = new Response(400, java.util.Map.of("content-type", "application/json"),
                "{\"type\":\"BadRequestError\",\"message\":\"x\",\"stackTrace\":\"at dev.trackingapi...\"}");

        assertThat(CorpusCheck.violations(bad("trailing-second-object"), leaky))
                .anySatisfy(violation -> assertThat(violation).contains("are not the documented [message, type]"));
    }

    @Test
    void casesOfTheSingleRoutes_becomeBatchItems_whenTheirBodyIsAnObject() {
        List<Request> requests = RequestCorpus.requests(BAD, "unit");

        List<Request> items = RequestCorpus.asBatchItems(requests);

        assertThat(items).hasSizeGreaterThan(200).allSatisfy(item -> {
            assertThat(item.route()).isEqualTo(TrackingApi.TRACK_BATCH);
            assertThat(new String(item.body(), StandardCharsets.UTF_8)).startsWith("{\"batch\":[");
        });
        assertThat(items).extracting(item -> item.source().id()).contains("time-negative", "missing-customer-id")
                .doesNotContain("root-null", "trailing-second-object", "300-kb-event-body");
    }

    @Test
    void theCheckOfABatchItem_failsWhenTheItemIsStored_orRejectedForAnotherProblem() {
        TrackingApi api = new TrackingApi(new InMemoryStores());
        Response stored = api.post(TrackingApi.TRACK_BATCH, "p", "{\"batch\":[{\"type\":\"event\","
                + "\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":[]}]}");
        Response otherProblem = api.post(TrackingApi.TRACK_BATCH, "p", "{\"batch\":[{\"type\":\"event\","
                + "\"customerId\":\"c\",\"name\":\"\",\"time\":1,\"attributes\":[]}]}");

        assertThat(CorpusCheck.itemViolations(bad("time-negative"), stored)).singleElement().asString()
                .startsWith("expected the item rejected");
        assertThat(CorpusCheck.itemViolations(bad("time-negative"), otherProblem)).anySatisfy(violation ->
                assertThat(violation).contains("expected exactly the problems [[\"time\"] number.min]"));
    }
}
