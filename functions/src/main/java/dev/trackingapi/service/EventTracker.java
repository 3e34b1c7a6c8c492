package dev.trackingapi.service;

import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.model.EventKeys;
import dev.trackingapi.model.EventRequest;
import dev.trackingapi.model.StoredEvent;
import dev.trackingapi.model.TrackingResult;
import dev.trackingapi.store.EventStore;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Tracks one validated event: checks each attribute against its first-seen type, writes the event once, whatever the
 * number of retries, and makes sure the customer has a profile, beside the event's write. In steady state that is one
 * write and no read; in a fresh execution environment one read first when the event's types are not known yet, and
 * one write more per attribute or customer that is really new, and one read per project every
 * {@link CustomerProfiles#TRUST_WINDOW} (whether an erasure happened). It answers only when both the event and the
 * profile are stored. What it wrote (or found already written) is reported to the invocation's metrics.
 */
public final class EventTracker {
    private final TypeRegistry types;
    private final CustomerProfiles profiles;
    private final EventStore events;

    public EventTracker(TypeRegistry types, CustomerProfiles profiles, EventStore events) {
        this.types = types;
        this.profiles = profiles;
        this.events = events;
    }

    public TrackingResult track(String projectId, EventRequest request, Instant receivedAt,
                                InvocationMetrics metrics) {
        long timeMillis = request.timeMillis() != null ? request.timeMillis() : receivedAt.toEpochMilli();
        AttributeScope scope = AttributeScope.event(projectId, request.name());
        String customerId = request.customerId();
        CustomerProfiles.Knowledge knowledge = profiles.knowledge(projectId, customerId);
        Prefetch prefetch = types.prefetch(scope, request.attributes(), knowledge.trusted() ? null : customerId);
        CompletableFuture<Void> customer = profiles.ensureExists(projectId, customerId, knowledge, prefetch.customer(),
                receivedAt);
        TypeRegistry.Checked checked;
        try {
            checked = types.check(prefetch, request.attributes(), receivedAt, metrics);
            String eventKey = EventKeys.of(projectId, request, timeMillis);
            boolean stored = events.putIfAbsent(new StoredEvent(projectId, customerId, request.name(), timeMillis,
                    eventKey, request.eventId(), receivedAt, checked.applied(), checked.ignored(),
                    request.timeMillis() == null));
            metrics.eventWritten(stored);
            if (stored) {
                // A retry's ignored values were counted with the event it found.
                metrics.ignored(checked.ignored());
            }
        } catch (RuntimeException | Error failed) {
            awaitQuietly(customer);
            throw failed;
        }
        await(customer);
        return TrackingResult.of(checked.ignored());
    }

    private static void await(CompletableFuture<Void> work) {
        try {
            work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The request is failing anyway: its own failure is the one to report, once nothing runs beside it any more. */
    private static void awaitQuietly(CompletableFuture<Void> work) {
        try {
            work.join();
        } catch (RuntimeException ignored) {
            // Reported by the caller's own failure.
        }
    }
}
