package dev.trackingapi.store;

import dev.trackingapi.model.ErasureReceipt;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The receipts of erasures, and the state of those still running. At most one erasure of a customer is open at a time,
 * and at most one call works on it (the lease); every write is conditional on the version it read, so two calls can
 * never both count the same item, and a write whose answer was lost is recognised when it is retried.
 */
public interface ErasureLedger {

    /**
     * The receipt id of the customer's open erasure: {@code newReceiptId}, opened now with an empty receipt, or the id
     * of the one already open.
     */
    String open(String projectId, String customerHash, String newReceiptId, Instant requestedAt);

    /** Forgets that the erasure is the customer's open one (after it completed): the next request opens a new one. */
    void close(String projectId, String customerHash, String receiptId);

    /**
     * Takes the lease of a running erasure for {@code owner} until {@code until}, unless another owner holds one that
     * has not expired.
     *
     * @return whether it is held now, and the erasure's state (a complete receipt when it is complete)
     */
    Lease lease(String receiptId, String owner, Instant now, Instant until);

    /**
     * Writes the progress of {@code next}, if the erasure is still at {@code current}'s version under the same lease.
     *
     * @return {@code next} at its new version
     * @throws LeaseLostException when another call took the erasure over
     */
    ErasureState record(ErasureState current, ErasureState next);

    /** Completes the receipt (its counts as in {@code state}) and removes everything but the receipt's fields. */
    ErasureReceipt complete(ErasureState state, Instant completedAt);

    /** Gives the lease up, keeping {@code state}'s progress, so that the next call need not wait for it to expire. */
    void release(ErasureState state);

    Optional<ErasureReceipt> find(String receiptId);

    /** A project's receipts, newest first. */
    List<ErasureReceipt> listByProject(String projectId);

    record Lease(boolean held, ErasureState state) {
    }

    /** Another call took over the erasure (this one's lease expired): this call must stop. */
    final class LeaseLostException extends RuntimeException {
        private final ErasureState state;

        public LeaseLostException(ErasureState state) {
            super("another call took over erasure " + state.receipt().receiptId(), null, false, false);
            this.state = state;
        }

        public ErasureState state() {
            return state;
        }
    }
}
