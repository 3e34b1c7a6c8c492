package dev.trackingapi.model;

import java.time.Instant;

/**
 * The record an erasure leaves for audits, and the only thing it leaves: no personal data, the customer named only by
 * a keyed hash ({@link Digests#keyedSha256Base64Url}) that nobody can test a guessed id against without the key.
 *
 * @param cutoffAt    everything of the customer that API Gateway received before this instant is erased, everything
 *                    received after it is a returning customer's; null until the erasure has fixed it (when its
 *                    deletion of the profile was acknowledged, or when it found no profile)
 * @param completedAt null while the erasure is not complete
 */
public record ErasureReceipt(String receiptId, String projectId, String customerHash, Instant requestedAt,
                             Instant cutoffAt, Instant completedAt, ErasureCounts erased) {

    public boolean complete() {
        return completedAt != null;
    }
}
