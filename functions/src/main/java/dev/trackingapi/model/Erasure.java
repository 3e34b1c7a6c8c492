package dev.trackingapi.model;

import java.time.Duration;

/**
 * The answer to one erasure request: its receipt, complete or not yet.
 *
 * @param retryAfter when the erasure is not complete, how long until calling again can make progress (the time it
 *                   still has to wait, or a second)
 */
public record Erasure(ErasureReceipt receipt, Duration retryAfter) {

    public static Erasure complete(ErasureReceipt receipt) {
        return new Erasure(receipt, Duration.ZERO);
    }

    public boolean complete() {
        return receipt.complete();
    }
}
