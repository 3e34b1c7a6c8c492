package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import dev.trackingapi.auth.ApiKeyAuthenticator;
import dev.trackingapi.auth.ApiKeys;
import dev.trackingapi.model.Scope;
import dev.trackingapi.store.ApiKeyRecord;
import dev.trackingapi.store.ApiKeyStore;
import dev.trackingapi.store.StorageUnavailableException;
import dev.trackingapi.testing.EmfDocuments;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The authorizer counts the keys it refuses, with the route the call was for. */
class AuthorizerMetricsTest {
    private static final String ROUTE = "POST /track/user";

    private static APIGatewayV2CustomAuthorizerEvent call(String key) {
        return APIGatewayV2CustomAuthorizerEvent.builder().withVersion("2.0").withType("REQUEST")
                .withRouteKey(ROUTE).withHeaders(Map.of(ApiKeys.HEADER, key)).withIdentitySource(List.of(key)).build();
    }

    private static ApiKeyAuthorizerHandler authorizer(ApiKeyStore store) {
        return new ApiKeyAuthorizerHandler(new ApiKeyAuthenticator(store, Clock.systemUTC(), Duration.ZERO));
    }

    /** A key table that only answers lookups, the authorizer's one use of it. */
    private static ApiKeyStore finding(Supplier<Optional<ApiKeyRecord>> lookup) {
        return new ApiKeyStore() {
            @Override
            public Optional<ApiKeyRecord> findByHash(String keyHash) {
                return lookup.get();
            }

            @Override
            public ApiKeyRecord createIfAbsent(ApiKeyRecord record) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<ApiKeyRecord> listByProject(String projectId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean setScopes(String keyHash, Set<Scope> scopes) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean revoke(String keyHash, Instant now) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void aRefusedKey_isCountedForItsRoute() {
        ApiKeyAuthorizerHandler authorizer = authorizer(finding(Optional::empty));

        List<EmfDocuments.Document> lines = EmfDocuments.printedBy(() -> assertThat(
                authorizer.handleRequest(call(ApiKeys.PREFIX + "unknown-key-0123456789"), null))
                .containsEntry("isAuthorized", false));

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).values()).containsExactly(Map.entry("KeysRefused", 1L));
        assertThat(lines.get(0).dimensionSets("KeysRefused")).containsExactly(List.of("Route=" + ROUTE));
    }

    @Test
    void aMalformedKey_isCountedToo() {
        List<EmfDocuments.Document> lines = EmfDocuments.printedBy(
                () -> authorizer(finding(Optional::empty)).handleRequest(call("not-a-key"), null));

        assertThat(lines).singleElement().satisfies(line ->
                assertThat(line.values()).containsExactly(Map.entry("KeysRefused", 1L)));
    }

    @Test
    void anUnreadableKeyTable_isALambdaError_notA503_soItCountsNothing() {
        ApiKeyStore throttled = finding(() -> {
            throw new StorageUnavailableException("throttled", null);
        });

        List<EmfDocuments.Document> lines = EmfDocuments.printedBy(() -> assertThatThrownBy(() ->
                authorizer(throttled).handleRequest(call(ApiKeys.PREFIX + "some-key-0123456789abcdef"), null))
                .isInstanceOf(StorageUnavailableException.class));

        assertThat(lines).as("API Gateway answers 500: StorageUnavailable counts 503s only").isEmpty();
    }
}
