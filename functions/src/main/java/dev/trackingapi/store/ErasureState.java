package dev.trackingapi.store;

import dev.trackingapi.model.ErasureCounts;
import dev.trackingapi.model.ErasureReceipt;

import java.time.Instant;
import java.util.Set;

/**
 * An erasure as its ledger holds it while it runs: the receipt (counts so far), who may work on it (the lease), and what
 * it needs to resume exactly where a failed or interrupted call stopped.
 *
 * @param version       incremented by every write: a write that expects another version was overtaken and is refused
 * @param leaseOwner    the call that may work on the erasure now, or null
 * @param pending       items counted but not yet known to be deleted (ids from the eraser): a call that finds them
 *                      again deletes them without counting them twice
 * @param generationDue a profile was (or is being) deleted and the project's erasure count must still be raised
 * @param settleAfter   the erasure may complete only with a final pass that starts at or after this instant, or null
 */
public record ErasureState(ErasureReceipt receipt, long version, String leaseOwner, Set<Long> pending,
                           boolean generationDue, Instant settleAfter) {

    public ErasureState {
        pending = Set.copyOf(pending);
    }

    /** The same erasure with more counted, and its other progress replaced (the version is the ledger's to change). */
    public ErasureState progressed(ErasureCounts more, Set<Long> newPending, boolean newGenerationDue,
                                   Instant newSettleAfter) {
        ErasureReceipt counted = new ErasureReceipt(receipt.receiptId(), receipt.projectId(), receipt.customerHash(),
                receipt.requestedAt(), receipt.cutoffAt(), receipt.completedAt(), receipt.erased().plus(more));
        return new ErasureState(counted, version, leaseOwner, newPending, newGenerationDue, newSettleAfter);
    }

    /** The same erasure with its cutoff fixed. */
    public ErasureState withCutoff(Instant cutoffAt) {
        ErasureReceipt cut = new ErasureReceipt(receipt.receiptId(), receipt.projectId(), receipt.customerHash(),
                receipt.requestedAt(), cutoffAt, receipt.completedAt(), receipt.erased());
        return new ErasureState(cut, version, leaseOwner, pending, generationDue, settleAfter);
    }

    public ErasureState withVersion(long newVersion) {
        return new ErasureState(receipt, newVersion, leaseOwner, pending, generationDue, settleAfter);
    }
}
