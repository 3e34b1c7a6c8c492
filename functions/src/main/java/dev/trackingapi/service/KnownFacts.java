package dev.trackingapi.service;

import dev.trackingapi.domain.Attribute;
import dev.trackingapi.domain.AttributeScope;
import dev.trackingapi.store.KnownFactsStore;

import java.util.List;

/**
 * Fills an execution environment's caches in one read before a request's writes. Without it, a fresh environment (a
 * cold start, a restored SnapStart snapshot) would learn each attribute's type and its customer's existence with a
 * conditional write apiece; with it, only attributes and customers that are really new cost a write.
 */
public final class KnownFacts {
    private final KnownFactsStore store;
    private final TypeRegistry types;
    private final KnownCustomers customers;

    public KnownFacts(KnownFactsStore store, TypeRegistry types, KnownCustomers customers) {
        this.store = store;
        this.types = types;
        this.customers = customers;
    }

    /** @param customerIdOrNull the customer the request needs to exist, or null when it does not matter */
    public void learn(AttributeScope scope, List<Attribute> attributes, String customerIdOrNull) {
        List<String> unknownTypes = types.uncached(scope, attributes);
        String unknownCustomer = customerIdOrNull != null && !customers.isKnown(scope.projectId(), customerIdOrNull)
                ? customerIdOrNull : null;
        if (unknownTypes.isEmpty() && unknownCustomer == null) {
            return;
        }
        KnownFactsStore.Found found = store.lookUp(scope, unknownTypes, unknownCustomer);
        types.remember(scope, found.registeredTypes());
        if (found.customerExists()) {
            customers.remember(scope.projectId(), unknownCustomer);
        }
    }
}
