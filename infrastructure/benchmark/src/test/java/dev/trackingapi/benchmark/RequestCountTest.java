package dev.trackingapi.benchmark;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figure 1 of the benchmark on a small mix. Request counts are deterministic, so they are asserted exactly: in steady
 * state one write and no read per event; in the first pass one more write per new customer and per new attribute,
 * and one read (a batch lookup) per event that meets a customer or an event name the environment has not seen.
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
}
