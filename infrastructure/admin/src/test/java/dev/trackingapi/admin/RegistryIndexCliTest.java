package dev.trackingapi.admin;

import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.store.dynamodb.AttributeTypesTable;
import dev.trackingapi.store.dynamodb.DynamoDbAttributeTypeStore;
import dev.trackingapi.testing.TestDynamoDb;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry's migration to its by-project index, against DynamoDB Local, as an operator runs it. */
class RegistryIndexCliTest {
    private final String project = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
    private final DynamoDbAttributeTypeStore registry = new DynamoDbAttributeTypeStore(TestDynamoDb.client(),
            TestDynamoDb.tables().attributeTypes());

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = RegistryIndexCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static Run runOnTestTable() {
        return run("--table", TestDynamoDb.tables().attributeTypes(),
                "--endpoint-url", TestDynamoDb.server().endpoint().toString());
    }

    /** An item as the versions before the index wrote it: no projectId. */
    private void registeredBeforeTheIndex(AttributeScope scope, String attribute) {
        TestDynamoDb.client().putItem(put -> put.tableName(TestDynamoDb.tables().attributeTypes()).item(Map.of(
                AttributeTypesTable.PK, AttributeValue.fromS(scope.id()),
                AttributeTypesTable.SK, AttributeValue.fromS(attribute),
                AttributeTypesTable.TYPE, AttributeValue.fromS("number"),
                AttributeTypesTable.REGISTERED_AT, AttributeValue.fromS("2020-01-20T19:14:15.000Z"))));
    }

    @Test
    void typesRegisteredBeforeTheIndex_areListedByProjectAfterIt_andASecondRunChangesNothing() {
        registeredBeforeTheIndex(AttributeScope.event(project, "Order#Placed"), "Amount");
        registeredBeforeTheIndex(AttributeScope.customer(project), "visits");
        assertThat(registry.ofProject(project, 10).types()).isEmpty();

        Run first = runOnTestTable();

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).containsPattern("Indexed \\d+ registered types of table");
        assertThat(registry.ofProject(project, 10).types())
                .extracting(type -> type.scopeId() + " " + type.attributeName() + " " + type.registeredAt())
                .containsExactlyInAnyOrder(project + "#event#Order#Placed Amount 2020-01-20T19:14:15.000Z",
                        project + "#customer visits 2020-01-20T19:14:15.000Z");
        Run second = runOnTestTable();
        assertThat(second.out()).contains("was indexed already");
    }

    @Test
    void aMissingTable_orNoTable_isOneLine_neverAStackTrace() {
        Run missing = run("--table", "no-such-table", "--endpoint-url", TestDynamoDb.server().endpoint().toString());
        Run unnamed = run("--endpoint-url", TestDynamoDb.server().endpoint().toString());

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).startsWith("error: ").doesNotContain("\tat ");
        assertThat(unnamed.exitCode()).isEqualTo(2);
        assertThat(unnamed.err()).contains("--table");
    }
}
