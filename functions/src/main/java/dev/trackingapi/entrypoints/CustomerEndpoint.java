package dev.trackingapi.entrypoints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.config.LambdaEnvironment;
import dev.trackingapi.config.Wiring;
import dev.trackingapi.domain.CustomerRequestReader;
import dev.trackingapi.domain.TrackingResult;
import dev.trackingapi.service.CustomerTracker;
import dev.trackingapi.store.dynamodb.DynamoDbWarmUp;

import java.time.Clock;
import java.time.Instant;

import static dev.trackingapi.config.EnvironmentVariables.ATTRIBUTE_TYPES_TABLE;
import static dev.trackingapi.config.EnvironmentVariables.CUSTOMERS_TABLE;

/** A customer route: the same upsert, with the route's cap on custom attributes. */
abstract class CustomerEndpoint extends TrackingEndpoint {
    private final int customAttributeCap;
    private final CustomerTracker tracker;
    private final SnapStartPriming priming;

    CustomerEndpoint(int customAttributeCap) {
        super(Clock.systemUTC());
        this.customAttributeCap = customAttributeCap;
        EnvironmentVariables variables = LambdaEnvironment.variables();
        this.tracker = Wiring.customerTracker(LambdaEnvironment.dynamoDb(), variables);
        this.priming = SnapStartPriming.register(
                SnapStartPriming.rehearsal(client -> new CustomerEndpoint(customAttributeCap,
                        Wiring.customerTracker(client, variables), Clock.systemUTC()) {
                }, variables, PrimingSamples.CUSTOMER_REQUESTS),
                DynamoDbWarmUp.customerFunction(LambdaEnvironment.dynamoDb(), variables.required(ATTRIBUTE_TYPES_TABLE),
                        variables.required(CUSTOMERS_TABLE)),
                tracker::learnRegisteredTypes);
    }

    CustomerEndpoint(int customAttributeCap, CustomerTracker tracker, Clock clock) {
        super(clock);
        this.customAttributeCap = customAttributeCap;
        this.tracker = tracker;
        this.priming = null;
    }

    @Override
    final TrackingResult track(String projectId, JsonNode body, Instant receivedAt) {
        return tracker.upsert(projectId, CustomerRequestReader.read(body), customAttributeCap, receivedAt);
    }

    SnapStartPriming priming() {
        return priming;
    }
}
