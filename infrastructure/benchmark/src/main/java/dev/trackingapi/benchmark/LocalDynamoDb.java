package dev.trackingapi.benchmark;

import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.config.TableNames;
import dev.trackingapi.store.dynamodb.DynamoDbClients;
import dev.trackingapi.template.DynamoDbLocalServer;
import dev.trackingapi.template.TemplateTables;
import dev.trackingapi.template.TemplateTablesCreator;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** DynamoDB Local in memory on a free loopback port, with the template's tables, for one benchmark run. */
public final class LocalDynamoDb implements AutoCloseable {
    public static final String TABLE_PREFIX = "bench-";

    private final DynamoDbLocalServer server;
    private final TableNames tables;

    private LocalDynamoDb(DynamoDbLocalServer server, TableNames tables) {
        this.server = server;
        this.tables = tables;
    }

    public static LocalDynamoDb start() {
        Path template = TemplateTables.findTemplate()
                .orElseThrow(() -> new IllegalStateException("template.yaml not found: run from the repository"));
        TemplateTables templateTables = TemplateTables.read(template);
        DynamoDbLocalServer server = DynamoDbLocalServer.startInMemory(DynamoDbLocalServer.freePort());
        // A server just started answers its first requests slowly on a busy machine: create the tables with patience.
        try (DynamoDbClient admin = DynamoDbClients.create(server.endpoint(), DynamoDbLocalServer.REGION,
                DynamoDbLocalServer.CREDENTIALS, configuration -> configuration
                        .apiCallTimeout(Duration.ofMinutes(2)).apiCallAttemptTimeout(Duration.ofMinutes(2)))) {
            TemplateTablesCreator.createMissing(admin, templateTables, TABLE_PREFIX);
        }
        return new LocalDynamoDb(server, TableNames.from(
                new EnvironmentVariables(templateTables.tableNamesByVariable(TABLE_PREFIX)::get)));
    }

    /** A client as the functions build it, with the given interceptors watching every request. */
    public DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return client(server.endpoint(), interceptors);
    }

    /** The same client on any DynamoDB Local, e.g. the local API's. */
    public static DynamoDbClient client(URI endpoint, ExecutionInterceptor... interceptors) {
        return DynamoDbClients.create(endpoint, DynamoDbLocalServer.REGION, DynamoDbLocalServer.CREDENTIALS,
                configuration -> List.of(interceptors).forEach(configuration::addExecutionInterceptor));
    }

    public TableNames tables() {
        return tables;
    }

    public DynamoDbLocalServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
