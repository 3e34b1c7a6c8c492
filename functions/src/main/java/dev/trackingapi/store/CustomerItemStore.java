package dev.trackingapi.store;

import java.util.List;

/**
 * Everything stored under one customer's keys, read and deleted for an erasure: one exact partition at a time, page
 * by page (never a scan, never a prefix of a key, so that customer "abc" is never mistaken for "abc#1").
 */
public interface CustomerItemStore {

    /** The kinds of partition that hold a customer's items, in the order an erasure empties them (the profile's first). */
    List<String> partitions();

    /** At most {@code max} items still in the customer's partition, read strongly consistently, in key order. */
    List<StoredItem> firstPage(String partition, String projectId, String customerId, int max);

    /**
     * Deletes the items (all from one partition of the customer), in batches, several in flight.
     *
     * @throws StorageUnavailableException when some could not be deleted after retries (deleting again is safe)
     */
    void delete(String projectId, String customerId, List<StoredItem> items);

    /**
     * Counts one more erasure of a profile in the project. Tracking environments read the count at least every
     * {@code CustomerProfiles.TRUST_WINDOW}, and forget what they remembered of the project's profiles when it changed.
     */
    void countErasure(String projectId);
}
