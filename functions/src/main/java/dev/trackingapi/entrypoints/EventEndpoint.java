package dev.trackingapi.entrypoints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.model.TrackingResult;
import dev.trackingapi.service.EventTracker;
import dev.trackingapi.validation.EventRequestReader;

import java.time.Clock;
import java.time.Instant;

/** An event route: its reader decides the body's form, the tracker does the rest. */
abstract class EventEndpoint extends TrackingEndpoint {
    private final EventRequestReader reader;
    private final EventTracker tracker;

    EventEndpoint(EventRequestReader reader, EventTracker tracker, Clock clock) {
        super(clock);
        this.reader = reader;
        this.tracker = tracker;
    }

    @Override
    final TrackingResult track(String projectId, JsonNode body, Instant receivedAt, InvocationMetrics metrics) {
        return tracker.track(projectId, reader.read(body), receivedAt, metrics);
    }
}
