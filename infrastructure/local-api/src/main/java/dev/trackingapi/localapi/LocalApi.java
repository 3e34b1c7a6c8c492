package dev.trackingapi.localapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.config.TableNames;
import dev.trackingapi.model.Scope;
import dev.trackingapi.store.StorageUnavailableException;
import dev.trackingapi.store.dynamodb.DynamoDbApiKeyStore;
import dev.trackingapi.store.dynamodb.DynamoDbClients;
import dev.trackingapi.store.dynamodb.RegistryIndexBackfill;
import dev.trackingapi.template.DynamoDbLocalServer;
import dev.trackingapi.template.TemplateHttpApi;
import dev.trackingapi.template.TemplateTables;
import dev.trackingapi.template.TemplateTablesCreator;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole API on one machine: DynamoDB Local (or another DynamoDB), the template's tables, the API keys, and
 * the template's HTTP API in front of the same handlers as in Lambda. {@link #close()} stops it the safe way round:
 * no new requests, in-flight ones answered, then the functions, then DynamoDB Local.
 */
final class LocalApi implements AutoCloseable {
    /** Set by start.sh: the repository root, so that the API starts from any working directory. */
    static final String ROOT_PROPERTY = "localapi.root";
    static final String DATA_DIR_NAME = ".local-data";
    static final String LOOPBACK = DynamoDbLocalServer.LOOPBACK;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    private static final String AUTHORIZER_TTL_PARAMETER = "AuthorizerCacheTtlSeconds";

    private final PrintStream out;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Options options;
    private HttpServer server;
    private int httpPort;
    private ExecutorService executor;
    private ApiGateway gateway;
    private DataDirectory dataDirectory;
    private URI dynamoDbEndpoint;
    private TableNames tableNames;
    private List<String> tables;
    private List<LocalKeys.LocalKey> keys;
    private Map<String, LocalFunction> functions;
    private MetricsCapture metrics;
    private boolean closed;

    private LocalApi(PrintStream out) {
        this.out = out;
    }

    /**
     * Starts everything and prints the banner.
     *
     * @throws LocalApiException for anything the user can fix; nothing stays running then
     */
    static LocalApi start(Options options, PrintStream out) {
        return start(options, out, LocalHandlers.TEMPLATE);
    }

    /** @param handlers builds the handler of every function the template names */
    static LocalApi start(Options options, PrintStream out, LocalHandlers.Catalogue handlers) {
        LocalApi api = new LocalApi(out);
        try {
            api.startAll(options, handlers);
            return api;
        } catch (RuntimeException | Error e) {
            api.releaseAll();
            throw e;
        }
    }

    URI url() {
        return URI.create("http://" + LOOPBACK + ":" + httpPort);
    }

    URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    TableNames tableNames() {
        return tableNames;
    }

    List<LocalKeys.LocalKey> keys() {
        return keys;
    }

    /** The functions' metrics so far, counted from the EMF lines they printed. */
    MetricsCapture metrics() {
        return metrics;
    }

    /** How often each function has been invoked, by logical id. */
    Map<String, Long> invocations() {
        Map<String, Long> counts = new LinkedHashMap<>();
        functions.forEach((id, function) -> counts.put(id, function.invocations()));
        return counts;
    }

    void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    private void startAll(Options options, LocalHandlers.Catalogue handlers) {
        this.options = options;
        Path template = template(options);
        TemplateTables templateTables;
        TemplateHttpApi httpApi;
        try {
            templateTables = TemplateTables.read(template);
            httpApi = TemplateHttpApi.read(template);
        } catch (RuntimeException e) {
            throw new LocalApiException(template + " cannot be used: " + e.getMessage(), e);
        }
        Path dataDir = options.inMemory() || options.dynamoDbEndpoint() != null ? null
                : Optional.ofNullable(options.dataDir()).orElse(template.getParent().resolve(DATA_DIR_NAME));
        if (dataDir != null) {
            dataDirectory = DataDirectory.open(dataDir);
            resources.add(dataDirectory);
        }

        Clock clock = Clock.systemUTC();
        ObjectMapper mapper = new ObjectMapper();
        gateway = new ApiGateway(mapper, clock, out);
        startHttpServer(options.port());

        DynamoDbClient dynamoDb = dynamoDb(options);
        String prefix = options.tablePrefix();
        List<String> created = createTables(dynamoDb, templateTables, prefix);
        tableNames = TableNames.from(new EnvironmentVariables(templateTables.tableNamesByVariable(prefix)::get));
        tables = List.copyOf(templateTables.localNames(prefix).values());
        indexRegistry(dynamoDb);
        keys = new LocalKeys(new DynamoDbApiKeyStore(dynamoDb, tableNames.apiKeys()), clock)
                .register(options.apiKeys(), dataDirectory == null ? null : dataDirectory.path());

        metrics = MetricsCapture.install(mapper);
        resources.add(metrics);
        Map<String, LocalAuthorizer> authorizers = startFunctions(options, httpApi, templateTables.localNames(prefix),
                handlers.factories(dynamoDb, clock), clock, mapper);
        String stage = httpApi.stageName(Map.of());
        Router router = new Router(httpApi.routes(), stage);
        gateway.ready(router, new GatewayEvents(mapper, stage), functions, authorizers);
        printBanner(template, router, created, authorizers);
    }

