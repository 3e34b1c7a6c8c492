package dev.trackingapi.admin;

import dev.trackingapi.auth.ApiKeys;
import dev.trackingapi.model.Scope;
import dev.trackingapi.store.ApiKeyRecord;
import dev.trackingapi.store.ApiKeyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a key for a project and print it once (only its SHA-256 hash is stored).")
final class CreateKeyCommand extends KeyCommand {
    private static final int MAX_LABEL_LENGTH = 100;

    @Option(names = "--project", required = true, paramLabel = "ID", description = "The project (store) the key opens.")
    String project;

    @Option(names = "--label", paramLabel = "TEXT", description = "What the key is for, shown in listings.")
    String label = "";

    @Option(names = "--scopes", paramLabel = "LIST", description = "What the key may do: track (the tracking "
            + "routes and the catalog's writes), read (the GET routes), erase (customer erasure), comma-separated."
            + " Default: track.")
    String scopes = "track";

    @Override
    Integer run(ApiKeyStore store, PrintWriter out) {
        String projectId = TableCommand.checkedProject(project);
        if (label.length() > MAX_LABEL_LENGTH) {
            throw new UsageException("--label is longer than " + MAX_LABEL_LENGTH + " characters");
        }
        Set<Scope> granted = checkedScopes(scopes);
        String key = ApiKeys.generate(new SecureRandom());
        ApiKeyRecord record = store.createIfAbsent(new ApiKeyRecord(ApiKeys.hash(key), projectId, granted, label,
                Instant.now(), false, null));
        out.println("Created an API key for project " + record.projectId() + " (key id " + record.keyId()
                + ", scopes " + Scope.join(record.scopes())
                + (label.isEmpty() ? "" : ", label \"" + label + "\"") + "):");
        out.println();
        out.println("  " + key);
        out.println();
        out.println("It is shown only this once: store it now. Clients send it in the x-growlytics-key header.");
        return 0;
    }

    /** Every name must be a scope, and at least one must be given: a key that may do nothing is a mistake. */
    static Set<Scope> checkedScopes(String names) {
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : names.split(",", -1)) {
            scopes.add(Scope.fromWireName(name.trim()).orElseThrow(() -> new UsageException("--scopes: \"" + name.trim()
                    + "\" is not a scope; use track, read or erase, comma-separated")));
        }
        return scopes;
    }
}
