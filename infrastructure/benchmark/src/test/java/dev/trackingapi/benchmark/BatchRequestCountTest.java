package dev.trackingapi.benchmark;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figure 7 on a small mix. Its request counts are deterministic, so they are asserted exactly: in steady state a batch
 * costs DynamoDB what the same events cost one per request, one write and no read each; and API Gateway and Lambda
 * see one request per batch.
 */
class BatchRequestCountTest {
    private static LocalDynamoDb dynamoDb;

    @BeforeAll
    static void start() {
        dynamoDb = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        dynamoDb.close();
    }

    @Test
    void inSteadyState_aBatchCostsDynamoDbWhatSingleRequestsCost_oneWriteAndNoReadPerEvent() {
        TrafficMix mix = new TrafficMix(40, 10, 10);

        BatchBenchmark.Result result = BatchBenchmark.run(dynamoDb, mix, 100);

        for (BatchBenchmark.Mode mode : new BatchBenchmark.Mode[]{result.single(), result.batch()}) {
            assertThat(mode.counts().writeRequests()).isEqualTo(400);
            assertThat(mode.counts().readRequests()).isZero();
            assertThat(mode.counts().failedConditions()).isZero();
            assertThat(mode.writeUnitsPerEvent()).isEqualTo(1.0);
        }
        assertThat(result.single().requests()).isEqualTo(400);
        assertThat(result.batch().requests()).isEqualTo(4);
        assertThat(result.batch().meteredRequests()).as("each batch's body is under 512 KB").isEqualTo(4);
        assertThat(result.batch().costPerMillionEvents()).isLessThan(result.single().costPerMillionEvents());
    }
}
