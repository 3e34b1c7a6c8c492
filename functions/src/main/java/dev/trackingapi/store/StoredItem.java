package dev.trackingapi.store;

/**
 * One item stored under a customer's keys, as an erasure sees it: which of the customer's partitions holds it, its
 * sort key there, and what it is. The partition is named by its kind, never by its key (which holds the customer id).
 */
public record StoredItem(String partition, String sortKey, Kind kind) {

    /** What an item is, for the counts of an erasure's receipt. */
    public enum Kind {
        PROFILE,
        EVENT,
        /** A value that was not applied, the first receive time of an eventId, anything else kept per customer. */
        OTHER
    }
}
