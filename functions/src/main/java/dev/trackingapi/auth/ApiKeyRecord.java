package dev.trackingapi.auth;

import java.time.Instant;

/** A stored API key: its hash (never the key), the project it opens, a label, and whether it is revoked. */
public record ApiKeyRecord(String keyHash, String projectId, String label, Instant createdAt, boolean revoked,
                           Instant revokedAt) {

    public String keyId() {
        return ApiKeys.keyIdOfHash(keyHash);
    }
}
