package dev.trackingapi.integration;

import dev.trackingapi.config.TableNames;
import dev.trackingapi.testing.TestDynamoDb;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The tracking suite against DynamoDB Local, in process on a free loopback port: the default test path. */
class DynamoDbLocalTrackingIT extends AbstractTrackingIT {
    @Override
    protected DynamoDbClient dynamoDb() {
        return TestDynamoDb.client();
    }

    @Override
    protected TableNames tables() {
        return TestDynamoDb.tables();
    }
}
