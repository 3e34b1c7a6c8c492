package dev.trackingapi.store;


import dev.trackingapi.model.Scope;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** API keys by the SHA-256 of the key. */
public interface ApiKeyStore {

    Optional<ApiKeyRecord> findByHash(String keyHash);

    /** Stores the key unless its hash is stored already; returns the stored record (this one or the earlier one). */
    ApiKeyRecord createIfAbsent(ApiKeyRecord record);

    List<ApiKeyRecord> listByProject(String projectId);

    /** Sets what the key may do; returns false when no key has that hash. */
    boolean setScopes(String keyHash, Set<Scope> scopes);

    /** Marks the key revoked; returns false when no key has that hash. */
    boolean revoke(String keyHash, Instant now);
}
