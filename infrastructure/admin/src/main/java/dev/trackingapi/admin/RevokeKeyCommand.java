package dev.trackingapi.admin;

import dev.trackingapi.auth.ApiKeys;
import dev.trackingapi.store.ApiKeyRecord;
import dev.trackingapi.store.ApiKeyStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revoke a key, by its key id (see list) or by the key itself.",
                "It stops working within the authorizer's cache time (AuthorizerCacheTtlSeconds, 300 s by default)"
                        + " plus its lookup cache (ApiKeyLookupCacheSeconds, 30 s by default)."})
final class RevokeKeyCommand extends KeyCommand {
    private static final int MIN_KEY_ID_PREFIX = 6;

    @Option(names = "--project", required = true, paramLabel = "ID", description = "The project the key opens.")
    String project;

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--key-id", paramLabel = "ID", description = "The key id shown by list (at least 6 characters).")
        String keyId;

        @Option(names = "--key", paramLabel = "KEY", description = "The key itself.")
        String key;
    }

    @Override
    Integer run(ApiKeyStore store, PrintWriter out) {
        String projectId = TableCommand.checkedProject(project);
        ApiKeyRecord target = which.key != null ? byKey(store, projectId) : byKeyId(store, projectId);
        if (target.revoked()) {
            out.println("Key " + target.keyId() + " of project " + projectId + " was already revoked.");
            return 0;
        }
        store.revoke(target.keyHash(), Instant.now());
        out.println("Revoked key " + target.keyId() + " of project " + projectId
                + ". It stops working within the authorizer's cache times (5.5 minutes with the template's defaults).");
        return 0;
    }

    private ApiKeyRecord byKey(ApiKeyStore store, String projectId) {
        return store.findByHash(ApiKeys.hash(which.key))
                .filter(record -> record.projectId().equals(projectId))
                .orElseThrow(() -> new IllegalStateException("That key does not open project " + projectId
                        + " in the " + where()));
    }

    private ApiKeyRecord byKeyId(ApiKeyStore store, String projectId) {
        String prefix = which.keyId.toLowerCase(java.util.Locale.ROOT);
        if (prefix.length() < MIN_KEY_ID_PREFIX) {
            throw new UsageException("--key-id needs at least " + MIN_KEY_ID_PREFIX + " characters of the id list shows");
        }
        List<ApiKeyRecord> matches = store.listByProject(projectId).stream()
                .filter(record -> record.keyHash().startsWith(prefix))
                .toList();
        if (matches.isEmpty()) {
            throw new IllegalStateException("Project " + projectId + " has no key with id " + which.keyId
                    + " in the " + where() + " (see: api-keys.sh list --project " + projectId + ")");
        }
        if (matches.size() > 1) {
            throw new UsageException("Key id " + which.keyId + " matches " + matches.size() + " keys; give more characters");
        }
        return matches.get(0);
    }
}
