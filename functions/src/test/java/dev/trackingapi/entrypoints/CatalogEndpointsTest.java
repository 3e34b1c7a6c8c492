package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.service.ProductCatalog;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.testing.InMemoryCatalogStore;
import dev.trackingapi.testing.LambdaContexts;
import dev.trackingapi.testing.ResponseContract;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog's handlers on an in-memory catalog: their answers byte for byte, and what a refusal writes (nothing). */
class CatalogEndpointsTest {
    private static final String PRODUCT = "{\"id\":\"p1\",\"name\":\"Mixer\",\"image\":\"https://cdn.example.com/m.png\","
            + "\"url\":\"https://shop.example.com/m\",\"price\":12.20,\"status\":\"inStock\"}";

    private final InMemoryCatalogStore store = new InMemoryCatalogStore(49);
    private final ProductCatalog catalog = new ProductCatalog(store);
    private final Clock clock = Clock.systemUTC();

    private APIGatewayV2HTTPResponse call(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                          String routeKey, Map<String, String> path, String scopes, String body) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(ApiGatewayEvents.request(routeKey, path, Map.of(),
                "shop", scopes, body, false, Instant.now()), null);
        assertThat(ResponseContract.violations(response.getStatusCode(), response.getHeaders(), response.getBody()))
                .isEmpty();
        return response;
    }

    @Test
    void theVendorsDocumentedValidationError_comesOutByteForByte() {
        APIGatewayV2HTTPResponse response = call(new UpsertProductHandler(catalog, clock), "POST /product", Map.of(),
                null, PRODUCT.replace("\"inStock\"", "\"1outOfStock\""));

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getBody()).isEqualTo("{\"type\":\"ValidationError\",\"details\":[{\"message\":\"status must"
                + " be one of [inStock, outOfStock]\",\"path\":[\"status\"],\"type\":\"any.allowOnly\",\"context\":"
                + "{\"value\":\"1outOfStock\",\"valids\":[\"inStock\",\"outOfStock\"],\"key\":\"status\",\"label\":"
                + "\"status\"}}]}");
        assertThat(store.writes()).isZero();
    }

    @Test
    void aValidProduct_isUpserted_andAnswersSuccess() {
        APIGatewayV2HTTPResponse response = call(new UpsertProductHandler(catalog, clock), "POST /product", Map.of(),
                null, PRODUCT);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("{\"success\":true}");
        assertThat(catalog.product("shop", "p1")).isPresent();
    }

    @Test
    void aMappingRequest_listsThePathsProblemsWithTheBodys_andWritesNothing() {
        APIGatewayV2HTTPResponse response = call(new AddCollectionProductsHandler(catalog, clock),
                "POST /collection/{id}/products/add", Map.of("id", "  "), null, "{\"products\":[]}");

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getBody()).contains("\"path\":[\"id\"],\"type\":\"string.blank\"")
                .contains("\"path\":[\"products\"],\"type\":\"array.min\"");
        assertThat(store.writes()).isZero();
    }

    @Test
    void aPathId_isTheIdAsApiGatewayDecodedIt_aPercentSignIncluded() {
        call(new UpsertProductHandler(catalog, clock), "POST /product", Map.of(), null,
                PRODUCT.replace("\"p1\"", "\"100%\""));

        APIGatewayV2HTTPResponse response = call(new DeleteProductHandler(catalog, clock), "DELETE /product/{id}",
                Map.of("id", "100%"), null, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(catalog.product("shop", "100%")).isEmpty();
    }

    @Test
    void aDeleteThatRunsOutOfTime_answers202_sayingHowToFinish() {
        call(new UpsertProductHandler(catalog, clock), "POST /product", Map.of(), null, PRODUCT);

        APIGatewayV2HTTPResponse response = new DeleteProductHandler(catalog, clock).handleRequest(
                ApiGatewayEvents.request("DELETE /product/{id}", Map.of("id", "p1"), Map.of(), "shop", null, null,
                        false, Instant.now()), LambdaContexts.withRemaining(ApiRequest.WORK_RESERVE.minusMillis(1)));

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getBody()).isEqualTo("{\"success\":false,\"inProgress\":true,\"message\":\"The product"
                + " \\\"p1\\\" reads as deleted and nothing can be mapped to it any more, but some of its collection"
                + " mappings are still being removed. Send the same DELETE again to finish: it resumes where this one"
                + " stopped, and answers 200 {\\\"success\\\":true} when nothing of the product is left.\"}");
        assertThat(call(new DeleteProductHandler(catalog, clock), "DELETE /product/{id}", Map.of("id", "p1"), null,
                null).getBody()).isEqualTo("{\"success\":true}");
    }

    @Test
    void theReadsNeedRead_theWritesTrack() {
        assertThat(call(new GetProductHandler(catalog, clock), "GET /product/{id}", Map.of("id", "p1"), "track", null)
                .getStatusCode()).isEqualTo(403);
        assertThat(call(new GetCollectionProductsHandler(catalog, clock), "GET /collection/{id}/products",
                Map.of("id", "c1"), "track", null).getBody()).contains("may not read");
        assertThat(call(new UpsertCollectionHandler(catalog, clock), "POST /collection", Map.of(), "read",
                "{\"id\":\"c1\",\"name\":\"C\"}").getBody()).contains("may not track");
        assertThat(call(new GetProductHandler(catalog, clock), "GET /product/{id}", Map.of("id", "p1"), "read", null)
                .getStatusCode()).isEqualTo(404);
        assertThat(store.writes()).isZero();
    }
}
