package dev.trackingapi.benchmark;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figure 7 on a small mix. Request counts are deterministic, so they are asserted exactly: one read per profile
 * (after an execution environment's first, which also reads the customer attributes' types), one per page of
 * events, one per schema and per event name's types; and a page's read units stay those of the items it returns.
 */
class ReadCostTest {
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
    void everyReadRouteCostsOneReadPerCall_exceptAnEnvironmentsFirstProfile_whichLearnsTheTypes() {
        List<ReadCostBenchmark.Route> routes = ReadCostBenchmark.run(dynamoDb, new TrafficMix(4, 30, 10));

        assertThat(routes).extracting(ReadCostBenchmark.Route::name).hasSize(6);
        assertThat(routes.get(0).counts().readRequests()).as(routes.get(0).name()).isEqualTo(2);
        for (ReadCostBenchmark.Route route : routes.subList(1, routes.size())) {
            assertThat(route.readsPerCall()).as(route.name()).isEqualTo(1.0);
            assertThat(route.counts().writeRequests()).as(route.name()).isZero();
        }
        ReadCostBenchmark.Route pages = routes.get(2);
        assertThat(pages.calls()).as("30 events in pages of 25: two pages per customer").isEqualTo(8);
        assertThat(pages.counts().readUnits()).as("a full page of 25 events of about 0.5 KB, and the rest")
                .isEqualTo(4 * (2.0 + 0.5));
        assertThat(routes.get(1).readUnitsPerCall()).as("a small profile").isEqualTo(0.5);
    }
}
