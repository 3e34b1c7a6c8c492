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
                    created.add(table.getValue());
                } catch (ResourceInUseException existsNow) {
                    // A retry of a CreateTable whose first attempt timed out on a busy machine after creating the
                    // table (a table with an index takes DynamoDB Local longer), or another creator: it exists.
                }
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
