package dev.trackingapi.priming;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.entrypoints.AddCollectionProductsHandler;
import dev.trackingapi.entrypoints.DeleteCollectionHandler;
import dev.trackingapi.entrypoints.DeleteProductHandler;
import dev.trackingapi.entrypoints.EraseCustomerHandler;
import dev.trackingapi.entrypoints.GetCollectionProductsHandler;
import dev.trackingapi.entrypoints.GetProductHandler;
import dev.trackingapi.entrypoints.RemoveCollectionProductsHandler;
import dev.trackingapi.entrypoints.TrackEventV2Handler;
import dev.trackingapi.entrypoints.TrackUserHandler;
import dev.trackingapi.entrypoints.UpsertCollectionHandler;
import dev.trackingapi.entrypoints.UpsertProductHandler;
import dev.trackingapi.service.CustomerEraser;
import dev.trackingapi.service.ProductCatalog;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.testing.EmfDocuments;
import dev.trackingapi.wiring.Wiring;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SnapStart priming rehearses whole requests through the wired handler, on a client that sends nothing. */
class RehearsalTest {
    private final Rehearsal rehearsal = new Rehearsal();

    @Test
    void everyEventSample_goesThroughTheWholeHandler() {
        TrackEventV2Handler handler = new TrackEventV2Handler(Wiring.eventTracker(rehearsal.dynamoDb,
                rehearsal.tables), Clock.systemUTC());

        rehearsal.httpClient.rehearse(() -> {
            for (String body : PrimingSamples.EVENT_REQUESTS) {
                APIGatewayV2HTTPResponse response = handler.handleRequest(ApiGatewayEvents.post("/track/event/v2",
                        Primer.PROJECT, body), null);
                assertThat(response.getStatusCode()).as(body).isIn(200, 400, 422);
            }
            assertThat(handler.handleRequest(ApiGatewayEvents.post("/track/event/v2", Primer.PROJECT,
                    PrimingSamples.EVENT), null).getBody()).isEqualTo("{\"success\":true}");
        });
        assertThat(rehearsal.realRequests).hasValue(0);
    }

    @Test
    void everyCustomerSample_goesThroughTheWholeHandler() {
        TrackUserHandler handler = new TrackUserHandler(Wiring.customerTracker(rehearsal.dynamoDb, rehearsal.tables),
                Clock.systemUTC());

        rehearsal.httpClient.rehearse(() -> {
            for (String body : PrimingSamples.CUSTOMER_REQUESTS) {
                APIGatewayV2HTTPResponse response = handler.handleRequest(ApiGatewayEvents.post("/track/user",
                        Primer.PROJECT, body), null);
                assertThat(response.getStatusCode()).as(body).isIn(200, 400, 422);
            }
            assertThat(handler.handleRequest(ApiGatewayEvents.post("/track/user", Primer.PROJECT,
                    PrimingSamples.CUSTOMER), null).getBody()).isEqualTo("{\"success\":true}");
        });
        assertThat(rehearsal.realRequests).hasValue(0);
    }

    @Test
    void everyCatalogRoutesSamples_goThroughItsHandler_answeredAsAClientWouldBe_sendingNothing() {
        ProductCatalog catalog = Wiring.productCatalog(rehearsal.dynamoDb, rehearsal.tables);
        Clock clock = Clock.systemUTC();
        Map<CatalogRoute, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers = Map.of(
                CatalogRoute.UPSERT_PRODUCT, new UpsertProductHandler(catalog, clock),
                CatalogRoute.DELETE_PRODUCT, new DeleteProductHandler(catalog, clock),
                CatalogRoute.GET_PRODUCT, new GetProductHandler(catalog, clock),
                CatalogRoute.UPSERT_COLLECTION, new UpsertCollectionHandler(catalog, clock),
                CatalogRoute.DELETE_COLLECTION, new DeleteCollectionHandler(catalog, clock),
                CatalogRoute.ADD_PRODUCTS, new AddCollectionProductsHandler(catalog, clock),
                CatalogRoute.REMOVE_PRODUCTS, new RemoveCollectionProductsHandler(catalog, clock),
                CatalogRoute.LIST_PRODUCTS, new GetCollectionProductsHandler(catalog, clock));
        assertThat(handlers).containsOnlyKeys(CatalogRoute.values());

        rehearsal.httpClient.rehearse(() -> handlers.forEach((route, handler) -> {
            Set<Integer> statuses = new HashSet<>();
            for (int round = 0; round < 20; round++) {
                statuses.add(handler.handleRequest(PrimingSamples.catalogRequest(route, round), null).getStatusCode());
            }
            assertThat(statuses).as(route + ": a rehearsal meets no item, and refusals").isSubsetOf(200, 400, 404, 422)
                    .contains(route == CatalogRoute.GET_PRODUCT || route == CatalogRoute.LIST_PRODUCTS ? 404
                            : route == CatalogRoute.ADD_PRODUCTS ? 422 : 200);
        }));
        assertThat(rehearsal.realRequests).hasValue(0);
    }

