package dev.trackingapi.admin;

import dev.trackingapi.store.ApiKeyStore;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintWriter;

/** What every API keys command shares: the API keys table. */
abstract class KeyCommand extends TableCommand {
    @CommandLine.Mixin
    DynamoDbOptions dynamoDb = new DynamoDbOptions();

    abstract Integer run(ApiKeyStore store, PrintWriter out);

    @Override
    final Integer run(DynamoDbClient client, PrintWriter out) {
        return run(dynamoDb.store(client), out);
    }

    String where() {
        return dynamoDb.where();
    }

    @Override
    ConnectionOptions options() {
        return dynamoDb;
    }

    @Override
    String tableOptions() {
        return "--table with the stack's ApiKeysTableName output";
    }
}
