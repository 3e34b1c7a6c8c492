package dev.trackingapi.service;

import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.model.CustomerRequest;
import dev.trackingapi.model.CustomerUpsert;
import dev.trackingapi.model.IgnoredAttribute;
import dev.trackingapi.model.TrackingResult;
import dev.trackingapi.store.CustomerStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Upserts one validated customer: reserved attributes always, custom attributes whose type matches the first-seen
 * type while the profile has room under the route's cap. What is not applied is reported and kept; the update, the
 * types it registered and the values it ignored are reported to the invocation's metrics.
 */
public final class CustomerTracker {
    private final TypeRegistry types;
    private final CustomerStore customers;

    public CustomerTracker(TypeRegistry types, CustomerStore customers) {
        this.types = types;
        this.customers = customers;
    }

    public TrackingResult upsert(String projectId, CustomerRequest request, int customAttributeCap, Instant now,
                                 InvocationMetrics metrics) {
        AttributeScope scope = AttributeScope.customer(projectId);
        TypeRegistry.Checked checked = types.check(types.prefetch(scope, request.custom(), null), request.custom(), now,
                metrics);
        List<IgnoredAttribute> ignored = new ArrayList<>(checked.ignored());
        if (!ignored.isEmpty()) {
            customers.keepIgnored(projectId, request.customerId(), ignored, now);
        }
        List<Attribute> overCap = customers.upsert(new CustomerUpsert(projectId, request.customerId(),
                request.reserved(), checked.applied(), customAttributeCap, now));
        if (!overCap.isEmpty()) {
            List<IgnoredAttribute> limited = overCap.stream()
                    .map(attribute -> IgnoredAttribute.limitExceeded(attribute, customAttributeCap))
                    .toList();
            customers.keepIgnored(projectId, request.customerId(), limited, now);
            ignored.addAll(limited);
        }
        metrics.customerUpdated();
        metrics.ignored(ignored);
        return TrackingResult.of(ignored);
    }
}
