package dev.trackingapi.admin;

import dev.trackingapi.store.ApiKeyStore;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintWriter;

/** What every command shares: where the table is, the project, and one client for the command's duration. */
abstract class KeyCommand implements TableCommand {
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


    String where() {
        return dynamoDb.where();
    }

    @Override
    public ConnectionOptions options() {
        return dynamoDb;
    }

    @Override
    public String tableOptions() {
        return "--table with the stack's ApiKeysTableName output";
    }
}
