package dev.trackingapi.store.dynamodb;

import dev.trackingapi.config.EnvironmentVariables;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Builds the DynamoDB client: the URL-connection HTTP client named explicitly (no Apache, no Netty), region and
 * credentials from the environment, the endpoint overridden only by configuration, and timeouts that fit well inside
 * the function timeout so that a slow DynamoDB becomes a 503, not a Lambda timeout.
 */
public final class DynamoDbClients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(6);

    private DynamoDbClients() {
    }

    /**
     * The client of a Lambda execution environment (or `sam local`), configured from environment variables, on the
     * given HTTP client (see {@link #httpClient()}).
     */
    public static DynamoDbClient fromEnvironment(EnvironmentVariables environment, SdkHttpClient httpClient) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(httpClient)
                .overrideConfiguration(configuration(configuration -> {
                }))
                .region(Region.of(environment.required(EnvironmentVariables.AWS_REGION)))
                .credentialsProvider(lambdaCredentials());
        environment.optional(EnvironmentVariables.DYNAMODB_ENDPOINT).map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** A client for a given endpoint and credentials: DynamoDB Local in tests and local runs, or the admin tool. */
    public static DynamoDbClient create(URI endpointOrNull, Region region, AwsCredentialsProvider credentials) {
        return create(endpointOrNull, region, credentials, configuration -> {
        });
    }

    /**
     * The same client with additions to its configuration on top of the settings above (retries, timeouts): an
     * interceptor that counts requests in the benchmark, or injects DynamoDB faults in the reliability tests.
     */
    public static DynamoDbClient create(URI endpointOrNull, Region region, AwsCredentialsProvider credentials,
                                        Consumer<ClientOverrideConfiguration.Builder> additions) {
        DynamoDbClientBuilder builder = baseBuilder(additions).region(region).credentialsProvider(credentials);
        if (endpointOrNull != null) {
            builder.endpointOverride(endpointOrNull);
        }
        return builder.build();
    }

    private static DynamoDbClientBuilder baseBuilder(Consumer<ClientOverrideConfiguration.Builder> additions) {
        return DynamoDbClient.builder()
                .httpClient(httpClient())
                .overrideConfiguration(configuration(additions));
    }

    /** The URL-connection HTTP client, with timeouts that fit well inside the function timeout. */
    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
    }

    private static ClientOverrideConfiguration configuration(Consumer<ClientOverrideConfiguration.Builder> additions) {
        ClientOverrideConfiguration.Builder configuration = ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT);
        additions.accept(configuration);
        return configuration.build();
    }

    /**
     * Lambda puts the role's credentials in environment variables, except with SnapStart, where the runtime serves
     * them from a container endpoint instead (so that a restored snapshot never holds stale keys).
     */
    private static AwsCredentialsProvider lambdaCredentials() {
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(EnvironmentVariableCredentialsProvider.create(), ContainerCredentialsProvider.create())
                .build();
    }
}