    /**
     * Starts every function the routes and their authorizers name, each with its template environment (table refs
     * resolved to the local names), and returns the authorizers by name.
     */
    private Map<String, LocalAuthorizer> startFunctions(Options options, TemplateHttpApi httpApi,
                                                        Map<String, String> localTableNames,
                                                        Map<String, LocalHandlers.Factory> factories, Clock clock,
                                                        ObjectMapper mapper) {
        Map<String, String> parameterOverrides = options.authorizerCacheSeconds() == null ? Map.of()
                : Map.of(AUTHORIZER_TTL_PARAMETER, String.valueOf(options.authorizerCacheSeconds()));
        Map<String, String> refs = new HashMap<>(localTableNames);
        refs.putAll(parameterOverrides);
        Set<String> functionIds = new LinkedHashSet<>();
        Map<String, TemplateHttpApi.LambdaAuthorizer> authorizerDefinitions = new LinkedHashMap<>();
        for (TemplateHttpApi.Route route : httpApi.routes()) {
            functionIds.add(route.functionLogicalId());
            route.authorizer().ifPresent(name -> authorizerDefinitions.computeIfAbsent(name, n -> {
                try {
                    return httpApi.authorizer(n, parameterOverrides);
                } catch (IllegalStateException e) {
                    throw new LocalApiException(e.getMessage(), e);
                }
            }));
        }
        authorizerDefinitions.values().forEach(authorizer -> functionIds.add(authorizer.functionLogicalId()));
        functions = new LinkedHashMap<>();
        for (String id : functionIds) {
            Map<String, String> environment = new HashMap<>(httpApi.environment(id, refs));
            environment.put(EnvironmentVariables.AWS_REGION, GatewayEvents.REGION);
            functions.put(id, LocalFunction.start(httpApi.function(id), environment, factories, mapper, out));
        }
        Map<String, LocalAuthorizer> authorizers = new LinkedHashMap<>();
        authorizerDefinitions.forEach((name, definition) -> authorizers.put(name, new LocalAuthorizer(definition,
                functions.get(definition.functionLogicalId()),
                Optional.ofNullable(options.authorizerCacheSeconds()).orElse(definition.reauthorizeEverySeconds()),
                clock, mapper)));
        return authorizers;
    }

    private static Path template(Options options) {
        Path template;
        if (options.template() != null) {
            template = options.template();
        } else if (System.getProperty(ROOT_PROPERTY) != null) {
            template = Path.of(System.getProperty(ROOT_PROPERTY), "template.yaml");
        } else {
            template = TemplateTables.findTemplate().orElseThrow(() -> new LocalApiException("template.yaml not"
                    + " found in " + Path.of("").toAbsolutePath() + " or above; run infrastructure/local-api/start.sh"
                    + " or pass --template FILE"));
        }
        template = template.toAbsolutePath().normalize();
        if (!Files.isRegularFile(template) || !Files.isReadable(template)) {
            throw new LocalApiException("template " + template + " is not a readable file");
        }
        return template;
    }

