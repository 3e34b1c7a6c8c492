package dev.trackingapi.admin;

import dev.trackingapi.store.dynamodb.DynamoDbApiKeyStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Where the API keys table is: its name, on AWS through the default chains or on an endpoint such as DynamoDB Local. */
final class DynamoDbOptions {
    static final String TABLE_VARIABLE = "API_KEYS_TABLE";

    @Option(names = "--table", paramLabel = "NAME",
            description = "The API keys table: the stack output ApiKeysTableName (default: $API_KEYS_TABLE).")
    String table = System.getenv(TABLE_VARIABLE);

    @Mixin
    DynamoDbConnection connection = new DynamoDbConnection();

    String table() {
        if (table == null || table.isBlank()) {
            throw new UsageException("Name the API keys table: --table <ApiKeysTableName output of the stack>"
                    + " (or set " + TABLE_VARIABLE + ")");
        }
        return table;
    }

    DynamoDbApiKeyStore store(DynamoDbClient client) {
        return new DynamoDbApiKeyStore(client, table());
    }

    DynamoDbClient client() {
        return connection.client();
    }

    String where() {
        return connection.where(table);
    }
}
