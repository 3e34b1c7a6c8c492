package dev.trackingapi.entrypoints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.model.TrackingResult;
import dev.trackingapi.service.CustomerTracker;
import dev.trackingapi.validation.CustomerRequestReader;

import java.time.Clock;
import java.time.Instant;

/** A customer route: the same upsert, with the route's cap on custom attributes. */
abstract class CustomerEndpoint extends TrackingEndpoint {
    private final int customAttributeCap;
    private final CustomerTracker tracker;

    CustomerEndpoint(int customAttributeCap, CustomerTracker tracker, Clock clock) {
        super(clock);
        this.customAttributeCap = customAttributeCap;
        this.tracker = tracker;
    }

    @Override
    final TrackingResult track(String projectId, JsonNode body, Instant receivedAt, InvocationMetrics metrics) {
        return tracker.upsert(projectId, CustomerRequestReader.read(body), customAttributeCap, receivedAt, metrics);
    }
}
