package dev.trackingapi.testing;

import dev.trackingapi.config.TableNames;
import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.model.CatalogKind;
import dev.trackingapi.store.dynamodb.AttributeTypesTable;
import dev.trackingapi.store.dynamodb.CatalogTable;
import dev.trackingapi.store.dynamodb.CustomerPartition;
import dev.trackingapi.store.dynamodb.CustomersTable;
import dev.trackingapi.store.dynamodb.EventsTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads back what the API stored, straight from the tables (consistent reads). */
public final class StoredData {
    private final DynamoDbClient dynamoDb;
    private final TableNames tables;

    public StoredData(DynamoDbClient dynamoDb, TableNames tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
    }

    /** A customer's events in time order: one Query. */
    public List<Map<String, AttributeValue>> events(String projectId, String customerId) {
        return query(tables.events(), EventsTable.partitionKey(projectId, customerId), null);
    }

    public Optional<Map<String, AttributeValue>> profile(String projectId, String customerId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tables.customers()).consistentRead(true)
                .key(CustomersTable.profileKey(projectId, customerId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** Values kept beside a profile because they were not applied. */
    public List<Map<String, AttributeValue>> ignoredValues(String projectId, String customerId) {
        return query(tables.customers(), CustomerPartition.of(projectId, customerId), CustomersTable.IGNORED_PREFIX);
    }

    public Optional<String> registeredType(AttributeScope scope, String attributeName) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tables.attributeTypes())
                .consistentRead(true)
                .key(AttributeTypesTable.key(scope, attributeName))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get(AttributeTypesTable.TYPE).s());
    }

    public List<Map<String, AttributeValue>> registeredTypes(AttributeScope scope) {
        return query(tables.attributeTypes(), scope.id(), null);
    }

    /** Every catalog item of the project (entries and both sides of every mapping): a full scan. */
    public List<Map<String, AttributeValue>> catalogItems(String projectId) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.scanPaginator(scan -> scan.tableName(tables.catalog()).consistentRead(true)
                .filterExpression("begins_with(pk, :project)")
                .expressionAttributeValues(Map.of(":project", AttributeValue.fromS(projectId + "#"))))
                .items().forEach(items::add);
        return items;
    }

    /** A catalog entry's item, as stored (with its deletion mark, if any). */
    public Optional<Map<String, AttributeValue>> catalogEntry(CatalogKind kind, String projectId, String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tables.catalog()).consistentRead(true)
                .key(CatalogTable.itemKey(kind, projectId, id))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /**
     * Every item of the events, customers, attribute-types and catalog tables whose partition key contains the text (a
     * project id, or a token in customer ids): a full scan, for checking that a set of requests wrote nothing.
     */
    public List<Map<String, AttributeValue>> itemsWhoseKeyContains(String text) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (String table : List.of(tables.events(), tables.customers(), tables.attributeTypes(), tables.catalog())) {
            dynamoDb.scanPaginator(scan -> scan.tableName(table).consistentRead(true)
                    .filterExpression("contains(pk, :text)")
                    .expressionAttributeValues(Map.of(":text", AttributeValue.fromS(text)))).items().forEach(items::add);
        }
        return items;
    }

    /** Every item of one partition (an exact key, never a prefix), read consistently. */
    public List<Map<String, AttributeValue>> partition(String table, String partitionKey) {
        return query(table, partitionKey, null);
    }

    /** Every item of every table of the deployment: a full consistent scan of each, by table name. */
    public Map<String, List<Map<String, AttributeValue>>> everything() {
        Map<String, List<Map<String, AttributeValue>>> items = new java.util.LinkedHashMap<>();
        for (String table : List.of(tables.customers(), tables.events(), tables.attributeTypes(), tables.apiKeys(),
                tables.erasureReceipts())) {
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            dynamoDb.scanPaginator(scan -> scan.tableName(table).consistentRead(true)).items().forEach(found::add);
            items.put(table, found);
        }
        return items;
    }

    public int count(String table) {
        return dynamoDb.scanPaginator(scan -> scan.tableName(table).select("COUNT")).stream()
                .mapToInt(page -> page.count()).sum();
    }

    private List<Map<String, AttributeValue>> query(String table, String partitionKey, String sortKeyPrefix) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true);
        if (sortKeyPrefix == null) {
            query.keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partitionKey)));
        } else {
            query.keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partitionKey),
                            ":prefix", AttributeValue.fromS(sortKeyPrefix)));
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.queryPaginator(query.build()).items().forEach(items::add);
        return items;
    }
}
