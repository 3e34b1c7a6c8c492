package dev.trackingapi.integration;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.trackingapi.auth.ApiKeys;
import dev.trackingapi.entrypoints.AddCollectionProductsHandler;
import dev.trackingapi.entrypoints.ApiKeyAuthorizerHandler;
import dev.trackingapi.entrypoints.CustomerEventsHandler;
import dev.trackingapi.entrypoints.CustomerHandler;
import dev.trackingapi.entrypoints.DeleteCollectionHandler;
import dev.trackingapi.entrypoints.DeleteProductHandler;
import dev.trackingapi.entrypoints.EraseCustomerHandler;
import dev.trackingapi.entrypoints.EventSchemaHandler;
import dev.trackingapi.entrypoints.ExplorerHandler;
import dev.trackingapi.entrypoints.GetCollectionProductsHandler;
import dev.trackingapi.entrypoints.GetProductHandler;
import dev.trackingapi.entrypoints.RemoveCollectionProductsHandler;
import dev.trackingapi.entrypoints.RestApiCustomerHandler;
import dev.trackingapi.entrypoints.RestApiEventHandler;
import dev.trackingapi.entrypoints.SchemaHandler;
import dev.trackingapi.entrypoints.TrackBatchHandler;
import dev.trackingapi.entrypoints.TrackEventHandler;
import dev.trackingapi.entrypoints.TrackEventV2Handler;
import dev.trackingapi.entrypoints.TrackUserHandler;
import dev.trackingapi.entrypoints.UpsertCollectionHandler;
import dev.trackingapi.entrypoints.UpsertProductHandler;
import dev.trackingapi.template.TemplateHttpApi;
import dev.trackingapi.template.TemplateTables;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** template.yaml routes exactly the documented routes, each to its handler class, behind the key authorizer. */
class TemplateRoutesTest {
    private static TemplateHttpApi api;

    @BeforeAll
    static void readTemplate() {
        Optional<Path> template = TemplateTables.findTemplate();
        Assumptions.assumeTrue(template.isPresent(), "template.yaml not found (functions/ copied alone)");
        api = TemplateHttpApi.read(template.get());
    }

    @Test
    void routes_areTheDocumentedRoutes_eachToItsHandler_behindTheAuthorizer_butTheExplorerPage() {
        Map<String, Class<?>> expected = Map.ofEntries(
                Map.entry("POST /track/event/v2", TrackEventV2Handler.class),
                Map.entry("POST /track/event", TrackEventHandler.class),
                Map.entry("POST /rest-api/event", RestApiEventHandler.class),
                Map.entry("POST /track/user", TrackUserHandler.class),
                Map.entry("POST /rest-api/customer", RestApiCustomerHandler.class),
                Map.entry("POST /track/batch", TrackBatchHandler.class),
                Map.entry("POST /product", UpsertProductHandler.class),
                Map.entry("DELETE /product/{id}", DeleteProductHandler.class),
                Map.entry("GET /product/{id}", GetProductHandler.class),
                Map.entry("POST /collection", UpsertCollectionHandler.class),
                Map.entry("DELETE /collection/{id}", DeleteCollectionHandler.class),
                Map.entry("POST /collection/{id}/products/add", AddCollectionProductsHandler.class),
                Map.entry("POST /collection/{id}/products/remove", RemoveCollectionProductsHandler.class),
                Map.entry("GET /collection/{id}/products", GetCollectionProductsHandler.class),
                Map.entry("GET /customers/{id}", CustomerHandler.class),
                Map.entry("DELETE /customers/{id}", EraseCustomerHandler.class),
                Map.entry("GET /customers", CustomerHandler.class),
                Map.entry("GET /customers/{id}/events", CustomerEventsHandler.class),
                Map.entry("GET /events", CustomerEventsHandler.class),
                Map.entry("GET /schema", SchemaHandler.class),
                Map.entry("GET /schema/events/{name+}", EventSchemaHandler.class),
                Map.entry("GET /explorer", ExplorerHandler.class));

        assertThat(api.routes()).hasSize(expected.size());
        for (TemplateHttpApi.Route route : api.routes()) {
            assertThat(expected).containsKey(route.routeKey());
            assertThat(api.function(route.functionLogicalId()).handlerClass())
                    .isEqualTo(expected.get(route.routeKey()).getName());
            assertThat(api.function(route.functionLogicalId()).handlerMethod()).isEqualTo("handleRequest");
            if (route.routeKey().equals("GET /explorer")) {
                assertThat(route.authorizer()).as("the page needs no key; its data calls do").isEmpty();
            } else {
                assertThat(route.authorizer()).contains("ApiKeyAuthorizer");
            }
        }
    }

    @Test
    void authorizer_isTheKeyHandler_onTheKeyHeader_cachedForTheParameterDefault() throws Exception {
        TemplateHttpApi.LambdaAuthorizer authorizer = api.authorizer("ApiKeyAuthorizer", Map.of());

        assertThat(authorizer.identitySource()).containsExactly("$request.header." + ApiKeys.HEADER);
        assertThat(authorizer.reauthorizeEverySeconds()).isEqualTo(300);
        assertThat(authorizer.simpleResponses()).isTrue();
        assertThat(authorizer.payloadFormatVersion()).isEqualTo("2.0");
        String handler = api.function(authorizer.functionLogicalId()).handlerClass();
        assertThat(handler).isEqualTo(ApiKeyAuthorizerHandler.class.getName());
        assertThat(RequestHandler.class).isAssignableFrom(Class.forName(handler));
        assertThat(api.authorizer("ApiKeyAuthorizer", Map.of("AuthorizerCacheTtlSeconds", "0"))
                .reauthorizeEverySeconds()).isZero();
    }

    @Test
    void environment_resolvesTableRefsToTheGivenNames_andParametersToTheirDefaults() {
        Map<String, String> environment = api.environment("ApiKeyAuthorizerFunction",
                Map.of("ApiKeysTable", "local-keys"));

        assertThat(environment).containsEntry("API_KEYS_TABLE", "local-keys")
                .containsEntry("API_KEY_CACHE_SECONDS", "30")
                .containsEntry("DYNAMODB_ENDPOINT", "");
        assertThat(api.stageName(Map.of())).isEqualTo(TemplateHttpApi.DEFAULT_STAGE);
    }
}
