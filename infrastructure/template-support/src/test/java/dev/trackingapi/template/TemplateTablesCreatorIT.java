package dev.trackingapi.template;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The template's tables on DynamoDB Local, reached with the region and credentials the server advertises. */
class TemplateTablesCreatorIT {
    private static DynamoDbLocalServer server;
    private static DynamoDbClient client;

    @BeforeAll
    static void startDynamoDbLocal() {
        server = DynamoDbLocalServer.startInMemory(DynamoDbLocalServer.freePort());
        client = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(server.endpoint())
                .region(DynamoDbLocalServer.REGION)
                .credentialsProvider(DynamoDbLocalServer.CREDENTIALS)
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void createMissing_createsEachTableOnce_asTheTemplateDeclaresIt() {
        TemplateTables tables = TemplateTables.read(TemplateTablesTest.TWO_TABLES);

        assertThat(TemplateTablesCreator.createMissing(client, tables, "a-"))
                .containsExactlyInAnyOrder("a-OrdersTable", "a-KeysTable");
        assertThat(TemplateTablesCreator.createMissing(client, tables, "a-")).isEmpty();

        TableDescription orders = client.describeTable(describe -> describe.tableName("a-OrdersTable")).table();
        assertThat(orders.keySchema()).extracting(key -> key.attributeName()).containsExactly("pk", "sk");
        assertThat(orders.globalSecondaryIndexes()).extracting(index -> index.indexName()).containsExactly("by-status");
    }

    @Test
    void theServer_listensOnLoopbackOnly_andAPortInUseIsAClearError() {
        assertThat(server.endpoint().getHost()).isEqualTo(DynamoDbLocalServer.LOOPBACK);
        assertThat(server.endpoint().getPort()).isEqualTo(server.port());

        assertThatThrownBy(() -> DynamoDbLocalServer.startInMemory(server.port()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("DynamoDB Local could not listen on 127.0.0.1:" + server.port());
    }
}
