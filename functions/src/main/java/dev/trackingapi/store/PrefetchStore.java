package dev.trackingapi.store;

import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.model.AttributeType;

import java.util.Collection;
import java.util.Map;

/**
 * What a fresh execution environment needs to know before a request's writes, read in one round trip: the registered
 * types of some attributes and whether a customer has a profile. Types may be read eventually consistently (anything
 * missed is settled by the conditional writes that follow); the profile is read strongly consistently, so that an
 * environment never remembers a profile an erasure has just deleted.
 */
public interface PrefetchStore {

    /** @param customerIdOrNull the customer whose profile to look for, or null to look for types only */
    Found lookUp(AttributeScope scope, Collection<String> attributeNames, String customerIdOrNull);

    /** @param registeredTypes the attributes found registered (the others are not, or were not seen yet) */
    record Found(Map<String, AttributeType> registeredTypes, boolean customerExists) {
    }
}
