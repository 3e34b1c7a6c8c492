package dev.trackingapi.store.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The erasure receipts table: partition key {@code id}. Two kinds of item:
 * <ul>
 * <li>a receipt, id "er_…": {@code projectId}, {@code customerHash} (keyed hash, never the customer id),
 * {@code requestedAt}, {@code cutoffAt}, {@code completedAt}, {@code status}, the counts {@code profile}, {@code events},
 * {@code other}; while the erasure runs, also its lease, version and progress, removed when it completes. The index
 * {@code byProject} (projectId, requestedAt) lists a project's receipts;</li>
 * <li>while an erasure runs, its open marker, id "open#{project}#{customer hash}", naming the receipt: so that a
 * second request for the same customer joins the running erasure instead of starting another. It is deleted when the
 * erasure completes, and is not in the index (it has no projectId).</li>
 * </ul>
 */
public final class ErasureReceiptsTable {
    public static final String ID = "id";
    public static final String PROJECT_ID = "projectId";
    public static final String CUSTOMER_HASH = "customerHash";
    public static final String REQUESTED_AT = "requestedAt";
    public static final String CUTOFF_AT = "cutoffAt";
    public static final String COMPLETED_AT = "completedAt";
    public static final String STATUS = "status";
    public static final String PROFILE = "profile";
    public static final String EVENTS = "events";
    public static final String OTHER = "other";
    public static final String BY_PROJECT_INDEX = "byProject";

    public static final String ERASING = "erasing";
    public static final String COMPLETE = "complete";

    /** Attributes of a running erasure, removed when it completes. */
    public static final String VERSION = "version";
    public static final String LEASE_OWNER = "leaseOwner";
    /** Epoch milliseconds. */
    public static final String LEASE_UNTIL = "leaseUntil";
    /** Binary: 8 bytes per item id. */
    public static final String PENDING = "pending";
    public static final String GENERATION_DUE = "generationDue";
    /** Epoch milliseconds. */
    public static final String SETTLE_AFTER = "settleAfter";
    /** A token of the last write, so that a write whose answer was lost is recognised on its retry. */
    public static final String WRITER = "writer";

    /** The attribute of an open marker that names its receipt. */
    public static final String RECEIPT_ID = "receiptId";
    public static final String RECEIPT_ID_PREFIX = "er_";
    private static final String OPEN_PREFIX = "open#";

    private ErasureReceiptsTable() {
    }

    public static Map<String, AttributeValue> key(String id) {
        return Map.of(ID, AttributeValue.fromS(id));
    }

    public static String openMarkerId(String projectId, String customerHash) {
        return OPEN_PREFIX + projectId + "#" + customerHash;
    }
}
