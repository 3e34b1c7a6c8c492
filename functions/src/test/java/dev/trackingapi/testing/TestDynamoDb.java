package dev.trackingapi.testing;

import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.config.TableNames;
import dev.trackingapi.store.dynamodb.DynamoDbClients;
import dev.trackingapi.template.DynamoDbLocalServer;
import dev.trackingapi.template.TemplateTables;
import dev.trackingapi.template.TemplateTablesCreator;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One DynamoDB Local server per test JVM, on a free loopback port, with the template's tables. Tests isolate
 * themselves by project id, so they can share the tables.
 */
public final class TestDynamoDb {
    public static final String TABLE_PREFIX = "test-";
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(2);

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
        DynamoDbLocalServer started = DynamoDbLocalServer.startInMemory(DynamoDbLocalServer.freePort());
        // A server just started answers its first requests slowly on a busy machine: the tables are created with
        // patience, and the fields are set only once all is ready, so that a failed start is tried again, not half
        // used.
        try (DynamoDbClient setup = newClient(started, configuration -> configuration
                .apiCallTimeout(SETUP_TIMEOUT).apiCallAttemptTimeout(SETUP_TIMEOUT))) {
            TemplateTablesCreator.createMissing(setup, templateTables, TABLE_PREFIX);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        client = newClient(started);
        tables = tableNames(templateTables, TABLE_PREFIX);
        server = started;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close));
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

    /** A client as the functions build one (URL-connection HTTP client), on a DynamoDB Local server. */
    public static DynamoDbClient newClient(DynamoDbLocalServer server) {
        return newClient(server, configuration -> {
        });
    }

    /** The same client with additions to its configuration, e.g. a fault-injecting interceptor. */
    public static DynamoDbClient newClient(DynamoDbLocalServer server,
                                           Consumer<ClientOverrideConfiguration.Builder> additions) {
        return DynamoDbClients.create(server.endpoint(), DynamoDbLocalServer.REGION, DynamoDbLocalServer.CREDENTIALS,
                additions);
    }

    /** The template's tables under the prefix, as the functions read them from their environment. */
    public static TableNames tableNames(TemplateTables templateTables, String prefix) {
        return TableNames.from(new EnvironmentVariables(templateTables.tableNamesByVariable(prefix)::get));
    }
}
