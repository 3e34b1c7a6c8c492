package dev.trackingapi.auth;

import dev.trackingapi.store.ApiKeyStore;
import dev.trackingapi.store.StorageUnavailableException;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a presented API key into its project and scopes, or refuses it. Lookups are kept in memory for a short, bounded time
 * (found and not found alike), so a burst of calls does not hammer the table; a revoked key therefore stops working
 * within that time. When the table cannot be read, a lookup up to {@link #STALE_IF_UNAVAILABLE} old is used rather
 * than locking every store out during a DynamoDB incident.
 */
public final class ApiKeyAuthenticator {
    public static final Duration DEFAULT_CACHE_TIME = Duration.ofSeconds(30);
    public static final Duration STALE_IF_UNAVAILABLE = Duration.ofMinutes(5);
    private static final int MAX_CACHED_KEYS = 10_000;

    /** @param access what the key opens, or null when it opens nothing */
    private record Lookup(Access access, long fetchedAtMillis) {
    }

    private final ApiKeyStore store;
    private final Clock clock;
    private final long cacheMillis;
    private final ConcurrentHashMap<String, Lookup> lookups = new ConcurrentHashMap<>();

    public ApiKeyAuthenticator(ApiKeyStore store, Clock clock, Duration cacheTime) {
        this.store = store;
        this.clock = clock;
        this.cacheMillis = cacheTime.toMillis();
    }

    /** What the key opens; empty for a missing, malformed, unknown or revoked key. */
    public Optional<Access> accessFor(String presentedKey) {
        if (!ApiKeys.isPlausible(presentedKey)) {
            return Optional.empty();
        }
        String keyHash = ApiKeys.hash(presentedKey);
        long now = clock.millis();
        Lookup cached = lookups.get(keyHash);
        if (cached != null && now - cached.fetchedAtMillis() < cacheMillis) {
            return Optional.ofNullable(cached.access());
        }
        Lookup fresh;
        try {
            fresh = new Lookup(store.findByHash(keyHash)
                    .filter(record -> !record.revoked() && ProjectIds.isValid(record.projectId()))
                    .map(record -> new Access(record.projectId(), record.scopes()))
                    .orElse(null), now);
        } catch (StorageUnavailableException e) {
            if (cached != null && now - cached.fetchedAtMillis() < STALE_IF_UNAVAILABLE.toMillis()) {
                return Optional.ofNullable(cached.access());
            }
            throw e;
        }
        if (lookups.size() >= MAX_CACHED_KEYS) {
            lookups.clear();
        }
        lookups.put(keyHash, fresh);
        return Optional.ofNullable(fresh.access());
    }

    /** Forgets every lookup (what a rehearsal of requests taught it is not true of any key). */
    public void forget() {
        lookups.clear();
    }
}
