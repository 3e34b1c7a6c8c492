package dev.trackingapi.service;

import dev.trackingapi.model.Digests;
import dev.trackingapi.model.Erasure;
import dev.trackingapi.model.ErasureCounts;
import dev.trackingapi.model.ErasureReceipt;
import dev.trackingapi.store.CustomerItemStore;
import dev.trackingapi.store.CustomerStore;
import dev.trackingapi.store.ErasureKeyStore;
import dev.trackingapi.store.ErasureLedger;
import dev.trackingapi.store.ErasureState;
import dev.trackingapi.store.StoredItem;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Erases everything stored under a customer's keys in a project, synchronously, within the time the function has left,
 * and keeps a receipt of it.
 *
 * <p>What is erased: every item written by a request that API Gateway received before the erasure's cutoff. The
 * cutoff is fixed once the customer's own partition (the profile and the values kept beside it) has been emptied:
 * an update of the profile that lands before then was received before it and is erased with it; a request received
 * after it is a returning customer's and is kept (its profile created again). Every item says when its request was
 * received (an event's or an ignored value's receivedAt, a profile's createdAt, a receipt time's own time).
 *
 * <p>How it runs. Pass after pass over the customer's partitions, each read page by page with strongly consistent
 * Queries on its exact key, each page's items received before the cutoff are first counted in the ledger (as
 * "pending") and then deleted. A deleted profile raises the project's erasure count, so that tracking environments
 * stop trusting their memory of it ({@link CustomerProfiles}). The erasure completes with a pass that erases nothing
 * and starts at least the trust window (at least the tracking functions' timeout) plus a margin after both the cutoff
 * and the last raise of the count: by then every request received before the cutoff has finished writing, and no
 * environment trusts a deleted profile. If a returning customer's items are there without a profile, the erasure
 * creates it.
 *
 * <p>Interruptions. When the time left runs out it stops between pages and answers "not complete" with the counts so
 * far; a failure (DynamoDB unavailable) stops it the same way. Calling again resumes: items found again that are still
 * pending are deleted without being counted twice. One call at a time works on an erasure (a lease in the ledger,
 * until the function's own timeout): a second call waits for it to finish, or answers "not complete" with its counts.
 */
public final class CustomerEraser {
    /** Items read, counted and deleted together: one Query, one ledger write, and 40 BatchWriteItems at most. */
    static final int PAGE_SIZE = 1_000;
    /** Beyond the trust window: clock differences between environments, and a count read just as it changed. */
    static final Duration SETTLE_MARGIN = Duration.ofSeconds(1);
    /** A lease lasts until the function's own timeout, and this long beyond it, for clocks and a request in flight. */
    static final Duration LEASE_SKEW = Duration.ofSeconds(2);
    /** How often a call waiting for another one's lease looks again. */
    static final Duration POLL = Duration.ofMillis(250);
    /** What a call answers as Retry-After when it has to stop with nothing else to wait for. */
    static final Duration RETRY_SOON = Duration.ofSeconds(1);
    public static final Duration DEFAULT_SAFETY_MARGIN = Duration.ofSeconds(5);
    private static final int KEY_BYTES = 32;
    private static final char SEPARATOR = '\u0000';

    private final CustomerItemStore items;
    private final CustomerStore customers;
    private final ErasureLedger ledger;
    private final ErasureKeyStore keys;
    private final Duration settleTime;
    private final Duration safetyMargin;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] key;

    /**
     * @param trustWindow  the tracking functions' {@link CustomerProfiles#TRUST_WINDOW} (tests shorten both together)
     * @param safetyMargin how long before the function's timeout to stop starting new work
     */
    public CustomerEraser(CustomerItemStore items, CustomerStore customers, ErasureLedger ledger, ErasureKeyStore keys,
                          Duration trustWindow, Duration safetyMargin, Clock clock) {
        this.items = items;
        this.customers = customers;
        this.ledger = ledger;
        this.keys = keys;
        this.settleTime = trustWindow.plus(SETTLE_MARGIN);
        this.safetyMargin = safetyMargin;
        this.clock = clock;
    }

    /**
     * Erases the customer, or goes on with its erasure, for as long as {@code timeLeft} (the function's remaining time)
     * allows; at least one page of it whatever the time left, so that calling again always makes progress.
     */
    public Erasure erase(String projectId, String customerId, Instant requestedAt, Duration timeLeft) {
        Instant start = clock.instant();
        Instant deadline = start.plus(timeLeft).minus(safetyMargin);
        Instant leaseUntil = start.plus(timeLeft).plus(LEASE_SKEW);
        String customerHash = customerHash(projectId, customerId);
        String owner = newId("lease_");
        ErasureState state = acquire(projectId, customerHash, requestedAt, owner, deadline, leaseUntil);
        if (state.receipt().complete()) {
            return Erasure.complete(state.receipt());
        }
        if (!owner.equals(state.leaseOwner())) {
            return new Erasure(state.receipt(), RETRY_SOON);
        }
        return new Run(projectId, customerId, customerHash, state, deadline).run();
    }

    /** The customer as receipts name it: a keyed hash of the project and the customer id. */
    public String customerHash(String projectId, String customerId) {
        return customerHash(key(), projectId, customerId);
    }

    /** The customer as receipts name it, under the deployment's key (for whoever holds it: the admin tool's find). */
    public static String customerHash(byte[] key, String projectId, String customerId) {
        return Digests.keyedSha256Base64Url(key, projectId + SEPARATOR + customerId);
    }

    /** Forgets the key (what a SnapStart rehearsal made it hold is no deployment's key). */
    public void forget() {
        key = null;
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            byte[] candidate = new byte[KEY_BYTES];
            random.nextBytes(candidate);
            known = keys.keyOrCreate(candidate);
            key = known;
        }
        return known;
    }

    /**
     * The customer's open erasure with this call's lease, or as another call holds it, or complete. A marker left open
     * by an erasure that completed before this request arrived is closed, and a new erasure opened.
     */
    private ErasureState acquire(String projectId, String customerHash, Instant requestedAt, String owner,
                                 Instant deadline, Instant leaseUntil) {
        for (int attempt = 0; ; attempt++) {
            String receiptId = ledger.open(projectId, customerHash, newId("er_"), requestedAt);
            ErasureLedger.Lease lease = ledger.lease(receiptId, owner, clock.instant(), leaseUntil);
            while (!lease.held() && !lease.state().receipt().complete()
                    && clock.instant().plus(POLL).isBefore(deadline)) {
                sleep(POLL);
                lease = ledger.lease(receiptId, owner, clock.instant(), leaseUntil);
            }
            ErasureReceipt receipt = lease.state().receipt();
            if (receipt.complete() && receipt.completedAt().isBefore(requestedAt) && attempt == 0) {
                ledger.close(projectId, customerHash, receiptId);
                continue;
            }
            return lease.state();
        }
    }

    /** One call's work on an erasure it holds the lease of. */
    private final class Run {
        private final String projectId;
        private final String customerId;
        private final String customerHash;
        private final Instant deadline;
        private ErasureState state;
        /** Pending items this call has deleted since it last wrote to the ledger. */
        private Set<Long> deleted = Set.of();
        private boolean progressed;

        Run(String projectId, String customerId, String customerHash, ErasureState state, Instant deadline) {
            this.projectId = projectId;
            this.customerId = customerId;
            this.customerHash = customerHash;
            this.state = state;
            this.deadline = deadline;
        }

        Erasure run() {
            try {
                if (state.generationDue()) {
                    countErasure();
                }
                if (state.receipt().cutoffAt() == null) {
                    if (!sweep(items.partitions().get(0), null, null)) {
                        return pause(RETRY_SOON);
                    }
                    fixCutoff();
                }
                while (true) {
                    Instant passStart = clock.instant();
                    Kept kept = new Kept();
                    boolean found = false;
                    for (String partition : items.partitions()) {
                        Boolean swept = sweepCounting(partition, kept);
                        if (swept == null) {
                            return pause(RETRY_SOON);
                        }
                        found |= swept;
                    }
                    if (!found) {
                        Instant settleAfter = settleAfter();
                        if (settleAfter != null && passStart.isBefore(settleAfter)) {
                            if (settleAfter.isAfter(deadline)) {
                                return pause(Duration.between(clock.instant(), settleAfter));
                            }
                            sleep(Duration.between(clock.instant(), settleAfter));
                            continue;
                        }
                        if (kept.earliest != null && !kept.profile) {
                            customers.createIfAbsent(projectId, customerId, kept.earliest);
                        }
                        return complete(passStart);
                    }
                }
            } catch (ErasureLedger.LeaseLostException lost) {
                return new Erasure(lost.state().receipt(), RETRY_SOON);
            } catch (RuntimeException | Error failure) {
                releaseQuietly();
                throw failure;
            }
        }

        /** What a pass left in place: items of requests received after the cutoff (a returning customer's). */
        private static final class Kept {
            Instant earliest;
            boolean profile;
        }

        private Boolean sweepCounting(String partition, Kept kept) {
            boolean[] found = {false};
            boolean complete = sweep(partition, state.receipt().cutoffAt(), item -> {
                if (item == null) {
                    found[0] = true;
                    return;
                }
                if (item.kind() == StoredItem.Kind.PROFILE) {
                    kept.profile = true;
                }
                if (item.receivedAt() != null && (kept.earliest == null || item.receivedAt().isBefore(kept.earliest))) {
                    kept.earliest = item.receivedAt();
                }
            });
            return complete ? found[0] : null;
        }

        /**
         * Reads the partition from its start to its end, page by page, and erases every item received before the
         * cutoff (every item when there is none yet); tells {@code observer} of each item left in place, and null once
         * when something was erased.
         *
         * @return false when the time ran out first (after this call made progress)
         */
        private boolean sweep(String partition, Instant cutoff, java.util.function.Consumer<StoredItem> observer) {
            String after = null;
            do {
                if (progressed && outOfTime()) {
                    return false;
                }
                CustomerItemStore.Page page = items.page(partition, projectId, customerId, PAGE_SIZE, after);
                List<StoredItem> erasable = new java.util.ArrayList<>(page.items().size());
                for (StoredItem item : page.items()) {
                    if (cutoff == null || item.receivedBefore(cutoff)) {
                        erasable.add(item);
                    } else if (observer != null) {
                        observer.accept(item);
                    }
                }
                if (!erasable.isEmpty()) {
                    erasePage(erasable);
                    if (observer != null) {
                        observer.accept(null);
                    }
                }
                after = page.lastSortKey();
            } while (after != null);
            return true;
        }

        private boolean outOfTime() {
            return clock.instant().isAfter(deadline);
        }

        /** Counts the page's new items and marks the page pending, then deletes it. */
        private void erasePage(List<StoredItem> page) {
            Set<Long> pending = new HashSet<>(state.pending());
            pending.removeAll(deleted);
            Set<Long> pageIds = new HashSet<>(page.size() * 2);
            long profiles = 0;
            long events = 0;
            long others = 0;
            for (StoredItem item : page) {
                long id = itemId(item);
                pageIds.add(id);
                if (pending.add(id)) {
                    switch (item.kind()) {
                        case PROFILE -> profiles++;
                        case EVENT -> events++;
                        default -> others++;
                    }
                }
            }
            boolean profile = page.stream().anyMatch(item -> item.kind() == StoredItem.Kind.PROFILE);
            state = ledger.record(state, state.progressed(new ErasureCounts(profiles, events, others), pending,
                    state.generationDue() || profile, state.settleAfter()));
            items.delete(projectId, customerId, page);
            deleted = pageIds;
            progressed = true;
            if (profile) {
                countErasure();
            }
        }

        /**
         * Raises the project's erasure count, after the profile's deletion, and sets when the erasure may complete:
         * once every tracking environment has re-read the count.
         */
        private void countErasure() {
            items.countErasure(projectId);
            Instant settleAfter = later(state.settleAfter(), clock.instant().plus(settleTime));
            state = ledger.record(state, state.progressed(ErasureCounts.NONE, withoutDeleted(), false, settleAfter));
            deleted = Set.of();
        }

        /**
         * Fixes the cutoff once the customer's partition has been swept (the old profile's deletion acknowledged):
         * what is received from now on is a returning customer's.
         */
        private void fixCutoff() {
            // To the millisecond, as items store their receive times.
            Instant cutoff = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            state = ledger.record(state, state.withCutoff(cutoff).progressed(ErasureCounts.NONE, withoutDeleted(),
                    state.generationDue(), state.settleAfter()));
            deleted = Set.of();
        }

        /**
         * The earliest start of the pass that may complete the erasure: a trust window and a margin after the last
         * raise of the erasure count, and, when anything was erased, after the cutoff (requests received before it
         * have all finished writing by then). An erasure that found nothing at all completes at once.
         */
        private Instant settleAfter() {
            Instant cutoff = state.receipt().cutoffAt();
            return state.receipt().erased().total() > 0 && cutoff != null
                    ? later(state.settleAfter(), cutoff.plus(settleTime)) : state.settleAfter();
        }

        private Set<Long> withoutDeleted() {
            Set<Long> pending = new HashSet<>(state.pending());
            pending.removeAll(deleted);
            return pending;
        }

        private Erasure complete(Instant completedAt) {
            ErasureReceipt receipt = ledger.complete(state, completedAt);
            try {
                ledger.close(projectId, customerHash, receipt.receiptId());
            } catch (RuntimeException notClosed) {
                // The next request finds the marker of a completed erasure, closes it and opens a new one.
            }
            return Erasure.complete(receipt);
        }

        private Erasure pause(Duration retryAfter) {
            releaseQuietly();
            return new Erasure(state.receipt(), retryAfter.compareTo(RETRY_SOON) < 0 ? RETRY_SOON : retryAfter);
        }

        private void releaseQuietly() {
            try {
                ledger.release(state);
            } catch (RuntimeException notReleased) {
                // The lease expires at the function's timeout anyway.
            }
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /** The id of an item in an erasure's pending set: 8 bytes of the SHA-256 of its partition and sort key. */
    static long itemId(StoredItem item) {
        return ByteBuffer.wrap(Digests.sha256(item.partition() + SEPARATOR + item.sortKey())).getLong();
    }

    private String newId(String prefix) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return prefix + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while an erasure waited", e);
        }
    }
}
