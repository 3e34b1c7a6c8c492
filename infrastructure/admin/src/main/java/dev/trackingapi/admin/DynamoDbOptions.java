package dev.trackingapi.admin;

import dev.trackingapi.store.dynamodb.DynamoDbApiKeyStore;
import dev.trackingapi.store.dynamodb.DynamoDbClients;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;

/** Where the API keys table is: AWS through the default chains, or an endpoint such as DynamoDB Local. */
final class DynamoDbOptions {
    static final String TABLE_VARIABLE = "API_KEYS_TABLE";
    private static final Region LOCAL_REGION = Region.US_EAST_1;

    @Option(names = "--table", paramLabel = "NAME",
            description = "The API keys table: the stack output ApiKeysTableName (default: $API_KEYS_TABLE).")
    String table = System.getenv(TABLE_VARIABLE);

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "A DynamoDB endpoint other than AWS's, e.g. http://localhost:8000 for the local API.")
    URI endpoint;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: the SDK's chain: $AWS_REGION, profile).")
    String region;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "AWS named profile (default: the SDK's chain).")
    String profile;

    String table() {
        if (table == null || table.isBlank()) {
            throw new UsageException("Name the API keys table: --table <ApiKeysTableName output of the stack>"
                    + " (or set " + TABLE_VARIABLE + ")");
        }
        return table;
    }

    Region region() {
        if (region != null) {
            return Region.of(region);
        }
        if (endpoint != null) {
            return LOCAL_REGION;
        }
        return new DefaultAwsRegionProviderChain().getRegion();
    }

    /** With an endpoint (DynamoDB Local) any credentials will do, so dummy ones stand in when none are configured. */
    AwsCredentialsProvider credentials() {
        AwsCredentialsProvider configured = profile != null
                ? ProfileCredentialsProvider.create(profile)
                : DefaultCredentialsProvider.builder().build();
        if (endpoint == null) {
            return configured;
        }
        return AwsCredentialsProviderChain.of(configured,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }

    DynamoDbApiKeyStore store(DynamoDbClient client) {
        return new DynamoDbApiKeyStore(client, table());
    }

    DynamoDbClient client() {
        return DynamoDbClients.create(endpoint, region(), credentials());
    }

    String where() {
        return "table " + table + (endpoint != null ? " at " + endpoint : " in " + (region != null ? region : "the default region"));
    }
}
