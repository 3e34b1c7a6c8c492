package dev.trackingapi.integration;

import dev.trackingapi.config.TableNames;
import dev.trackingapi.template.DynamoDbLocalServer;
import dev.trackingapi.testing.TestDynamoDb;
import dev.trackingapi.testing.TrackingApi.Response;
import dev.trackingapi.testing.TrackingApi;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static dev.trackingapi.testing.TrackingApi.TRACK_EVENT_V2;
import static dev.trackingapi.testing.TrackingApi.TRACK_USER;
import static org.assertj.core.api.Assertions.assertThat;

/** What clients see when DynamoDB is gone or misconfigured: a retryable 503, or a 500 without internals. */
class StorageFailureIT {
    private static final String EVENT = "{\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":{\"a\":1}}";

    @Test
    void unreachableDynamoDb_is503WithRetryAfter_onEveryKindOfRoute() {
        DynamoDbLocalServer stopped = DynamoDbLocalServer.startInMemory(DynamoDbLocalServer.freePort());
        DynamoDbClient client = TestDynamoDb.newClient(stopped);
        stopped.close();
        TrackingApi api = new TrackingApi(client, TestDynamoDb.tables());

        for (String[] call : new String[][]{{TRACK_EVENT_V2, EVENT}, {TRACK_USER, "{\"id\":\"c\",\"attributes\":{\"a\":1}}"}}) {
            Response response = api.post(call[0], "p-unreachable", call[1]);
            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.headers()).containsEntry("retry-after", "1");
            assertThat(response.json().get("type").asText()).isEqualTo("ServiceUnavailableError");
        }
    }

    @Test
    void aMissingTable_is500WithARequestIdAndTheCauseOnlyInTheLog() {
        TableNames missing = TableNames.withPrefix("no-such-");
        TrackingApi api = new TrackingApi(TestDynamoDb.client(), missing);
        PrintStream originalErr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        Response response;
        try {
            response = api.post(TRACK_EVENT_V2, "p-missing", EVENT);
        } finally {
            System.setErr(originalErr);
        }

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().get("requestId").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("no-such-");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("DynamoDB table no-such-attribute-types").contains("does not exist");
    }
}
