package dev.trackingapi.localapi;

import dev.trackingapi.template.DynamoDbLocalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever stops the local API from starting is one line on stderr and exit code 1, never a stack trace, and
 * nothing is left running or bound.
 */
class StartupErrorsIT {
    @TempDir
    Path directory;

    @Test
    void httpPortInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertFailsWithOneLine(run("--in-memory", "--port", String.valueOf(port), "--dynamodb-port", "0"),
                    "port " + port + " on 127.0.0.1 is already in use");
        }
    }

    @Test
    void dynamoDbPortInUse_andTheHttpPortIsReleasedAgain() throws IOException {
        int httpPort = DynamoDbLocalServer.freePort();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertFailsWithOneLine(run("--in-memory", "--port", String.valueOf(httpPort), "--dynamodb-port",
                    String.valueOf(port)), "DynamoDB Local port " + port + " on 127.0.0.1 is already in use");
        }
        try (ServerSocket again = new ServerSocket(httpPort, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(httpPort);
        }
    }

    @Test
    void dataDirectoryThatIsAFile() throws IOException {
        Path file = Files.writeString(directory.resolve("a-file"), "x");

        assertFailsWithOneLine(run("--data-dir", file.toString(), "--port", "0", "--dynamodb-port", "0"),
                "data directory " + file + " is a file, not a directory");
    }

    @Test
    void dataDirectoryThatCannotBeCreated() throws IOException {
        Path file = Files.writeString(directory.resolve("a-file"), "x");

        assertFailsWithOneLine(run("--data-dir", file.resolve("below").toString(), "--port", "0",
                "--dynamodb-port", "0"), "data directory " + file.resolve("below") + " cannot be created");
    }

    @Test
    void dataDirectoryInUseByAnotherLocalApi() {
        Path data = directory.resolve("data");
        try (LocalApiTesting.Running first = LocalApiTesting.start("--data-dir", data.toString(), "--port", "0",
                "--dynamodb-port", "0")) {
            assertFailsWithOneLine(run("--data-dir", data.toString(), "--port", "0", "--dynamodb-port", "0"),
                    "is in use by another local API");
            assertThat(LocalApiTesting.get(first, "/health", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theSameKeyForAnotherProject() {
        Path data = directory.resolve("data");
        String key = "gtk_startup_errors_it_00000000000000000";
        LocalApiTesting.start("--data-dir", data.toString(), "--port", "0", "--dynamodb-port", "0",
                "--api-key", "first:" + key).close();

        assertFailsWithOneLine(run("--data-dir", data.toString(), "--port", "0", "--dynamodb-port", "0",
                "--api-key", "second:" + key), "is already registered for project first");
        LocalApiTesting.Outcome again = run("--data-dir", data.toString(), "--port", "0", "--dynamodb-port", "0",
                "--api-key", "first:" + key);
        assertThat(again.exitCode()).as(again.err()).isZero();
        again.api().close();
    }

    @Test
    void anExistingTableThatDiffersFromTheTemplate() {
        try (DynamoDbLocalServer other = DynamoDbLocalServer.startInMemory(0);
             DynamoDbClient client = LocalApiTesting.sdkClient(other.endpoint())) {
            client.createTable(create -> create.tableName("CustomersTable").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(definition -> definition.attributeName("id")
                            .attributeType(ScalarAttributeType.S))
                    .keySchema(key -> key.attributeName("id").keyType(KeyType.HASH)));

            assertFailsWithOneLine(run("--dynamodb-endpoint", other.endpoint().toString(), "--port", "0"),
                    "table CustomersTable at " + other.endpoint() + " differs from CustomersTable in template.yaml"
                            + " (key schema [id HASH] instead of [pk HASH, sk RANGE]");
        }
    }

    @Test
    void aDynamoDbEndpointThatDoesNotAnswer() {
        int nothingThere = DynamoDbLocalServer.freePort();

        assertFailsWithOneLine(run("--dynamodb-endpoint", "http://127.0.0.1:" + nothingThere, "--port", "0"),
                "DynamoDB at http://127.0.0.1:" + nothingThere + " cannot be used");
    }

    @Test
    void aTemplateThatIsNotThere() {
        Path missing = directory.resolve("nothing/template.yaml");

        assertFailsWithOneLine(run("--template", missing.toString(), "--in-memory"),
                "template " + missing + " is not a readable file");
    }

    private static LocalApiTesting.Outcome run(String... args) {
        return LocalApiTesting.run(args);
    }

    static void assertFailsWithOneLine(LocalApiTesting.Outcome outcome, String expected) {
        if (outcome.api() != null) {
            outcome.api().close();
        }
        assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isEqualTo(1);
        assertThat(LocalApiTesting.lines(outcome.err())).hasSize(1);
        assertThat(outcome.err().strip()).startsWith(LocalApiMain.PREFIX)
                .contains(expected)
                .doesNotContain("\tat ", "Caused by", "Exception:");
        assertThat(outcome.out()).doesNotContain("running locally");
    }
}
