package dev.trackingapi.auth;

import dev.trackingapi.model.Scope;
import dev.trackingapi.store.ApiKeyRecord;
import dev.trackingapi.store.ApiKeyStore;
import dev.trackingapi.store.StorageUnavailableException;
import dev.trackingapi.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyAuthenticatorTest {

    static final class FakeStore implements ApiKeyStore {
        final Map<String, ApiKeyRecord> records = new HashMap<>();
        int lookups;
        boolean unavailable;

        @Override
        public Optional<ApiKeyRecord> findByHash(String keyHash) {
            lookups++;
            if (unavailable) {
                throw new StorageUnavailableException("down", null);
            }
            return Optional.ofNullable(records.get(keyHash));
        }

        @Override
        public ApiKeyRecord createIfAbsent(ApiKeyRecord record) {
            return records.putIfAbsent(record.keyHash(), record) == null ? record : records.get(record.keyHash());
        }

        @Override
        public List<ApiKeyRecord> listByProject(String projectId) {
            return new ArrayList<>(records.values());
        }

        @Override
        public boolean setScopes(String keyHash, Set<Scope> scopes) {
            ApiKeyRecord record = records.get(keyHash);
            if (record == null) {
                return false;
            }
            records.put(keyHash, new ApiKeyRecord(keyHash, record.projectId(), scopes, record.label(),
                    record.createdAt(), record.revoked(), record.revokedAt()));
            return true;
        }

        @Override
        public boolean revoke(String keyHash, Instant now) {
            ApiKeyRecord record = records.get(keyHash);
            if (record == null) {
                return false;
            }
            records.put(keyHash, new ApiKeyRecord(keyHash, record.projectId(), record.scopes(), record.label(), record.createdAt(), true, now));
            return true;
        }
    }

    private final FakeStore store = new FakeStore();
    private final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(store, clock, Duration.ofSeconds(30));

    private void register(String key, String projectId) {
        store.createIfAbsent(new ApiKeyRecord(ApiKeys.hash(key), projectId, Scope.DEFAULT, "test", clock.instant(), false, null));
    }

    /** The project the key opens, as the authorizer passes it on. */
    private static Optional<String> projectOf(ApiKeyAuthenticator authenticator, String key) {
        return authenticator.accessFor(key).map(Access::projectId);
    }

    @Test
    void aKnownKey_opensItsProject() {
        register("gtk_valid", "store-1");

        assertThat(projectOf(authenticator, "gtk_valid")).contains("store-1");
    }

    @Test
    void unknownEmptyAndMalformedKeys_openNothing() {
        assertThat(projectOf(authenticator, "gtk_unknown")).isEmpty();
        assertThat(projectOf(authenticator, "")).isEmpty();
        assertThat(projectOf(authenticator, null)).isEmpty();
        assertThat(projectOf(authenticator, "k".repeat(10_000))).isEmpty();
        assertThat(projectOf(authenticator, "clé-non-ascii")).isEmpty();
        assertThat(store.lookups).as("malformed keys are refused without a lookup").isEqualTo(1);
    }

    @Test
    void lookupsAreKeptInMemoryForTheCacheTime() {
        register("gtk_valid", "store-1");
        for (int i = 0; i < 50; i++) {
            projectOf(authenticator, "gtk_valid");
            projectOf(authenticator, "gtk_unknown");
        }

        assertThat(store.lookups).isEqualTo(2);
        clock.advance(Duration.ofSeconds(31));
        projectOf(authenticator, "gtk_valid");
        assertThat(store.lookups).isEqualTo(3);
    }

    @Test
    void aRevokedKey_stopsWorkingOnceTheCacheTimeHasPassed() {
        register("gtk_valid", "store-1");
        assertThat(projectOf(authenticator, "gtk_valid")).isPresent();

        store.revoke(ApiKeys.hash("gtk_valid"), clock.instant());
        clock.advance(Duration.ofSeconds(29));
        assertThat(projectOf(authenticator, "gtk_valid")).as("within the bound it may still work").isPresent();
        clock.advance(Duration.ofSeconds(2));
        assertThat(projectOf(authenticator, "gtk_valid")).isEmpty();
    }

    @Test
    void whenTheTableCannotBeRead_aRecentLookupIsUsed_otherwiseTheFailureSurfaces() {
        register("gtk_valid", "store-1");
        projectOf(authenticator, "gtk_valid");
        store.unavailable = true;
        clock.advance(Duration.ofSeconds(60));

        assertThat(projectOf(authenticator, "gtk_valid")).contains("store-1");
        assertThatThrownBy(() -> projectOf(authenticator, "gtk_never_seen")).isInstanceOf(StorageUnavailableException.class);
        clock.advance(ApiKeyAuthenticator.STALE_IF_UNAVAILABLE);
        assertThatThrownBy(() -> projectOf(authenticator, "gtk_valid")).isInstanceOf(StorageUnavailableException.class);
    }
}
