package dev.trackingapi.integration;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.trackingapi.auth.ApiKeys;
import dev.trackingapi.entrypoints.ApiKeyAuthorizerHandler;
import dev.trackingapi.entrypoints.EraseCustomerHandler;
import dev.trackingapi.entrypoints.RestApiCustomerHandler;
import dev.trackingapi.entrypoints.RestApiEventHandler;
import dev.trackingapi.entrypoints.TrackEventHandler;
import dev.trackingapi.entrypoints.TrackEventV2Handler;
import dev.trackingapi.entrypoints.TrackUserHandler;
import dev.trackingapi.template.TemplateHttpApi;
import dev.trackingapi.template.TemplateTables;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** template.yaml routes exactly the documented paths, each to its handler class, behind the key authorizer. */
class TemplateRoutesTest {
    private static TemplateHttpApi api;

    @BeforeAll
    static void readTemplate() {
        Optional<Path> template = TemplateTables.findTemplate();
        Assumptions.assumeTrue(template.isPresent(), "template.yaml not found (functions/ copied alone)");
        api = TemplateHttpApi.read(template.get());
    }

    @Test
    void routes_areTheFiveDocumentedPostsAndTheErasure_eachToItsHandler_behindTheAuthorizer() {
        Map<String, Class<?>> expected = Map.of(
                "POST /track/event/v2", TrackEventV2Handler.class,
                "POST /track/event", TrackEventHandler.class,
                "POST /rest-api/event", RestApiEventHandler.class,
                "POST /track/user", TrackUserHandler.class,
                "POST /rest-api/customer", RestApiCustomerHandler.class,
                "DELETE /customers/{id}", EraseCustomerHandler.class);

        assertThat(api.routes()).hasSize(expected.size());
        for (TemplateHttpApi.Route route : api.routes()) {
            assertThat(expected).containsKey(route.routeKey());
            assertThat(api.function(route.functionLogicalId()).handlerClass())
                    .isEqualTo(expected.get(route.routeKey()).getName());
            assertThat(api.function(route.functionLogicalId()).handlerMethod()).isEqualTo("handleRequest");
            assertThat(route.authorizer()).contains("ApiKeyAuthorizer");
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
