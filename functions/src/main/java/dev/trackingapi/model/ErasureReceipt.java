package dev.trackingapi.model;

import java.time.Instant;

/**
 * The record an erasure leaves for audits, and the only thing it leaves: no personal data, the customer named only by
 * a keyed hash ({@link Digests#keyedSha256Base64Url}) that nobody can test a guessed id against without the key.
 *
 * @param completedAt null while the erasure is not complete; once complete, everything stored under the customer's
 *                    keys before this instant is gone
 */
public record ErasureReceipt(String receiptId, String projectId, String customerHash, Instant requestedAt,
                             Instant completedAt, ErasureCounts erased) {

    public boolean complete() {
        return completedAt != null;
    }
}
