package dev.trackingapi.template;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The DynamoDB tables declared in template.yaml, the single source of truth for key schemas and indexes, and which
 * environment variable names each table (the functions' Environment: VARIABLE: !Ref LogicalId).
 */
public final class TemplateTables {
    private final Map<String, Map<String, Object>> tablesByLogicalId;
    private final Map<String, String> logicalIdByVariable;

    private TemplateTables(Map<String, Map<String, Object>> tablesByLogicalId, Map<String, String> logicalIdByVariable) {
        this.tablesByLogicalId = tablesByLogicalId;
        this.logicalIdByVariable = logicalIdByVariable;
    }

    /** template.yaml of the repository this code runs in: the working directory or one of its parents. */
    public static Optional<Path> findTemplate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    public static TemplateTables read(Path template) {
        Map<String, Object> document = CloudFormationYaml.read(template);
        Map<String, Object> resources = (Map<String, Object>) document.get("Resources");
        Map<String, Map<String, Object>> tables = new TreeMap<>();
        Map<String, String> variables = new TreeMap<>();
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            Map<String, Object> body = (Map<String, Object>) resource.getValue();
            Map<String, Object> properties = (Map<String, Object>) body.getOrDefault("Properties", Map.of());
            if ("AWS::DynamoDB::Table".equals(body.get("Type"))) {
                tables.put(resource.getKey(), properties);
            }
        }
        List<Map<String, Object>> functionSettings = new ArrayList<>();
        Map<String, Object> globals = (Map<String, Object>) document.getOrDefault("Globals", Map.of());
        functionSettings.add((Map<String, Object>) globals.getOrDefault("Function", Map.of()));
        for (Object resource : resources.values()) {
            functionSettings.add((Map<String, Object>) ((Map<String, Object>) resource).getOrDefault("Properties",
                    Map.of()));
        }
        for (Map<String, Object> properties : functionSettings) {
            Map<String, Object> environment = (Map<String, Object>) properties.getOrDefault("Environment", Map.of());
            Map<String, Object> values = (Map<String, Object>) environment.getOrDefault("Variables", Map.of());
            for (Map.Entry<String, Object> variable : values.entrySet()) {
                if (variable.getValue() instanceof Map<?, ?> intrinsic && intrinsic.get("Ref") instanceof String ref
                        && tables.containsKey(ref)) {
                    variables.put(variable.getKey(), ref);
                }
            }
        }
        return new TemplateTables(tables, variables);
    }

    public List<String> logicalIds() {
        return List.copyOf(tablesByLogicalId.keySet());
    }

    /** The table the functions know by this environment variable, e.g. EVENTS_TABLE -> EventsTable. */
    public String logicalIdOf(String environmentVariable) {
        String logicalId = logicalIdByVariable.get(environmentVariable);
        if (logicalId == null) {
            throw new IllegalStateException("template.yaml sets no " + environmentVariable + " to a table");
        }
        return logicalId;
    }

    /**
     * Local table names, {prefix}{LogicalId}, keyed by the environment variable that names each table in the
     * functions' Environment, e.g. EVENTS_TABLE -> {prefix}EventsTable: what the functions would be given.
     */
    public Map<String, String> tableNamesByVariable(String prefix) {
        Map<String, String> names = new TreeMap<>();
        logicalIdByVariable.forEach((variable, logicalId) -> names.put(variable, prefix + logicalId));
        return names;
    }

    /** The CreateTable request of a template table, under another name: keys, attribute definitions, indexes. */
    @SuppressWarnings("unchecked")
    public CreateTableRequest createTableRequest(String logicalId, String tableName) {
        Map<String, Object> properties = tablesByLogicalId.get(logicalId);
        if (properties == null) {
            throw new IllegalArgumentException("template.yaml has no table " + logicalId);
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.fromValue(String.valueOf(properties.getOrDefault("BillingMode", "PAY_PER_REQUEST"))))
                .attributeDefinitions(list(properties, "AttributeDefinitions").stream()
                        .map(definition -> AttributeDefinition.builder()
                                .attributeName((String) definition.get("AttributeName"))
                                .attributeType((String) definition.get("AttributeType"))
                                .build())
                        .toList())
                .keySchema(keySchema(list(properties, "KeySchema")));
        List<Map<String, Object>> globalIndexes = list(properties, "GlobalSecondaryIndexes");
        if (!globalIndexes.isEmpty()) {
            request.globalSecondaryIndexes(globalIndexes.stream()
                    .map(index -> GlobalSecondaryIndex.builder()
                            .indexName((String) index.get("IndexName"))
                            .keySchema(keySchema((List<Map<String, Object>>) index.get("KeySchema")))
                            .projection(projection((Map<String, Object>) index.get("Projection")))
                            .build())
                    .toList());
        }
        List<Map<String, Object>> localIndexes = list(properties, "LocalSecondaryIndexes");
        if (!localIndexes.isEmpty()) {
            request.localSecondaryIndexes(localIndexes.stream()
                    .map(index -> LocalSecondaryIndex.builder()
                            .indexName((String) index.get("IndexName"))
                            .keySchema(keySchema((List<Map<String, Object>>) index.get("KeySchema")))
                            .projection(projection((Map<String, Object>) index.get("Projection")))
                            .build())
                    .toList());
        }
        return request.build();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> properties, String name) {
        return (List<Map<String, Object>>) properties.getOrDefault(name, List.of());
    }

    private static List<KeySchemaElement> keySchema(List<Map<String, Object>> elements) {
        List<KeySchemaElement> keySchema = new ArrayList<>();
        for (Map<String, Object> element : elements) {
            keySchema.add(KeySchemaElement.builder()
                    .attributeName((String) element.get("AttributeName"))
                    .keyType((String) element.get("KeyType"))
                    .build());
        }
        return keySchema;
    }

    @SuppressWarnings("unchecked")
    private static Projection projection(Map<String, Object> projection) {
        Projection.Builder builder = Projection.builder().projectionType((String) projection.get("ProjectionType"));
        if (projection.get("NonKeyAttributes") != null) {
            builder.nonKeyAttributes((List<String>) projection.get("NonKeyAttributes"));
        }
        return builder.build();
    }

    /** Every table's logical id mapped to its local name under the prefix, in template order. */
    public Map<String, String> localNames(String prefix) {
        Map<String, String> names = new LinkedHashMap<>();
        tablesByLogicalId.keySet().forEach(logicalId -> names.put(logicalId, prefix + logicalId));
        return names;
    }
}
