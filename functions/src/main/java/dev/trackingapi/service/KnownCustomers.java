package dev.trackingapi.service;

import dev.trackingapi.store.CustomerStore;

import java.time.Instant;

/**
 * The customers an execution environment knows to have a profile, and the creation of a missing one (one write per
 * new customer): customers are never deleted, so once a profile is known to exist it always does.
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
