package dev.trackingapi.template;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.dynamodb.services.local.monitoring.Telemetry;
import software.amazon.dynamodb.services.local.monitoring.TelemetryUtil;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;

/**
 * DynamoDB Local (a real DynamoDB engine, with condition expressions) as an in-process HTTP server bound to
 * 127.0.0.1 only, in memory or persisted to a directory. One shared database serves every access key and region,
 * so the aws CLI sees the same tables as the API. Clients are built by the caller, as the functions build theirs,
 * on {@link #endpoint()} with {@link #REGION} and {@link #CREDENTIALS}.
 */
public final class DynamoDbLocalServer implements AutoCloseable {
    public static final String LOOPBACK = "127.0.0.1";
    public static final Region REGION = Region.US_EAST_1;
    /** Dummy credentials: Local checks no signature, any key will do. */
    public static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private final Server jetty;
    private final LocalDynamoDBServerHandler handler;
    private final int port;

    private DynamoDbLocalServer(Server jetty, LocalDynamoDBServerHandler handler, int port) {
        this.jetty = jetty;
        this.handler = handler;
        this.port = port;
    }

    public static DynamoDbLocalServer startInMemory(int port) {
        return start(port, null);
    }

    /**
     * @param dataDirectoryOrNull where the database file lives, or null for in memory
     * @throws IllegalStateException when the port cannot be bound or the directory cannot be used
     */
    public static DynamoDbLocalServer start(int port, Path dataDirectoryOrNull) {
        boolean inMemory = dataDirectoryOrNull == null;
        // No telemetry: nothing leaves the machine, and no metadata file lands in the working directory.
        Telemetry.configureTelemetry(TelemetryUtil.SETUP_TYPE.MAVEN.name(), "local", false);
        LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(new LocalDynamoDBRequestHandler(0,
                inMemory, inMemory ? null : dataDirectoryOrNull.toString(), true, false), null);
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(LOOPBACK);
        connector.setPort(port);
        jetty.addConnector(connector);
        ContextHandler context = new ContextHandler();
        context.setHandler(handler);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        contexts.addHandler(context);
        jetty.setHandler(contexts);
        try {
            jetty.start();
        } catch (Exception e) {
            handler.close();
            throw new IllegalStateException("DynamoDB Local could not listen on " + LOOPBACK + ":" + port + ": "
                    + e.getMessage(), e);
        }
        return new DynamoDbLocalServer(jetty, handler, connector.getLocalPort());
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://" + LOOPBACK + ":" + port);
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        } finally {
            handler.close();
        }
    }
}
