package dev.trackingapi.config;

import dev.trackingapi.store.dynamodb.DynamoDbClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The execution environment's shared state: its environment variables and its one DynamoDB client, built at class
 * initialisation (inside Lambda's init phase, and so inside a SnapStart snapshot), never per request.
 */
public final class LambdaEnvironment {
    private static final EnvironmentVariables VARIABLES = EnvironmentVariables.system();

    private LambdaEnvironment() {
    }

    private static final class Client {
        static final DynamoDbClient DYNAMO_DB = DynamoDbClients.fromEnvironment(VARIABLES);
    }

    public static EnvironmentVariables variables() {
        return VARIABLES;
    }

    public static DynamoDbClient dynamoDb() {
        return Client.DYNAMO_DB;
    }
}
