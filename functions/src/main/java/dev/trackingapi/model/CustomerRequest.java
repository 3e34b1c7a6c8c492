package dev.trackingapi.model;

import java.util.List;
import java.util.Map;

/**
 * A validated customer upsert.
 *
 * @param reserved the reserved attributes sent (name, email, mobile), always strings
 * @param custom   the custom attributes, in request order (the order decides which ones fit under the profile cap)
 */
public record CustomerRequest(String customerId, Map<String, String> reserved, List<Attribute> custom) {
}
