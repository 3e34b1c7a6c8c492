package dev.trackingapi.store;

import java.time.Instant;

/**
 * One item stored under a customer's keys, as an erasure sees it: which of the customer's partitions holds it, its
 * sort key there, what it is, and when API Gateway received the request that wrote it. The partition is named by its
 * kind, never by its key (which holds the customer id).
 *
 * @param receivedAt the receive time of the request that wrote the item (for a profile, of the one that created it);
 *                   null for an item that does not say, which an erasure treats as received before anything
 */
public record StoredItem(String partition, String sortKey, Kind kind, Instant receivedAt) {

    /** What an item is, for the counts of an erasure's receipt. */
    public enum Kind {
        PROFILE,
        EVENT,
        /** A value that was not applied, the first receive time of an eventId, anything else kept per customer. */
        OTHER
    }

    /** Whether the request that wrote the item was received before {@code cutoff}. */
    public boolean receivedBefore(Instant cutoff) {
        return receivedAt == null || receivedAt.isBefore(cutoff);
    }
}
