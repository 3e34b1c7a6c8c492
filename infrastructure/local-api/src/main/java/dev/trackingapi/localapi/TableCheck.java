package dev.trackingapi.localapi;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a table that already exists (in a data directory from an older template, or an external DynamoDB) differs
 * from its template definition: keys, attribute definitions, indexes. The code would fail on such a table in
 * confusing ways, so the local API refuses to start on it; except that a global index the template added since is
 * added to it, as CloudFormation would on a deploy.
 */
final class TableCheck {
    private TableCheck() {
    }

    /** Adds the global indexes the template declares and the table lacks, one UpdateTable each; returns their names. */
    static List<String> addMissingIndexes(DynamoDbClient dynamoDb, CreateTableRequest expected, TableDescription actual) {
        Set<String> present = new HashSet<>();
        actual.globalSecondaryIndexes().forEach(index -> present.add(index.indexName()));
        List<String> added = new ArrayList<>();
        for (GlobalSecondaryIndex index : expected.globalSecondaryIndexes()) {
            if (present.contains(index.indexName())) {
                continue;
            }
            Set<String> keys = new HashSet<>();
            index.keySchema().forEach(key -> keys.add(key.attributeName()));
            dynamoDb.updateTable(update -> update.tableName(actual.tableName())
                    .attributeDefinitions(expected.attributeDefinitions().stream()
                            .filter(definition -> keys.contains(definition.attributeName())).toList())
                    .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                            .create(CreateGlobalSecondaryIndexAction.builder()
                                    .indexName(index.indexName())
                                    .keySchema(index.keySchema())
                                    .projection(index.projection())
                                    .build())
                            .build()));
            added.add(index.indexName());
        }
        return added;
    }

    static List<String> differences(CreateTableRequest expected, TableDescription actual) {
        List<String> differences = new ArrayList<>();
        if (!keys(expected.keySchema()).equals(keys(actual.keySchema()))) {
            differences.add("key schema " + keys(actual.keySchema()) + " instead of " + keys(expected.keySchema()));
        }
        Set<String> expectedAttributes = attributes(expected.attributeDefinitions());
        Set<String> actualAttributes = attributes(actual.attributeDefinitions());
        if (!expectedAttributes.equals(actualAttributes)) {
            differences.add("attribute definitions " + actualAttributes + " instead of " + expectedAttributes);
        }
        Map<String, String> expectedIndexes = new TreeMap<>();
        for (GlobalSecondaryIndex index : expected.globalSecondaryIndexes()) {
            expectedIndexes.put("global " + index.indexName(), index(index.keySchema(), index.projection()));
        }
        for (LocalSecondaryIndex index : expected.localSecondaryIndexes()) {
            expectedIndexes.put("local " + index.indexName(), index(index.keySchema(), index.projection()));
        }
        Map<String, String> actualIndexes = new TreeMap<>();
        for (GlobalSecondaryIndexDescription index : actual.globalSecondaryIndexes()) {
            actualIndexes.put("global " + index.indexName(), index(index.keySchema(), index.projection()));
        }
        for (LocalSecondaryIndexDescription index : actual.localSecondaryIndexes()) {
            actualIndexes.put("local " + index.indexName(), index(index.keySchema(), index.projection()));
        }
        Set<String> names = new TreeSet<>(expectedIndexes.keySet());
        names.addAll(actualIndexes.keySet());
        for (String name : names) {
            String want = expectedIndexes.get(name);
            String have = actualIndexes.get(name);
            if (want == null) {
                differences.add("an extra " + name + " index");
            } else if (have == null) {
                differences.add("no " + name + " index");
            } else if (!want.equals(have)) {
                differences.add(name + " index " + have + " instead of " + want);
            }
        }
        return differences;
    }

    private static List<String> keys(List<KeySchemaElement> keySchema) {
        return keySchema.stream().map(key -> key.attributeName() + " " + key.keyTypeAsString()).toList();
    }

    private static Set<String> attributes(List<AttributeDefinition> definitions) {
        Set<String> attributes = new HashSet<>();
        definitions.forEach(definition -> attributes.add(definition.attributeName() + " "
                + definition.attributeTypeAsString()));
        return new TreeSet<>(attributes);
    }

    private static String index(List<KeySchemaElement> keySchema, Projection projection) {
        return keys(keySchema) + " projecting " + projection.projectionTypeAsString()
                + (projection.hasNonKeyAttributes() ? " " + new TreeSet<>(projection.nonKeyAttributes()) : "");
    }
}
