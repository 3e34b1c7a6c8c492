package dev.trackingapi.admin;

import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * {@code api-keys.sh create|list|revoke}: administration of the API keys table, against AWS (default credential chain
 * and region) or DynamoDB Local ({@code --endpoint-url}). Secrets are printed once, at creation, and never stored.
 */
@Command(name = "api-keys.sh", mixinStandardHelpOptions = true,
        description = "Create, list and revoke the API keys that open a project (one store) of the tracking API.",
        subcommands = {CreateKeyCommand.class, ListKeysCommand.class, RevokeKeyCommand.class},
        footer = {"", "Examples:",
                "  api-keys.sh create --project store-42 --label \"web shop\" --table <ApiKeysTableName>",
                "  api-keys.sh create --project store-42 --scopes track,read --label explorer --table <ApiKeysTableName>",
                "  api-keys.sh list --project store-42 --table <ApiKeysTableName>",
                "  api-keys.sh revoke --project store-42 --key-id 1a2b3c4d5e6f --table <ApiKeysTableName>",
                "  api-keys.sh list --project local --endpoint-url http://localhost:8000 --table ApiKeysTable"})
public final class ApiKeysCli implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the tool; returns the exit code (0 done, 1 failed, 2 bad arguments). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return CommandLines.execute(new ApiKeysCli(), args, out, err);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command: create, list or revoke");
    }
}
