package dev.trackingapi.admin;

import dev.trackingapi.model.Dates;
import dev.trackingapi.model.Scope;
import dev.trackingapi.store.ApiKeyRecord;
import dev.trackingapi.store.ApiKeyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List a project's keys: key id, scopes, created, revoked, label. Never a secret.")
final class ListKeysCommand extends KeyCommand {
    private static final String ROW = "%-14s %-18s %-26s %-26s %s%n";

    @Option(names = "--project", required = true, paramLabel = "ID", description = "The project whose keys to list.")
    String project;

    @Override
    Integer run(ApiKeyStore store, PrintWriter out) {
        List<ApiKeyRecord> keys = store.listByProject(TableCommand.checkedProject(project));
        if (keys.isEmpty()) {
            out.println("Project " + project + " has no API keys.");
            return 0;
        }
        out.printf(ROW, "KEY ID", "SCOPES", "CREATED", "REVOKED", "LABEL");
        for (ApiKeyRecord key : keys) {
            out.printf(ROW, key.keyId(), Scope.join(key.scopes()), Dates.format(key.createdAt()),
                    key.revoked() ? (key.revokedAt() == null ? "yes" : Dates.format(key.revokedAt())) : "-", key.label());
        }
        return 0;
    }
}
