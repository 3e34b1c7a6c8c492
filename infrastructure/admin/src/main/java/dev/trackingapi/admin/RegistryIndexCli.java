package dev.trackingapi.admin;

import dev.trackingapi.store.dynamodb.RegistryIndexBackfill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintWriter;

/**
 * {@code registry-index.sh}: the one-off migration of a type registry written before its by-project index (GET
 * /schema lists a project's types from that index). It gives every registered type without a project its project;
 * safe to run beside live traffic and any number of times.
 */
@Command(name = "registry-index.sh", mixinStandardHelpOptions = true,
        description = "Index the types registered before the byProject index existed, so that GET /schema lists them.",
        footer = {"", "Examples:",
                "  registry-index.sh --table <AttributeTypesTableName>",
                "  registry-index.sh --endpoint-url http://localhost:8000 --table AttributeTypesTable"})
public final class RegistryIndexCli extends TableCommand {
    static final String TABLE_VARIABLE = "ATTRIBUTE_TYPES_TABLE";

    @CommandLine.Mixin
    RegistryOptions registry = new RegistryOptions();

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the migration; returns the exit code (0 done, 1 failed, 2 bad arguments). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return CommandLines.execute(new RegistryIndexCli(), args, out, err);
    }

    @Override
    ConnectionOptions options() {
        return registry;
    }

    @Override
    String tableOptions() {
        return "--table with the stack's AttributeTypesTableName output";
    }

    @Override
    Integer run(DynamoDbClient client, PrintWriter out) {
        int indexed = new RegistryIndexBackfill(client, registry.table()).run();
        String where = registry.where();
        out.println(indexed == 0 ? "Every registered type of " + where + " was indexed already."
                : "Indexed " + indexed + " registered types of " + where + ".");
        return 0;
    }

    /** The attribute types table, and where it is. */
    static final class RegistryOptions extends ConnectionOptions {
        @Option(names = "--table", paramLabel = "NAME", description = "The attribute types table: the stack output"
                + " AttributeTypesTableName (default: $" + TABLE_VARIABLE + ").")
        String table = System.getenv(TABLE_VARIABLE);

        @Override
        String table() {
            return required(table, "--table", "attribute types table", "AttributeTypesTableName", TABLE_VARIABLE);
        }
    }
}
