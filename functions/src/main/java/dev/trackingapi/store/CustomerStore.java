package dev.trackingapi.store;

import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.CustomerUpsert;
import dev.trackingapi.model.IgnoredAttribute;

import java.time.Instant;
import java.util.List;

/** Customer profiles, and the values that were not applied to them. */
public interface CustomerStore {

    /** Creates an empty profile for the customer unless it exists; never changes an existing one. */
    void createIfAbsent(String projectId, String customerId, Instant now);

    /** Whether the customer has a profile (a strongly consistent read, so that an erasure is never read around). */
    boolean exists(String projectId, String customerId);

    /**
     * How many erasures of a profile the project has had (0 for none), by a strongly consistent read: what an
     * environment remembers of the project's profiles holds only while this has not changed.
     */
    long erasureGeneration(String projectId);

    /**
     * Whether the customer has a profile and the project's erasure count, both strongly consistent, in one round trip
     * where the store can: then neither read is known to come before the other. The default reads the count first.
     */
    default ProfileAndErasures profileAndErasures(String projectId, String customerId) {
        long generation = erasureGeneration(projectId);
        return new ProfileAndErasures(exists(projectId, customerId), generation);
    }

    /** @param erasureGeneration as {@link #erasureGeneration} answers it */
    record ProfileAndErasures(boolean exists, long erasureGeneration) {
    }

    /**
     * Upserts the profile: each attribute is set on its own path, so concurrent updates of different attributes never
     * lose each other; createdAt is set once, updatedAt every time. New custom attributes beyond the cap are not set.
     *
     * @return the custom attributes that were not set because the profile reached its cap
     */
    List<Attribute> upsert(CustomerUpsert upsert);

    /** Keeps values that were not applied beside the profile, so that nothing the client sent is lost. */
    void keepIgnored(String projectId, String customerId, List<IgnoredAttribute> ignored, Instant now);
}
