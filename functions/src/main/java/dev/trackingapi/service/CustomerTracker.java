package dev.trackingapi.service;

import dev.trackingapi.domain.Attribute;
import dev.trackingapi.domain.AttributeScope;
import dev.trackingapi.domain.CustomerRequest;
import dev.trackingapi.domain.CustomerUpsert;
import dev.trackingapi.domain.IgnoredAttribute;
import dev.trackingapi.domain.TrackingResult;
import dev.trackingapi.store.CustomerStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Upserts one validated customer: reserved attributes always, custom attributes whose type matches the first-seen
 * type while the profile has room under the route's cap. What is not applied is reported and kept.
 */
public final class CustomerTracker {
    private final TypeRegistry types;
    private final KnownCustomers knownCustomers;
    private final KnownFacts knownFacts;
    private final CustomerStore customers;

    public CustomerTracker(TypeRegistry types, KnownCustomers knownCustomers, KnownFacts knownFacts,
                           CustomerStore customers) {
        this.types = types;
        this.knownCustomers = knownCustomers;
        this.knownFacts = knownFacts;
        this.customers = customers;
    }

    public TrackingResult upsert(String projectId, CustomerRequest request, int customAttributeCap, Instant now) {
        AttributeScope scope = AttributeScope.customer(projectId);
        knownFacts.learn(scope, request.custom(), null);
        TypeRegistry.Checked checked = types.check(scope, request.custom(), now);
        List<IgnoredAttribute> ignored = new ArrayList<>(checked.ignored());
        if (!ignored.isEmpty()) {
            customers.keepIgnored(projectId, request.customerId(), ignored, now);
        }
        List<Attribute> overCap = customers.upsert(new CustomerUpsert(projectId, request.customerId(),
                request.reserved(), checked.applied(), customAttributeCap, now));
        knownCustomers.remember(projectId, request.customerId());
        if (!overCap.isEmpty()) {
            List<IgnoredAttribute> limited = overCap.stream()
                    .map(attribute -> IgnoredAttribute.limitExceeded(attribute, customAttributeCap))
                    .toList();
            customers.keepIgnored(projectId, request.customerId(), limited, now);
            ignored.addAll(limited);
        }
        return TrackingResult.of(ignored);
    }

    /** Types are learnt once per snapshot rather than once per restored environment: see {@link TypeRegistry}. */
    public int learnRegisteredTypes() {
        return types.learnRegistered();
    }
}
