package dev.trackingapi.localapi;

import dev.trackingapi.metrics.Metric;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;

import static dev.trackingapi.localapi.LocalApiTesting.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local API counts the functions' metrics from the EMF lines they print, keeps those lines off the console, and
 * prints the counts in one line when it stops.
 */
class MetricsSummaryIT {
    private static final String KEY = "gtk_metrics_summary_it_0000000000000000000001";
    private static final String JSON_TYPE = "application/json";

    @Test
    void stopping_printsTheCountsOfTheEmfLinesTheFunctionsPrinted() {
        PrintStream console = System.out;
        LocalApiTesting.Running running = LocalApiTesting.start("--in-memory", "--port", "0", "--dynamodb-port", "0",
                "--api-key", "shop:" + KEY, "--authorizer-cache-seconds", "0");
        try {
            String event = "{\"customerId\":\"c1\",\"name\":\"Order\",\"time\":1579547655000,\"attributes\":{\"Amount\":5}}";
            assertThat(post(running, "/track/event/v2", KEY, JSON_TYPE, event).statusCode()).isEqualTo(200);
            assertThat(post(running, "/track/event/v2", KEY, JSON_TYPE, event).statusCode()).as("a retry").isEqualTo(200);
            assertThat(post(running, "/track/user", KEY, JSON_TYPE,
                    "{\"id\":\"c1\",\"attributes\":{\"Amount\":5}}").statusCode()).isEqualTo(200);
            assertThat(post(running, "/track/user", KEY, JSON_TYPE,
                    "{\"id\":\"c1\",\"attributes\":{\"Amount\":\"five\"}}").statusCode()).isEqualTo(200);
            assertThat(post(running, "/track/event", KEY, JSON_TYPE, "{\"customerId\":").statusCode()).isEqualTo(400);
            assertThat(post(running, "/track/event", KEY, JSON_TYPE, "{}").statusCode()).isEqualTo(422);
            assertThat(post(running, "/track/user", "gtk_unknown_key_000000000000000000000000", JSON_TYPE, "{}")
                    .statusCode()).isEqualTo(401);

            assertThat(running.api().metrics().total(Metric.EVENTS_STORED)).isEqualTo(1);
        } finally {
            running.close();
        }

        assertThat(System.out).as("standard output is given back").isSameAs(console);
        assertThat(running.log()).as("EMF lines stay off the console").doesNotContain("\"_aws\"")
                .contains("  metrics: EventsStored 1, EventsDuplicate 1, CustomersUpdated 2,"
                        + " AttributesIgnored 1 (type_mismatch 1), TypesRegistered 2, Rejected 2 (400 1, 422 1),"
                        + " StorageUnavailable 0, KeysRefused 1 (from 7 EMF lines)");
    }
}
