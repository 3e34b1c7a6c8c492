package dev.trackingapi.admin;

import dev.trackingapi.store.dynamodb.DynamoDbApiKeyStore;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The API keys table, and where it is. */
final class DynamoDbOptions extends ConnectionOptions {
    static final String TABLE_VARIABLE = "API_KEYS_TABLE";

    @Option(names = "--table", paramLabel = "NAME",
            description = "The API keys table: the stack output ApiKeysTableName (default: $API_KEYS_TABLE).")
    String table = System.getenv(TABLE_VARIABLE);

    @Override
    String table() {
        return required(table, "--table", "API keys table", "ApiKeysTableName", TABLE_VARIABLE);
    }

    DynamoDbApiKeyStore store(DynamoDbClient client) {
        return new DynamoDbApiKeyStore(client, table());
    }
}
