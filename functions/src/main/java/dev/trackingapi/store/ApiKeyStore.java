package dev.trackingapi.store;


import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys by the SHA-256 of the key. */
public interface ApiKeyStore {

    Optional<ApiKeyRecord> findByHash(String keyHash);

    /** Stores the key unless its hash is stored already; returns the stored record (this one or the earlier one). */
    ApiKeyRecord createIfAbsent(ApiKeyRecord record);

    List<ApiKeyRecord> listByProject(String projectId);

    /** Marks the key revoked; returns false when no key has that hash. */
    boolean revoke(String keyHash, Instant now);
}
