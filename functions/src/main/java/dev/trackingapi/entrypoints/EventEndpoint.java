package dev.trackingapi.entrypoints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.config.LambdaEnvironment;
import dev.trackingapi.config.Wiring;
import dev.trackingapi.domain.EventKeys;
import dev.trackingapi.domain.EventRequest;
import dev.trackingapi.domain.EventRequestReader;
import dev.trackingapi.domain.IgnoredAttribute;
import dev.trackingapi.domain.RequestValidationException;
import dev.trackingapi.domain.StoredEvent;
import dev.trackingapi.domain.TrackingResult;
import dev.trackingapi.http.ApiResponses;
import dev.trackingapi.http.RequestBodies;
import dev.trackingapi.service.EventTracker;
import dev.trackingapi.store.dynamodb.DynamoDbEventStore;
import dev.trackingapi.store.dynamodb.DynamoDbWarmUp;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static dev.trackingapi.config.EnvironmentVariables.ATTRIBUTE_TYPES_TABLE;

/** An event route: its reader decides the body's form, the tracker does the rest. */
abstract class EventEndpoint extends TrackingEndpoint {
    private final EventRequestReader reader;
    private final EventTracker tracker;
    private final SnapStartPriming priming;

    /** The Lambda wiring: the environment's client and tables, primed before a SnapStart snapshot. */
    EventEndpoint(EventRequestReader reader) {
        super(Clock.systemUTC());
        this.reader = reader;
        this.tracker = Wiring.eventTracker(LambdaEnvironment.dynamoDb(), LambdaEnvironment.variables());
        Runnable dynamoDbWarmUp = DynamoDbWarmUp.readOfMissingItem(LambdaEnvironment.dynamoDb(),
                LambdaEnvironment.variables().required(ATTRIBUTE_TYPES_TABLE), "pk", "sk");
        this.priming = SnapStartPriming.register(() -> {
            warmUp();
            dynamoDbWarmUp.run();
        });
    }

    EventEndpoint(EventRequestReader reader, EventTracker tracker, Clock clock) {
        super(clock);
        this.reader = reader;
        this.tracker = tracker;
        this.priming = null;
    }

    @Override
    final TrackingResult track(String projectId, JsonNode body, Instant receivedAt) {
        return tracker.track(projectId, reader.read(body), receivedAt);
    }

    /** Everything a request does short of writing: parsing, validation, keys, item mapping, responses. */
    void warmUp() {
        for (String sample : List.of(PrimingSamples.EVENT, PrimingSamples.FLAT_EVENT)) {
            EventRequest request = reader.read(RequestBodies.json(sample, false));
            String key = EventKeys.of("#warm-up", request, request.timeMillis());
            List<IgnoredAttribute> ignored = List.of(IgnoredAttribute.typeMismatch(request.attributes().get(0),
                    request.attributes().get(1).type()));
            DynamoDbEventStore.toItem(new StoredEvent("#warm-up", request.customerId(), request.name(),
                    request.timeMillis(), key, request.eventId(), Instant.EPOCH, request.attributes(), ignored, false));
            ApiResponses.success(TrackingResult.of(ignored));
        }
        try {
            reader.read(RequestBodies.json(PrimingSamples.INVALID, false));
        } catch (RequestValidationException expected) {
            ApiResponses.validationError(expected);
        }
    }

    SnapStartPriming priming() {
        return priming;
    }
}
