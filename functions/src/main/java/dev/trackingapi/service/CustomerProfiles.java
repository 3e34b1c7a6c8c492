package dev.trackingapi.service;

import dev.trackingapi.store.CustomerStore;
import dev.trackingapi.store.StorageUnavailableException;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * That an event's customer has a profile, made sure of beside the event's write rather than before it. The customers
 * an execution environment knows to have a profile are remembered: a profile that exists is only ever removed with
 * everything else of its customer, so in steady state this costs nothing.
 */
public final class CustomerProfiles {
    private static final int MAX_CACHED_CUSTOMERS = 100_000;
    private static final char SEPARATOR = '\u0000';
    private static final CompletableFuture<Void> NOTHING_TO_DO = CompletableFuture.completedFuture(null);

    private final CustomerStore store;
    private final Executor besideWrites;
    private final BoundedCache<String, Boolean> known = new BoundedCache<>(MAX_CACHED_CUSTOMERS);

    /** @param besideWrites runs the checks while the request's own thread writes the event */
    public CustomerProfiles(CustomerStore store, Executor besideWrites) {
        this.store = store;
        this.besideWrites = besideWrites;
    }

    boolean isKnown(String projectId, String customerId) {
        return known.get(key(projectId, customerId)) != null;
    }

    /**
     * Makes sure the customer has a profile, on another thread: nothing to do for a customer this environment knows or
     * the prefetch found; a profile the prefetch found missing is created; otherwise it is read first. A read that
     * fails is settled by the creation, a conditional write that is correct either way.
     *
     * @return completes when the profile is known to exist, or with the storage failure that prevented it
     */
    CompletableFuture<Void> ensureExists(String projectId, String customerId, Prefetch.Customer prefetched,
                                                Instant now) {
        if (prefetched == Prefetch.Customer.FOUND) {
            remember(projectId, customerId);
        }
        if (isKnown(projectId, customerId)) {
            return NOTHING_TO_DO;
        }
        return CompletableFuture.runAsync(() -> {
            if (prefetched == Prefetch.Customer.MISSING || !exists(projectId, customerId)) {
                store.createIfAbsent(projectId, customerId, now);
            }
            remember(projectId, customerId);
        }, besideWrites);
    }

    /** Forgets every customer learnt so far (what a rehearsal of requests taught it is not true of any project). */
    public void forget() {
        known.clear();
    }

    private boolean exists(String projectId, String customerId) {
        try {
            return store.exists(projectId, customerId);
        } catch (StorageUnavailableException unreadable) {
            return false;
        }
    }

    private void remember(String projectId, String customerId) {
        known.put(key(projectId, customerId), Boolean.TRUE);
    }

    private static String key(String projectId, String customerId) {
        return projectId + SEPARATOR + customerId;
    }
}
