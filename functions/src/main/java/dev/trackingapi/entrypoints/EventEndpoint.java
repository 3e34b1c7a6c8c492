package dev.trackingapi.entrypoints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.config.BesideWrites;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.config.LambdaEnvironment;
import dev.trackingapi.config.Wiring;
import dev.trackingapi.domain.EventRequestReader;
import dev.trackingapi.domain.TrackingResult;
import dev.trackingapi.service.EventTracker;
import dev.trackingapi.store.dynamodb.DynamoDbWarmUp;

import java.time.Clock;
import java.time.Instant;

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
        EnvironmentVariables variables = LambdaEnvironment.variables();
        this.tracker = Wiring.eventTracker(LambdaEnvironment.dynamoDb(), variables);
        this.priming = SnapStartPriming.register(
                SnapStartPriming.rehearsal(client -> new EventEndpoint(reader, Wiring.eventTracker(client, variables),
                        Clock.systemUTC()) {
                }, variables, PrimingSamples.EVENT_REQUESTS),
                DynamoDbWarmUp.eventFunction(LambdaEnvironment.dynamoDb(), variables.required(ATTRIBUTE_TYPES_TABLE),
                        variables.required(CUSTOMERS_TABLE), variables.required(EVENTS_TABLE), BesideWrites.pool()),
                tracker::learnRegisteredTypes);
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

    SnapStartPriming priming() {
        return priming;
    }
}
