package dev.trackingapi.store;

import java.util.List;

/**
 * Everything stored under one customer's keys, read and deleted for an erasure: one exact partition at a time, page
 * by page (never a scan, never a prefix of a key, so that customer "abc" is never mistaken for "abc#1").
 */
public interface CustomerItemStore {

    /** The kinds of partition that hold a customer's items, in the order an erasure empties them (the profile's first). */
    List<String> partitions();

    /**
     * At most {@code max} items of the customer's partition after the given sort key (from its start when null), in
     * key order, read strongly consistently.
     */
    Page page(String partition, String projectId, String customerId, int max, String afterSortKey);

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

    /** @param lastSortKey where the next page starts, or null when the partition has no more items */
    record Page(List<StoredItem> items, String lastSortKey) {
    }
}
