package dev.trackingapi.store;

import dev.trackingapi.model.Scope;

import java.time.Instant;
import java.util.Set;

/**
 * A stored API key: its hash (never the key), the project it opens, what it may do there, a label, and whether it is
 * revoked. The first characters of the hash, the key id, name a key in listings and logs without revealing it.
 */
public record ApiKeyRecord(String keyHash, String projectId, Set<Scope> scopes, String label, Instant createdAt,
                           boolean revoked, Instant revokedAt) {
    private static final int KEY_ID_LENGTH = 12;

    public ApiKeyRecord {
        scopes = Set.copyOf(scopes);
    }

    public String keyId() {
        return keyIdOf(keyHash);
    }

    public static String keyIdOf(String keyHash) {
        return keyHash.substring(0, KEY_ID_LENGTH);
    }
}
