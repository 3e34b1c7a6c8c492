package dev.trackingapi.localapi;

import dev.trackingapi.auth.ApiKeys;
import dev.trackingapi.model.Scope;
import dev.trackingapi.store.ApiKeyRecord;
import dev.trackingapi.store.ApiKeyStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Registers the keys the local API is started with. Only a key's hash is stored (as the admin tool stores it);
 * registering a key again for its own project is a no-op, for another project an error. Without --api-key, a dev
 * key for project "local" is generated; with a data directory it is kept there (dev-api-key, readable only by its
 * owner) and reused at the next start, so scripts and curl commands keep working across restarts.
 */
final class LocalKeys {
    static final String DEV_KEY_FILE = "dev-api-key";
    static final String GIVEN_KEY_LABEL = "local-api --api-key";
    static final String DEV_KEY_LABEL = "local-api dev key";

    /** A key the API accepts; {@code source} says where it came from, for the banner. */
    record LocalKey(String projectId, String key, Set<Scope> scopes, String source) {
        String masked() {
            return mask(key);
        }
    }

    private final ApiKeyStore store;
    private final Clock clock;

    LocalKeys(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @throws LocalApiException when a key belongs to another project or was revoked */
    List<LocalKey> register(List<Options.ApiKeyOption> given, Path dataDirectoryOrNull) {
        List<LocalKey> keys = new ArrayList<>();
        for (Options.ApiKeyOption option : given) {
            ApiKeyRecord stored = store.createIfAbsent(record(option.key(), option.projectId(), option.scopes(),
                    GIVEN_KEY_LABEL));
            if (!stored.projectId().equals(option.projectId())) {
                throw new LocalApiException("--api-key " + option.projectId() + ":" + mask(option.key())
                        + " is already registered for project " + stored.projectId()
                        + "; a key opens exactly one project, so choose another key");
            }
            if (stored.revoked()) {
                throw new LocalApiException("--api-key for project " + option.projectId() + ": that key (id "
                        + stored.keyId() + ") was revoked; choose another key");
            }
            if (!stored.scopes().equals(option.scopes())) {
                store.setScopes(stored.keyHash(), option.scopes());
            }
            keys.add(new LocalKey(option.projectId(), option.key(), option.scopes(), "--api-key"));
        }
        if (keys.isEmpty()) {
            keys.add(devKey(dataDirectoryOrNull));
        }
        return keys;
    }

    private LocalKey devKey(Path dataDirectoryOrNull) {
        Path file = dataDirectoryOrNull == null ? null : dataDirectoryOrNull.resolve(DEV_KEY_FILE);
        Optional<String> kept = file == null ? Optional.empty() : read(file);
        if (kept.isPresent()) {
            ApiKeyRecord stored = store.createIfAbsent(record(kept.get(), Options.DEFAULT_PROJECT, Scope.ALL,
                    DEV_KEY_LABEL));
            if (stored.projectId().equals(Options.DEFAULT_PROJECT) && !stored.revoked()) {
                if (!stored.scopes().equals(Scope.ALL)) {
                    store.setScopes(stored.keyHash(), Scope.ALL);
                }
                return new LocalKey(Options.DEFAULT_PROJECT, kept.get(), Scope.ALL, "dev key, kept in " + file);
            }
        }
        String key = ApiKeys.generate(new SecureRandom());
        store.createIfAbsent(record(key, Options.DEFAULT_PROJECT, Scope.ALL, DEV_KEY_LABEL));
        if (file == null) {
            return new LocalKey(Options.DEFAULT_PROJECT, key, Scope.ALL,
                    "dev key, new at every start (no data directory)");
        }
        write(file, key);
        return new LocalKey(Options.DEFAULT_PROJECT, key, Scope.ALL, "dev key, new, kept in " + file);
    }

    /** Enough of a key to recognise it in a banner or an error, not enough to use it. */
    static String mask(String key) {
        return key.length() <= 12 ? "****" : key.substring(0, 8) + "..." + key.substring(key.length() - 4);
    }

    private ApiKeyRecord record(String key, String projectId, Set<Scope> scopes, String label) {
        return new ApiKeyRecord(ApiKeys.hash(key), projectId, scopes, label, clock.instant(), false, null);
    }

    private static Optional<String> read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String key = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return ApiKeys.isPlausible(key) ? Optional.of(key) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void write(Path file, String key) {
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new LocalApiException("cannot keep the dev key in " + file + ": " + e.getMessage());
        }
    }
}