    @Test
    void everyErasureSample_goesThroughTheWholeHandler_andTheKeyItMadeUpIsForgotten() {
        CustomerEraser eraser = Wiring.customerEraser(rehearsal.dynamoDb, rehearsal.tables.asEnvironment());
        EraseCustomerHandler handler = new EraseCustomerHandler(eraser, Clock.systemUTC());
        Set<Integer> statuses = new HashSet<>();

        rehearsal.httpClient.rehearse(() -> {
            for (int round = 0; round < PrimingSamples.ERASURE_IDS.size(); round++) {
                APIGatewayV2HTTPResponse response = handler.handleRequest(PrimingSamples.erasureRequest(round), null);
                statuses.add(response.getStatusCode());
                assertThat(response.getStatusCode()).as(response.getBody()).isIn(200, 422);
            }
        });
        eraser.forget();

        assertThat(statuses).containsExactlyInAnyOrder(200, 422);
        assertThat(rehearsal.realRequests).hasValue(0);
        assertThatThrownBy(() -> eraser.customerHash("p", "c")).as("the next hash asks DynamoDB for the real key")
                .isInstanceOf(RuntimeException.class);
        assertThat(rehearsal.realCalls).as("the SDK's attempts of one request").isNotEmpty()
                .allSatisfy(call -> assertThat(call).startsWith("PutItem").contains(rehearsal.tables.customers())
                        .contains("#erasure"));
    }

    @Test
    void theRehearsalMeetsANewProjectEveryFewRequests_sendsNothing_andThenForgetsWhatItLearnt() {
        Wiring.EventServices services = Wiring.eventServices(rehearsal.dynamoDb, rehearsal.tables.asEnvironment());
        TrackEventV2Handler wired = new TrackEventV2Handler(services.tracker(), Clock.systemUTC());
        Set<String> projects = new HashSet<>();
        AtomicInteger answered = new AtomicInteger();
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = (event, context) -> {
            projects.add((String) event.getRequestContext().getAuthorizer().getLambda().get(ApiRequest.PROJECT_ID));
            APIGatewayV2HTTPResponse response = wired.handleRequest(event, context);
            if (response.getStatusCode() != 500 && response.getStatusCode() != 503) {
                answered.incrementAndGet();
            }
            return response;
        };
        AtomicInteger warmUps = new AtomicInteger();
        AtomicInteger sentBeforeWarmUp = new AtomicInteger(-1);
        int before = Primer.registered().size();
        Primer.eventFunction(handler, rehearsal.httpClient, services.types(), services.profiles(), () -> {
            sentBeforeWarmUp.compareAndSet(-1, rehearsal.realRequests.get());
            warmUps.incrementAndGet();
        });
        Primer primer = Primer.registered().get(before);

        assertThat(EmfDocuments.printedBy(primer::run)).as("rehearsed requests are not requests: no metrics").isEmpty();

        assertThat(projects).hasSize(Primer.REHEARSED_REQUESTS / Primer.REQUESTS_PER_PROJECT);
        assertThat(answered).as("rehearsed requests answered as a client would be").hasValue(Primer.REHEARSED_REQUESTS);
        assertThat(sentBeforeWarmUp).as("requests that left the function during the rehearsal").hasValue(0);
        assertThat(warmUps).hasValue(Primer.REAL_DYNAMODB_ROUNDS);
        rehearsal.realCalls.clear();
        assertThat(EmfDocuments.printedBy(() -> wired.handleRequest(ApiGatewayEvents.post("/track/event/v2",
                Primer.PROJECT + "-0", PrimingSamples.EVENT.replace(PrimingSamples.CUSTOMER_ID,
                        PrimingSamples.CUSTOMER_ID + "0")), null))).as("a real request's metrics").hasSize(1);
        assertThat(rehearsal.realCalls).as("what a rehearsed project's request asks first").first()
                .satisfies(first -> assertThat(first).startsWith("BatchGetItem")
                        .as("its types are forgotten").contains("Order ID")
                        .as("its customer is forgotten").contains(rehearsal.tables.customers()));
    }

    @Test
    void priming_survivesAFailingStep_andRunsTwice() {
        Wiring.CustomerServices services = Wiring.customerServices(rehearsal.dynamoDb,
                rehearsal.tables.asEnvironment());
        AtomicInteger rehearsed = new AtomicInteger();
        int before = Primer.registered().size();
        Primer.customerFunction((event, context) -> {
            rehearsed.incrementAndGet();
            return null;
        }, rehearsal.httpClient, services.types(), () -> {
            throw new IllegalStateException("no table");
        });
        Primer primer = Primer.registered().get(before);

        primer.run();
        primer.run();

        assertThat(rehearsed).hasValue(2 * Primer.REHEARSED_REQUESTS);
    }
}
