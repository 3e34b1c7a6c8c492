package dev.trackingapi.template;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTablesTest {
    static final Path TWO_TABLES = resource("/two-tables.yaml");

    private final TemplateTables tables = TemplateTables.read(TWO_TABLES);

    @Test
    void tableNamesByVariable_areTheTablesTheFunctionsRefer_underThePrefix_andNoOtherVariable() {
        assertThat(tables.tableNamesByVariable("local-")).isEqualTo(Map.of(
                "ORDERS_TABLE", "local-OrdersTable",
                "KEYS_TABLE", "local-KeysTable"));
    }

    @Test
    void localNames_areEveryTable_underThePrefix() {
        assertThat(tables.localNames("local-")).containsOnly(
                Map.entry("OrdersTable", "local-OrdersTable"),
                Map.entry("KeysTable", "local-KeysTable"));
    }

    @Test
    void logicalIdOf_aVariableThatNamesNoTable_isAClearError() {
        assertThat(tables.logicalIdOf("ORDERS_TABLE")).isEqualTo("OrdersTable");
        assertThatThrownBy(() -> tables.logicalIdOf("STAGE"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("template.yaml sets no STAGE to a table");
    }

    @Test
    void createTableRequest_copiesBillingKeysAttributesAndIndexes_underTheLocalName() {
        CreateTableRequest request = tables.createTableRequest("OrdersTable", "local-OrdersTable");

        assertThat(request.tableName()).isEqualTo("local-OrdersTable");
        assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(request.attributeDefinitions()).extracting(definition -> definition.attributeName())
                .containsExactly("pk", "sk", "status");
        assertThat(request.keySchema()).extracting(key -> key.attributeName() + " " + key.keyType())
                .containsExactly("pk " + KeyType.HASH, "sk " + KeyType.RANGE);
        GlobalSecondaryIndex index = request.globalSecondaryIndexes().get(0);
        assertThat(index.indexName()).isEqualTo("by-status");
        assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
        assertThat(index.projection().nonKeyAttributes()).containsExactly("total");
        assertThat(request.hasLocalSecondaryIndexes()).isFalse();
    }

    @Test
    void createTableRequest_withoutBillingMode_isPayPerRequest() {
        assertThat(tables.createTableRequest("KeysTable", "k").billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    }

    @Test
    void createTableRequest_ofATableNotInTheTemplate_isAClearError() {
        assertThatThrownBy(() -> tables.createTableRequest("OrdersFunction", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("template.yaml has no table OrdersFunction");
    }

    static Path resource(String name) {
        try {
            return Path.of(TemplateTablesTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
