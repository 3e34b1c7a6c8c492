package dev.trackingapi.admin;

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

/**
 * Where a tool's tables are: AWS through the default chains, or an endpoint such as DynamoDB Local. Each tool adds its
 * table options ({@link DynamoDbOptions}, {@link ReceiptsOptions}).
 */
abstract class ConnectionOptions {
    private static final Region LOCAL_REGION = Region.US_EAST_1;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "A DynamoDB endpoint other than AWS's, e.g. http://localhost:8000 for the local API.")
    URI endpoint;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: the SDK's chain: $AWS_REGION, profile).")
    String region;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "AWS named profile (default: the SDK's chain).")
    String profile;

    /** The tool's main table. */
    abstract String table();

    /** A table option's value, or a usage error naming the stack output that holds it. */
    static String required(String value, String option, String what, String output, String variable) {
        if (value == null || value.isBlank()) {
            throw new UsageException("Name the " + what + ": " + option + " <" + output + " output of the stack>"
                    + (variable == null ? "" : " (or set " + variable + ")"));
        }
        return value;
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

    DynamoDbClient client() {
        return DynamoDbClients.create(endpoint, region(), credentials());
    }

    /** The main table and where it is, for messages (never failing, even when no table was named). */
    String where() {
        String table;
        try {
            table = table();
        } catch (UsageException none) {
            table = "(none named)";
        }
        return where(table);
    }

    String where(String table) {
        return "table " + table + (endpoint != null ? " at " + endpoint : " in " + (region != null ? region : "the default region"));
    }
}
