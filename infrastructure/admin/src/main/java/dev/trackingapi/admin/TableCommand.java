package dev.trackingapi.admin;

import dev.trackingapi.auth.ProjectIds;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * A command of the admin tools: it works on DynamoDB tables with one client for its duration, and failures name the
 * tables.
 */
abstract class TableCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    abstract ConnectionOptions options();

    /** How to name the right table(s), for the message of a table that does not exist. */
    abstract String tableOptions();

    abstract Integer run(DynamoDbClient client, PrintWriter out);

    @Override
    public final Integer call() {
        options().table();
        try (DynamoDbClient client = options().client()) {
            return run(client, spec.commandLine().getOut());
        }
    }

    static String checkedProject(String projectId) {
        if (!ProjectIds.isValid(projectId)) {
            throw new UsageException("--project \"" + projectId + "\" is not a project id: " + ProjectIds.RULE);
        }
        return projectId;
    }
}
