package dev.trackingapi.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The write of one customer request: reserved attributes, custom attributes whose types matched, and the cap of
 * custom attributes the profile may hold through the route.
 */
public record CustomerUpsert(String projectId, String customerId, Map<String, String> reserved, List<Attribute> custom,
                             int customAttributeCap, Instant now) {
}
