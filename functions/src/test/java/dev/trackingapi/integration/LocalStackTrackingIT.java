package dev.trackingapi.integration;

import dev.trackingapi.config.TableNames;
import dev.trackingapi.store.dynamodb.DynamoDbClients;
import dev.trackingapi.template.TemplateTables;
import dev.trackingapi.template.TemplateTablesCreator;
import dev.trackingapi.testing.TestDynamoDb;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The same tracking suite against LocalStack's DynamoDB, where a Docker engine runs. Without one (as on the CI
 * machines) JUnit reports the class as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackTrackingIT extends AbstractTrackingIT {
    private static final String PREFIX = "ls-";

    @Container
    private static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices(LocalStackContainer.Service.DYNAMODB);

    private static DynamoDbClient client;
    private static TableNames tables;

    @BeforeAll
    static void createTables() {
        client = DynamoDbClients.create(LOCALSTACK.getEndpoint(), Region.of(LOCALSTACK.getRegion()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(LOCALSTACK.getAccessKey(),
                        LOCALSTACK.getSecretKey())));
        TemplateTables template = TemplateTables.read(TemplateTables.findTemplate().orElseThrow());
        TemplateTablesCreator.createMissing(client, template, PREFIX);
        tables = TestDynamoDb.tableNames(template, PREFIX);
    }

    @Override
    protected DynamoDbClient dynamoDb() {
        return client;
    }

    @Override
    protected TableNames tables() {
        return tables;
    }
}
