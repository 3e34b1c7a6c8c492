package dev.trackingapi.metrics;

import dev.trackingapi.model.IgnoredAttribute;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one invocation did that an operator counts. The services report the facts they alone know (an event written
 * or found already there, a customer updated, a type registered, values ignored); the entry point reports the outcome
 * (the status it answered, a key refused) and writes the whole as one EMF line when the invocation ends
 * ({@link Metrics#emit}). A new one per invocation, never shared between invocations.
 */
public final class InvocationMetrics {
    private final Map<Metric, Integer> counts = new EnumMap<>(Metric.class);
    private final Map<IgnoredAttribute.Reason, Integer> ignored = new EnumMap<>(IgnoredAttribute.Reason.class);
    private int rejectedStatus;

    /** @param stored what the event store answered: true when written, false when the event was already there */
    public synchronized void eventWritten(boolean stored) {
        add(stored ? Metric.EVENTS_STORED : Metric.EVENTS_DUPLICATE, 1);
    }

    public synchronized void customerUpdated() {
        add(Metric.CUSTOMERS_UPDATED, 1);
    }

    /** An attribute type this invocation registered (not one another request registered first). */
    public synchronized void typeRegistered() {
        add(Metric.TYPES_REGISTERED, 1);
    }

    /** Values stored beside what they were sent for, but not applied, each with its reason. */
    public synchronized void ignored(List<IgnoredAttribute> values) {
        for (IgnoredAttribute value : values) {
            ignored.merge(value.reason(), 1, Integer::sum);
            add(Metric.ATTRIBUTES_IGNORED, 1);
        }
    }

    /** The status the invocation answered: a 4xx is a rejection, a 503 storage that could not be used. */
    public synchronized void answered(int status) {
        if (status >= 400 && status < 500) {
            rejectedStatus = status;
            counts.put(Metric.REJECTED, 1);
        } else if (status == 503) {
            counts.put(Metric.STORAGE_UNAVAILABLE, 1);
        }
    }

    public synchronized void keyRefused() {
        add(Metric.KEYS_REFUSED, 1);
    }

    /** How many of this metric the invocation counted (0 when none). */
    public synchronized int count(Metric metric) {
        return counts.getOrDefault(metric, 0);
    }

    /** How many values were ignored for this reason. */
    public synchronized int ignored(IgnoredAttribute.Reason reason) {
        return ignored.getOrDefault(reason, 0);
    }

    /** The status of the rejection, 0 when the invocation was not rejected. */
    public synchronized int rejectedStatus() {
        return rejectedStatus;
    }

    /** Whether the invocation counted nothing (a read that found what it looked for, say): then no line is written. */
    public synchronized boolean isEmpty() {
        return counts.isEmpty();
    }

    private void add(Metric metric, int value) {
        counts.merge(metric, value, Integer::sum);
    }
}
