package dev.trackingapi.testing;

import dev.trackingapi.config.TableNames;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One DynamoDB Local server per test JVM, on a free loopback port, with the template's tables. Tests isolate
 * themselves by project id, so they can share the tables.
 */
public final class TestDynamoDb {
    public static final String TABLE_PREFIX = "test-";

    private static DynamoDbLocalServer server;
    private static DynamoDbClient client;
    private static TableNames tables;

    private TestDynamoDb() {
    }

    /** Skips the calling test when template.yaml is not there (functions/ copied alone, as `sam build` does). */
    public static synchronized void start() {
        if (server != null) {
            return;
        }
        Optional<Path> template = TemplateTables.findTemplate();
        Assumptions.assumeTrue(template.isPresent(),
                "template.yaml not found above " + Path.of("").toAbsolutePath() + ": the DynamoDB tests need its tables");
        TemplateTables templateTables = TemplateTables.read(template.get());
        server = DynamoDbLocalServer.startInMemory(DynamoDbLocalServer.freePort());
        client = server.newClient();
        TemplateTablesCreator.createMissing(client, templateTables, TABLE_PREFIX);
        tables = templateTables.tableNames(TABLE_PREFIX);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }

    public static DynamoDbClient client() {
        start();
        return client;
    }

    public static TableNames tables() {
        start();
        return tables;
    }

    public static DynamoDbLocalServer server() {
        start();
        return server;
    }
}
