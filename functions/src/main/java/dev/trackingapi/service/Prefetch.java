package dev.trackingapi.service;

import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.model.AttributeType;

import java.util.Map;

/**
 * What a request needs to know before its writes, as {@link TypeRegistry#prefetch} found it: the registered type of
 * each of its attributes that has one, and, when the same read asked, whether its customer has a profile.
 *
 * @param registered the types registered for the request's attributes; an attribute absent here is new to the registry
 *                   as far as this environment can tell, and its check registers it
 */
record Prefetch(AttributeScope scope, Map<String, AttributeType> registered, Customer customer) {

    /** What the read found of the customer. */
    public enum Customer {
        /** The read did not ask: the customer was known to this environment, or there was nothing else to read. */
        NOT_ASKED,
        FOUND,
        MISSING
    }
}
