package dev.trackingapi.admin;

import dev.trackingapi.store.dynamodb.RegistryIndexBackfill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

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
public final class RegistryIndexCli implements Callable<Integer> {
    static final String TABLE_VARIABLE = "ATTRIBUTE_TYPES_TABLE";

    @Option(names = "--table", paramLabel = "NAME",
            description = "The attribute types table: the stack output AttributeTypesTableName (default: $"
                    + TABLE_VARIABLE + ").")
    String table = System.getenv(TABLE_VARIABLE);

    @CommandLine.Mixin
    DynamoDbConnection connection = new DynamoDbConnection();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the migration; returns the exit code (0 done, 1 failed, 2 bad arguments). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new RegistryIndexCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new FailureMessages());
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        if (table == null || table.isBlank()) {
            throw new UsageException("Name the attribute types table: --table <AttributeTypesTableName output of the"
                    + " stack> (or set " + TABLE_VARIABLE + ")");
        }
        try (DynamoDbClient client = connection.client()) {
            int indexed = new RegistryIndexBackfill(client, table).run();
            String where = connection.where(table);
            spec.commandLine().getOut().println(indexed == 0 ? "Every registered type of " + where
                    + " was indexed already." : "Indexed " + indexed + " registered types of " + where + ".");
        }
        return 0;
    }
}
