package dev.trackingapi.benchmark;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.RequestBodies;
import dev.trackingapi.baseline.ColdStartChild;
import dev.trackingapi.entrypoints.TrackEventV2Handler;
import dev.trackingapi.model.EventKeys;
import dev.trackingapi.model.EventRequest;
import dev.trackingapi.model.StoredEvent;
import dev.trackingapi.store.dynamodb.DynamoDbEventStore;
import dev.trackingapi.validation.EventRequestReader;
import dev.trackingapi.wiring.Wiring;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Figure 2: what the /track/event/v2 handler adds on top of the one DynamoDB write it makes. The warm handler, invoked
 * in process against DynamoDB Local over loopback HTTP, is timed beside a bare PutItem of the same item (built
 * beforehand) on the same client and server, alternating, in the same run; the figures are their ratios.
 */
public final class HandlerOverheadBenchmark {
    private HandlerOverheadBenchmark() {
    }

    public record Result(Percentiles handler, Percentiles barePutItem) {
        public double p50Ratio() {
            return handler.p50Millis() / barePutItem.p50Millis();
        }

        public double p99Ratio() {
            return handler.p99Millis() / barePutItem.p99Millis();
        }
    }

    public static Result run(LocalDynamoDb dynamoDb, int warmUp, int measured) {
        TrafficMix mix = new TrafficMix(50, (warmUp + measured) / 50 + 1, 10);
        try (DynamoDbClient client = dynamoDb.client()) {
            TrackEventV2Handler handler = new TrackEventV2Handler(Wiring.eventTracker(client, dynamoDb.tables()),
                    Clock.systemUTC());
            String project = "overhead-" + UUID.randomUUID().toString().substring(0, 8);
            String table = dynamoDb.tables().events();
            int total = warmUp + measured;
            APIGatewayV2HTTPEvent[] requests = new APIGatewayV2HTTPEvent[total];
            PutItemRequest[] puts = new PutItemRequest[total];
            for (int i = 0; i < total; i++) {
                String body = mix.body(i % 50, i / 50, 0);
                requests[i] = ColdStartChild.event(body, project, "h-" + i);
                puts[i] = PutItemRequest.builder().tableName(table).item(itemOf(project + "-bare", body)).build();
            }
            long[] handlerNanos = new long[measured];
            long[] putNanos = new long[measured];
            for (int i = 0; i < total; i++) {
                long started = System.nanoTime();
                APIGatewayV2HTTPResponse response = handler.handleRequest(requests[i], null);
                long handled = System.nanoTime();
                client.putItem(puts[i]);
                long put = System.nanoTime();
                if (response.getStatusCode() != 200) {
                    throw new IllegalStateException("handler answered " + response.getStatusCode() + " " + response.getBody());
                }
                if (i >= warmUp) {
                    handlerNanos[i - warmUp] = handled - started;
                    putNanos[i - warmUp] = put - handled;
                }
            }
            return new Result(Percentiles.of(handlerNanos), Percentiles.of(putNanos));
        }
    }

    /** The item the handler writes for this body, exactly (all attributes applied). */
    private static java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> itemOf(
            String project, String body) {
        EventRequest request = EventRequestReader.trackEvent().read(RequestBodies.json(body, false));
        return DynamoDbEventStore.toItem(new StoredEvent(project, request.customerId(), request.name(),
                request.timeMillis(), EventKeys.of(project, request, request.timeMillis()), null, Instant.now(),
                request.attributes(), List.of(), false));
    }
}
