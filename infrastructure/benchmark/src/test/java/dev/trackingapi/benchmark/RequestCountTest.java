package dev.trackingapi.benchmark;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures 1 and 7 of the benchmark on a small mix. Request counts are deterministic, so they are asserted exactly: in
 * steady state one write and no read per event, in batches as one per request; in the first pass one more write per
 * new customer and per new attribute, and one read (a batch lookup) per event that meets a customer or an event name
 * the environment has not seen.
 */
class RequestCountTest {
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
    void steadyStateCostsOneWriteAndNoReadPerEvent_theFirstPassOneMorePerNewCustomerAndAttribute() {
        TrafficMix mix = new TrafficMix(20, 5, 10);

        RequestCountBenchmark.Result result = RequestCountBenchmark.run(dynamoDb, mix);

        assertThat(result.steady().counts().writeRequests()).isEqualTo(100);
        assertThat(result.steady().counts().readRequests()).isZero();
        assertThat(result.steady().counts().failedConditions()).isZero();
        assertThat(result.first().counts().writeRequests()).isEqualTo(100 + 20 + 8 * 10);
        assertThat(result.first().counts().readRequests()).as("one lookup per event that meets something new")
                .isEqualTo(20);
        assertThat(result.first().counts().writeRequests()).isLessThanOrEqualTo(result.firstPassWriteAllowance());
        assertThat(result.steady().writeUnitsPerEvent()).isEqualTo(1.0);
        assertThat(result.steady().itemBytesPerEvent()).isBetween(300.0, 1024.0);
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
