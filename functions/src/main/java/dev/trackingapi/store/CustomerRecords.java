package dev.trackingapi.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.model.KeptValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Customer profiles as stored, read back (the read side of {@link CustomerStore}). */
public interface CustomerRecords {

    /**
     * The customer's profile and at most {@code maxIgnored} of the values kept beside it, in one read.
     *
     * @return empty when the customer has no profile
     */
    Optional<StoredProfile> find(String projectId, String customerId, int maxIgnored);

    /**
     * A profile as stored: reserved attributes are strings; custom attributes are values whose types the registry
     * holds.
     *
     * @param moreIgnored true when more values are kept than {@code ignored} holds
     */
    record StoredProfile(String createdAt, String updatedAt, Map<String, String> reserved, Map<String, JsonNode> custom,
                         List<KeptValue> ignored, boolean moreIgnored) {
    }
}
