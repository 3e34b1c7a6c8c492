package dev.trackingapi.template;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Creates the template's tables (if absent) under local names and waits until they are active. */
public final class TemplateTablesCreator {
    private TemplateTablesCreator() {
    }

    /** @return the names of the tables that were created (absent before) */
    public static List<String> createMissing(DynamoDbClient dynamoDb, TemplateTables tables, String prefix) {
        List<String> created = new ArrayList<>();
        for (Map.Entry<String, String> table : tables.localNames(prefix).entrySet()) {
            if (!exists(dynamoDb, table.getValue())) {
                try {
                    dynamoDb.createTable(tables.createTableRequest(table.getKey(), table.getValue()));
                } catch (ResourceInUseException alreadyCreated) {
                    // The SDK retried a CreateTable whose first attempt timed out after DynamoDB had created the
                    // table (a loaded machine): absent before this call, there now.
                }
                created.add(table.getValue());
            }
        }
        for (String name : tables.localNames(prefix).values()) {
            dynamoDb.waiter().waitUntilTableExists(describe -> describe.tableName(name));
        }
        return created;
    }

    private static boolean exists(DynamoDbClient dynamoDb, String table) {
        try {
            dynamoDb.describeTable(describe -> describe.tableName(table));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }
}
