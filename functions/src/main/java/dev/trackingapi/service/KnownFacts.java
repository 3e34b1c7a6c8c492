package dev.trackingapi.service;

import dev.trackingapi.domain.Attribute;
import dev.trackingapi.domain.AttributeScope;
import dev.trackingapi.store.KnownFactsStore;
import dev.trackingapi.store.StorageUnavailableException;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Fills an execution environment's caches in one read before a request's writes, and makes sure an event's customer
 * has a profile beside the event's write rather than before it. Without the read, a fresh environment (a cold start,
 * a restored SnapStart snapshot) would learn each attribute's type and its customer's existence with a conditional
 * write apiece; with it, only attributes and customers that are really new cost a write.
 */
public final class KnownFacts {
    private static final CompletableFuture<Void> NOTHING_TO_DO = CompletableFuture.completedFuture(null);

    private final KnownFactsStore store;
    private final TypeRegistry types;
    private final KnownCustomers customers;
    private final Executor besideWrites;

    /** @param besideWrites runs customer checks while the request's own thread writes the event */
    public KnownFacts(KnownFactsStore store, TypeRegistry types, KnownCustomers customers, Executor besideWrites) {
        this.store = store;
        this.types = types;
        this.customers = customers;
        this.besideWrites = besideWrites;
    }

    /**
     * Learns the registered types of the attributes this environment has not seen yet, in one read that also asks
     * for the customer when there is one this environment does not know.
     *
     * @param customerIdOrNull the customer the request needs to exist, or null when it does not matter
     * @return true when that read asked for the customer and found no profile
     */
    public boolean learn(AttributeScope scope, List<Attribute> attributes, String customerIdOrNull) {
        List<String> unknownTypes = types.uncached(scope, attributes);
        if (unknownTypes.isEmpty()) {
            return false;
        }
        String unknownCustomer = customerIdOrNull != null && !customers.isKnown(scope.projectId(), customerIdOrNull)
                ? customerIdOrNull : null;
        KnownFactsStore.Found found = store.lookUp(scope, unknownTypes, unknownCustomer);
        types.remember(scope, found.registeredTypes());
        if (unknownCustomer == null) {
            return false;
        }
        if (found.customerExists()) {
            customers.remember(scope.projectId(), unknownCustomer);
        }
        return !found.customerExists();
    }

    /**
     * Makes sure the customer has a profile, on another thread, so that the event's write does not wait for it:
     * nothing to do for a customer this environment knows; otherwise the existence read (unless {@link #learn} just
     * found the profile missing) and, when the profile is missing, its creation. A read that fails is settled by the
     * creation, a conditional write that is correct either way.
     *
     * @return completes when the profile is known to exist, or with the storage failure that prevented it
     */
    public CompletableFuture<Void> ensureCustomer(String projectId, String customerId, boolean knownMissing,
                                                  Instant now) {
        if (customers.isKnown(projectId, customerId)) {
            return NOTHING_TO_DO;
        }
        return CompletableFuture.runAsync(() -> {
            if (knownMissing || !profileExists(projectId, customerId)) {
                customers.ensureExists(projectId, customerId, now);
            } else {
                customers.remember(projectId, customerId);
            }
        }, besideWrites);
    }

    private boolean profileExists(String projectId, String customerId) {
        try {
            return store.customerExists(projectId, customerId);
        } catch (StorageUnavailableException unreadable) {
            return false;
        }
    }
}
