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
        String key = projectId + SEPARATOR + customerId;
        if (known.get(key) == null) {
            store.createIfAbsent(projectId, customerId, now);
            known.put(key, Boolean.TRUE);
        }
    }

    /** Records a customer whose profile was just written by other means. */
    public void remember(String projectId, String customerId) {
        known.put(projectId + SEPARATOR + customerId, Boolean.TRUE);
    }
}
