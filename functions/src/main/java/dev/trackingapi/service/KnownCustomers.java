package dev.trackingapi.service;

import dev.trackingapi.store.CustomerStore;

import java.time.Instant;

/**
 * Makes sure every event's customer has a profile, at the cost of one write per new customer per execution
 * environment: customers are never deleted, so once a profile is known to exist it always does.
 */
public final class KnownCustomers {
    private static final int MAX_CACHED_CUSTOMERS = 100_000;
    private static final char SEPARATOR = '\u0000';

    private final CustomerStore store;
    private final BoundedCache<String, Boolean> known = new BoundedCache<>(MAX_CACHED_CUSTOMERS);

    public KnownCustomers(CustomerStore store) {
        this.store = store;
    }

    public void ensureExists(String projectId, String customerId, Instant now) {
        if (!isKnown(projectId, customerId)) {
            store.createIfAbsent(projectId, customerId, now);
            remember(projectId, customerId);
        }
    }

    boolean isKnown(String projectId, String customerId) {
        return known.get(key(projectId, customerId)) != null;
    }

    /** Records a customer whose profile is known to exist: just written, or read. */
    public void remember(String projectId, String customerId) {
        known.put(key(projectId, customerId), Boolean.TRUE);
    }

    private static String key(String projectId, String customerId) {
        return projectId + SEPARATOR + customerId;
    }
}
