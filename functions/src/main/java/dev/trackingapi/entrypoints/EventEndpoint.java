package dev.trackingapi.entrypoints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.config.EnvironmentVariables;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.trackingapi.config.EnvironmentVariables.ATTRIBUTE_TYPES_TABLE;
import static dev.trackingapi.config.EnvironmentVariables.CUSTOMERS_TABLE;
import static dev.trackingapi.config.EnvironmentVariables.EVENTS_TABLE;

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
        EnvironmentVariables variables = LambdaEnvironment.variables();
        this.priming = SnapStartPriming.register(this::warmUp, DynamoDbWarmUp.eventFunction(
                LambdaEnvironment.dynamoDb(), variables.required(ATTRIBUTE_TYPES_TABLE),
                variables.required(CUSTOMERS_TABLE), variables.required(EVENTS_TABLE), this::sampleItem));
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
            List<IgnoredAttribute> ignored = List.of(IgnoredAttribute.typeMismatch(request.attributes().get(0),
                    request.attributes().get(1).type()));
            DynamoDbEventStore.toItem(storedEvent(request, ignored));
            ApiResponses.success(TrackingResult.of(ignored));
            ApiResponses.success(TrackingResult.of(List.of()));
        }
        try {
            reader.read(RequestBodies.json(PrimingSamples.INVALID, false));
        } catch (RequestValidationException expected) {
            ApiResponses.validationError(expected);
        }
    }

    private StoredEvent storedEvent(EventRequest request, List<IgnoredAttribute> ignored) {
        return new StoredEvent("#warm-up", request.customerId(), request.name(), request.timeMillis(),
                EventKeys.of("#warm-up", request, request.timeMillis()), request.eventId(), Instant.EPOCH,
                request.attributes(), ignored);
    }

    private Map<String, AttributeValue> sampleItem() {
        return DynamoDbEventStore.toItem(storedEvent(reader.read(RequestBodies.json(PrimingSamples.EVENT, false)),
                List.of()));
    }

    SnapStartPriming priming() {
        return priming;
    }
}
