package dev.trackingapi.store;

import dev.trackingapi.domain.AttributeScope;
import dev.trackingapi.domain.AttributeType;

import java.time.Instant;

/** The registry of first-seen attribute types. Registered types never change. */
public interface AttributeTypeStore {

    /**
     * Registers {@code type} for the attribute unless a type is already registered, atomically: under any concurrency
     * exactly one type wins.
     *
     * @return the registered type: {@code type} when this call won, otherwise the earlier winner's
     */
    AttributeType registerIfAbsent(AttributeScope scope, String attributeName, AttributeType type, Instant now);
}