    private void startHttpServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(LOOPBACK, port), 128);
        } catch (BindException e) {
            throw new LocalApiException("port " + port + " on " + LOOPBACK + " is already in use; stop what uses it"
                    + " or pass --port N");
        } catch (IOException e) {
            throw new LocalApiException("cannot listen on " + LOOPBACK + ":" + port + ": " + e.getMessage());
        }
        httpPort = server.getAddress().getPort();
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(32, runnable -> new Thread(runnable,
                "local-api-http-" + threads.incrementAndGet()));
        server.setExecutor(executor);
        server.createContext("/", gateway);
        server.start();
    }

    /** Closes the listening socket and the (idle) connections, then lets the request threads end. */
    private void stopHttpServer() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    private DynamoDbClient dynamoDb(Options options) {
        if (options.dynamoDbEndpoint() != null) {
            dynamoDbEndpoint = options.dynamoDbEndpoint();
            DynamoDbClient client = client(region(), AwsCredentialsProviderChain.builder()
                    .credentialsProviders(EnvironmentVariableCredentialsProvider.create(),
                            SystemPropertyCredentialsProvider.create(), ProfileCredentialsProvider.create(),
                            DynamoDbLocalServer.CREDENTIALS)
                    .build());
            try {
                client.listTables(list -> list.limit(1));
            } catch (SdkException e) {
                throw new LocalApiException("DynamoDB at " + dynamoDbEndpoint + " cannot be used: " + firstLine(e));
            }
            return client;
        }
        DynamoDbLocalServer dynamoDbLocal;
        try {
            dynamoDbLocal = DynamoDbLocalServer.start(options.dynamoDbPort(),
                    dataDirectory == null ? null : dataDirectory.path());
        } catch (IllegalStateException e) {
            if (hasCause(e, BindException.class)) {
                throw new LocalApiException("DynamoDB Local port " + options.dynamoDbPort() + " on " + LOOPBACK
                        + " is already in use (another DynamoDB Local?); pass --dynamodb-port N, or"
                        + " --dynamodb-endpoint http://localhost:" + options.dynamoDbPort() + " to use that one");
            }
            throw new LocalApiException("DynamoDB Local could not start: " + firstLine(e));
        }
        resources.add(dynamoDbLocal);
        dynamoDbEndpoint = dynamoDbLocal.endpoint();
        return client(DynamoDbLocalServer.REGION, DynamoDbLocalServer.CREDENTIALS);
    }

    /** The functions' client on {@link #dynamoDbEndpoint}, closed with the API. */
    private DynamoDbClient client(Region region, AwsCredentialsProvider credentials) {
        DynamoDbClient client = DynamoDbClients.create(dynamoDbEndpoint, region, credentials);
        resources.add(client);
        return client;
    }

    /** Creates the template's tables that are absent; one that exists must still match the template. */
    private List<String> createTables(DynamoDbClient dynamoDb, TemplateTables templateTables, String prefix) {
        List<String> created;
        try {
            created = TemplateTablesCreator.createMissing(dynamoDb, templateTables, prefix);
            for (Map.Entry<String, String> table : templateTables.localNames(prefix).entrySet()) {
                CreateTableRequest expected = templateTables.createTableRequest(table.getKey(), table.getValue());
                TableDescription actual = dynamoDb.describeTable(describe -> describe.tableName(table.getValue()))
                        .table();
                List<String> added = TableCheck.addMissingIndexes(dynamoDb, expected, actual);
                if (!added.isEmpty()) {
                    out.println("Upgraded table " + table.getValue() + ": added the index " + String.join(", ", added)
                            + " that template.yaml declares");
                    actual = dynamoDb.describeTable(describe -> describe.tableName(table.getValue())).table();
                }
                List<String> differences = TableCheck.differences(expected, actual);
                if (!differences.isEmpty()) {
                    throw new LocalApiException("table " + table.getValue() + " at " + dynamoDbEndpoint
                            + " differs from " + table.getKey() + " in template.yaml (" + String.join("; ", differences)
                            + "); delete it (or the data directory) to have it created again, or use --in-memory");
                }
            }
        } catch (SdkException e) {
            throw new LocalApiException("cannot create the tables at " + dynamoDbEndpoint + ": " + firstLine(e));
        }
        return created;
    }

    /**
     * The registry's migration to its by-project index, as an operator runs it in AWS (admin registry-index.sh): types
     * registered by an older version in a kept data directory get their project, so that GET /schema lists them.
     */
    private void indexRegistry(DynamoDbClient dynamoDb) {
        try {
            int indexed = new RegistryIndexBackfill(dynamoDb, tableNames.attributeTypes()).run();
            if (indexed > 0) {
                out.println("Indexed " + indexed + " registered types by project (written before the index existed)");
            }
        } catch (SdkException | StorageUnavailableException e) {
            throw new LocalApiException("cannot index the registered types at " + dynamoDbEndpoint + ": " + firstLine(e));
        }
    }

    private void printBanner(Path template, Router router, List<String> created,
                             Map<String, LocalAuthorizer> authorizers) {
        String url = url().toString();
        StringBuilder banner = new StringBuilder();
        banner.append("\nTracking API running locally, as deployed by ").append(template.getFileName())
                .append(" (Ctrl-C stops it)\n");
        banner.append("  URL         ").append(url).append("   (GET ").append(ApiGateway.HEALTH_PATH)
                .append(" answers {\"status\":\"ok\"})\n");
        String label = "  Routes      ";
        for (TemplateHttpApi.Route route : router.routes()) {
            banner.append(label).append(route.routeKey().replace(" /", " " + router.stagePrefix() + "/"))
                    .append("  ->  ").append(route.functionLogicalId()).append('\n');
            label = "              ";
        }
        banner.append("  DynamoDB    ").append(dynamoDbEndpoint)
                .append(options.dynamoDbEndpoint() == null ? "  (DynamoDB Local, in this process)" : "").append('\n');
        banner.append("  Data        ").append(dataDirectory != null ? dataDirectory.path()
                : options.dynamoDbEndpoint() != null ? "kept by that DynamoDB" : "in memory: lost when the API stops")
                .append('\n');
        banner.append("  Tables      ").append(String.join(", ", tables))
                .append(created.isEmpty() ? " (already there)" : created.size() == tables.size() ? " (created)"
                        : " (created " + String.join(", ", created) + ")").append('\n');
        authorizers.values().forEach(authorizer -> banner.append("  Authorizer  ")
                .append(authorizer.definition().name()).append(" on ")
                .append(String.join(", ", authorizer.definition().identitySource()))
                .append(", answers cached ").append(authorizer.ttlSeconds()).append(" s\n"));
        label = "  API key     ";
        for (LocalKeys.LocalKey key : keys) {
            banner.append(label).append(key.source().startsWith("dev key") ? key.key() : key.masked())
                    .append("  (project ").append(key.projectId()).append(", scopes ").append(Scope.join(key.scopes()))
                    .append("; ").append(key.source()).append(")\n");
            label = "              ";
        }
        String curlKey = keys.get(0).source().startsWith("dev key") ? keys.get(0).key() : "YOUR_KEY";
        banner.append("Try:\n  curl -s ").append(url).append("/track/user -H 'x-growlytics-key: ").append(curlKey)
                .append("' -H 'content-type: application/json' -d '{\"id\":\"c1\",\"attributes\":{\"name\":\"Ada\"}}'\n");
        banner.append("  AWS_DEFAULT_REGION=").append(GatewayEvents.REGION).append(" AWS_ACCESS_KEY_ID=local")
                .append(" AWS_SECRET_ACCESS_KEY=local aws dynamodb scan --endpoint-url ").append(dynamoDbEndpoint)
                .append(" --table-name ").append(tableNames.customers()).append('\n');
        out.print(banner);
        out.flush();
    }

    /**
     * Stops taking requests, waits (up to 30 s) for those in flight to be answered, then stops the server, the
     * functions' DynamoDB client and DynamoDB Local, so every acknowledged write is in the data directory.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (gateway != null) {
                int inFlight = gateway.inFlight();
                out.println("Stopping: no new requests" + (inFlight > 0 ? "; answering " + inFlight + " in flight"
                        : ""));
                int left = gateway.drain(DRAIN_TIMEOUT);
                if (left > 0) {
                    out.println("  " + left + " requests still running after " + DRAIN_TIMEOUT.toSeconds()
                            + " s; stopping anyway");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            releaseAll();
            if (functions != null) {
                out.println("  invocations: " + invocations());
            }
            if (metrics != null) {
                out.println("  metrics: " + metrics.summary());
            }
            out.println("Stopped." + (dataDirectory != null ? " Data kept in " + dataDirectory.path() : ""));
            out.flush();
            stopped.countDown();
        }
    }

    /** The HTTP server first, then the rest in reverse order of start: client, DynamoDB Local, data directory. */
    private void releaseAll() {
        stopHttpServer();
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                out.println("  while stopping: " + firstLine(e));
            }
        }
        resources.clear();
    }

    private static Region region() {
        for (String variable : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
            String region = System.getenv(variable);
            if (region != null && !region.isBlank()) {
                return Region.of(region.trim());
            }
        }
        return Region.of(GatewayEvents.REGION);
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Throwable error) {
        String message = String.valueOf(error.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
