package dev.trackingapi.service;

import dev.trackingapi.domain.AttributeScope;
import dev.trackingapi.domain.EventKeys;
import dev.trackingapi.domain.EventRequest;
import dev.trackingapi.domain.StoredEvent;
import dev.trackingapi.domain.TrackingResult;
import dev.trackingapi.store.EventStore;

import java.time.Instant;

/**
 * Tracks one validated event: checks each attribute against its first-seen type, makes sure the customer exists,
 * and writes the event once, whatever the number of retries. In steady state that is one write and no read; in a
 * fresh execution environment one read first, and one write more per attribute or customer that is really new.
 */
public final class EventTracker {
    private final TypeRegistry types;
    private final KnownCustomers customers;
    private final KnownFacts knownFacts;
    private final EventStore events;

    public EventTracker(TypeRegistry types, KnownCustomers customers, KnownFacts knownFacts, EventStore events) {
        this.types = types;
        this.customers = customers;
        this.knownFacts = knownFacts;
        this.events = events;
    }

    public TrackingResult track(String projectId, EventRequest request, Instant receivedAt) {
        long timeMillis = request.timeMillis() != null ? request.timeMillis() : receivedAt.toEpochMilli();
        AttributeScope scope = AttributeScope.event(projectId, request.name());
        knownFacts.learn(scope, request.attributes(), request.customerId());
        TypeRegistry.Checked checked = types.check(scope, request.attributes(), receivedAt);
        customers.ensureExists(projectId, request.customerId(), receivedAt);
        String eventKey = EventKeys.of(projectId, request, timeMillis);
        events.putIfAbsent(new StoredEvent(projectId, request.customerId(), request.name(), timeMillis, eventKey,
                request.eventId(), receivedAt, checked.applied(), checked.ignored(), request.timeMillis() == null));
        return TrackingResult.of(checked.ignored());
    }
}
