package dev.trackingapi.benchmark;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures 1, 8 and 9 of the benchmark on small sizes. Request counts are deterministic, so they are asserted exactly:
 * in steady state one write and no read per event, in batches as one per request; in the first pass one more write
 * per new customer and per new attribute, one read (a batch lookup) per event that meets a customer or an event name
 * the environment has not seen, and one read of the project's erasure count. An erasure's writes stay under 0.05
 * requests per erased event.
 */
class RequestCountTest {
    /**
     * The run takes seconds, or more on a busy machine; counted within one trust window, so that the count cannot
     * depend on how long it took (beyond a window, each environment reads each project's erasure count again).
     */
    private static final Duration WITHIN_ONE_TRUST_WINDOW = Duration.ofHours(1);
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

        RequestCountBenchmark.Result result = RequestCountBenchmark.run(dynamoDb, mix, WITHIN_ONE_TRUST_WINDOW);

        assertThat(result.steady().counts().writeRequests()).isEqualTo(100);
        assertThat(result.steady().counts().readRequests()).isZero();
        assertThat(result.steady().counts().failedConditions()).isZero();
        assertThat(result.first().counts().writeRequests()).isEqualTo(100 + 20 + 8 * 10);
        assertThat(result.first().counts().readRequests())
                .as("one lookup per event that meets something new, and the project's erasure count once")
                .isEqualTo(20 + 1);
        assertThat(result.first().counts().erasureCountReads()).isEqualTo(1);
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

    @Test
    void erasingACustomer_costsAtMostOneWriteRequestPer20ErasedEvents_beyondReadingThePages() {
        ErasureBenchmark.Result result = ErasureBenchmark.run(dynamoDb, 3_000);

        assertThat(result.erasure().complete()).isTrue();
        assertThat(result.erasure().receipt().erased().events()).isEqualTo(3_000);
        assertThat(result.counts().writeRequests()).as("120 BatchWriteItems of 25, and the ledger's few writes")
                .isLessThanOrEqualTo((long) (0.05 * 3_000));
        assertThat(result.writeRequestsPerEvent()).isLessThanOrEqualTo(0.05);
    }
}
