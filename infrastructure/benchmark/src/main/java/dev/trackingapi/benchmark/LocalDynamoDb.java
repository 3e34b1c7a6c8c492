package dev.trackingapi.benchmark;

import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.config.TableNames;
import dev.trackingapi.store.dynamodb.DynamoDbClients;
import dev.trackingapi.template.DynamoDbLocalServer;
import dev.trackingapi.template.TemplateTables;
import dev.trackingapi.template.TemplateTablesCreator;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** DynamoDB Local in memory on a free loopback port, with the template's tables, for one benchmark run. */
public final class LocalDynamoDb implements AutoCloseable {
    public static final String TABLE_PREFIX = "bench-";
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(1);

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
        // Creating the tables is no request of the functions: on a busy machine it may take longer than their timeouts.
        try (DynamoDbClient admin = DynamoDbClients.create(server.endpoint(), DynamoDbLocalServer.REGION,
                DynamoDbLocalServer.CREDENTIALS, configuration -> configuration
                        .apiCallAttemptTimeout(SETUP_TIMEOUT).apiCallTimeout(SETUP_TIMEOUT))) {
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

    /** A client for the benchmarks' own counting scans of large tables: minutes, not the functions' 3 s per read. */
    public static DynamoDbClient patientClient(URI endpoint) {
        return DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMinutes(2)).build())
                .overrideConfiguration(configuration -> configuration.apiCallTimeout(Duration.ofMinutes(10))
                        .apiCallAttemptTimeout(Duration.ofMinutes(3)))
                .endpointOverride(endpoint)
                .region(DynamoDbLocalServer.REGION)
                .credentialsProvider(DynamoDbLocalServer.CREDENTIALS)
                .build();
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
