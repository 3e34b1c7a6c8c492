package dev.trackingapi.admin;

import dev.trackingapi.auth.ProjectIds;
import dev.trackingapi.store.ApiKeyStore;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** What every command shares: where the table is, the project, and one client for the command's duration. */
abstract class KeyCommand implements Callable<Integer> {
    @CommandLine.Mixin
    DynamoDbOptions dynamoDb = new DynamoDbOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    abstract Integer run(ApiKeyStore store, PrintWriter out);

    @Override
    public final Integer call() {
        dynamoDb.table();
        try (DynamoDbClient client = dynamoDb.client()) {
            return run(dynamoDb.store(client), spec.commandLine().getOut());
        }
    }

    static String checkedProject(String projectId) {
        if (!ProjectIds.isValid(projectId)) {
            throw new UsageException("--project \"" + projectId + "\" is not a project id: " + ProjectIds.RULE);
        }
        return projectId;
    }

    String where() {
        return dynamoDb.where();
    }
}
