package dev.trackingapi.benchmark;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.baseline.ColdStartChild;
import dev.trackingapi.entrypoints.TrackEventV2Handler;
import dev.trackingapi.service.CustomerProfiles;
import dev.trackingapi.wiring.Wiring;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Figure 1: DynamoDB requests and write units per tracked event, counted on the client. A mix of customers x events x
 * attributes goes through the real /track/event/v2 handler twice in one process (one execution environment): the first
 * pass sees every customer and attribute for the first time, the second sends new events of the same customers,
 * names and attributes (steady state).
 */
public final class RequestCountBenchmark {
    private RequestCountBenchmark() {
    }

    public record Pass(int events, RequestCounter.Counts counts) {
        public double writesPerEvent() {
            return (double) counts.writeRequests() / events;
        }

        public double readsPerEvent() {
            return (double) counts.readRequests() / events;
        }

        public double writeUnitsPerEvent() {
            return (double) counts.writeUnits() / events;
        }

        public double itemBytesPerEvent() {
            return (double) counts.itemBytes() / events;
        }
    }

    public record Result(TrafficMix mix, Pass first, Pass steady) {
        /** What the first pass may cost at most: one write per event, per new customer and per new attribute. */
        public long firstPassWriteAllowance() {
            return mix.events() + mix.customers() + (long) mix.eventNamesUsed() * mix.attributesPerEvent();
        }
    }

    public static Result run(LocalDynamoDb dynamoDb, TrafficMix mix) {
        return run(dynamoDb, mix, CustomerProfiles.TRUST_WINDOW);
    }

    /**
     * @param trustWindow how long a read of a project's erasure count vouches for the customers an environment knows
     *                    (the functions' is {@link CustomerProfiles#TRUST_WINDOW}): one read per window per project
     */
    public static Result run(LocalDynamoDb dynamoDb, TrafficMix mix, Duration trustWindow) {
        RequestCounter counter = new RequestCounter();
        try (DynamoDbClient client = dynamoDb.client(counter)) {
            TrackEventV2Handler handler = new TrackEventV2Handler(Wiring.eventTracker(client, dynamoDb.tables(),
                    trustWindow), Clock.systemUTC());
            String project = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            RequestCounter.Counts start = counter.snapshot();
            pass(handler, project, mix, 0);
            RequestCounter.Counts afterFirst = counter.snapshot();
            pass(handler, project, mix, 1);
            RequestCounter.Counts afterSecond = counter.snapshot();
            return new Result(mix, new Pass(mix.events(), afterFirst.minus(start)),
                    new Pass(mix.events(), afterSecond.minus(afterFirst)));
        }
    }

    private static void pass(TrackEventV2Handler handler, String project, TrafficMix mix, int pass) {
        int eventsPerCustomer = mix.events() / mix.customers();
        for (int event = 0; event < eventsPerCustomer; event++) {
            for (int customer = 0; customer < mix.customers(); customer++) {
                APIGatewayV2HTTPResponse response = handler.handleRequest(ColdStartChild.event(
                        mix.body(customer, event, pass), project, "r-" + pass + "-" + customer + "-" + event), null);
                if (response.getStatusCode() != 200 || !response.getBody().equals("{\"success\":true}")) {
                    throw new IllegalStateException("the mix must be tracked in full: " + response.getStatusCode()
                            + " " + response.getBody());
                }
            }
        }
    }
}
