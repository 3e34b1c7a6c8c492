package dev.trackingapi.service;

import dev.trackingapi.store.CustomerStore;
import dev.trackingapi.store.StorageUnavailableException;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * That an event's customer has a profile, made sure of beside the event's write rather than before it. An environment
 * remembers the customers it has seen a profile of, so that in steady state this costs nothing.
 *
 * <p>Erasures. A profile is only ever removed by an erasure, and an erasure raises its project's erasure count after
 * it. So what is remembered of a customer is tagged with the count read before the profile was (strongly consistently)
 * seen, and trusted only while a read of the count no older than {@link #TRUST_WINDOW} still finds that value: one
 * read per project per environment and window, beside the event's write, whatever the number of customers. An erasure
 * completes only after that window has passed since it raised the count, so from its completion on no environment
 * trusts a profile it deleted, and a returning customer's first event creates the profile again.
 */
public final class CustomerProfiles {
    /**
     * How long a read of a project's erasure count vouches for what is remembered of its profiles. At least the
     * tracking functions' timeout (template.yaml), so that no request that saw a profile before its erasure can still
     * be writing when the erasure completes.
     */
    public static final Duration TRUST_WINDOW = Duration.ofSeconds(10);
    private static final int MAX_CACHED_CUSTOMERS = 100_000;
    private static final char SEPARATOR = '\u0000';
    private static final long UNKNOWN = -1;
    private static final CompletableFuture<Void> NOTHING_TO_DO = CompletableFuture.completedFuture(null);

    private final CustomerStore store;
    private final Executor besideWrites;
    private final long trustNanos;
    private final LongSupplier nanoTime;
    /** Customers whose profile this environment has seen, with the erasure count read before it was seen. */
    private final BoundedCache<String, Long> known = new BoundedCache<>(MAX_CACHED_CUSTOMERS);
    private final ConcurrentHashMap<String, Generation> generations = new ConcurrentHashMap<>();

    /** A project's erasure count, and when the read that found it was sent (System.nanoTime). */
    private record Generation(long value, long readAtNanos) {
    }

    /**
     * What the environment knows of a customer's profile before a request reads anything.
     *
     * @param generation the project's erasure count as last read, or -1 when never read: the tag of a profile the
     *                   request's first read finds
     */
    record Knowledge(boolean trusted, long generation) {
    }

    /** @param besideWrites runs the checks while the request's own thread writes the event */
    public CustomerProfiles(CustomerStore store, Executor besideWrites) {
        this(store, besideWrites, TRUST_WINDOW, System::nanoTime);
    }

    /** @param trustWindow shortened by tests, together with the eraser's */
    public CustomerProfiles(CustomerStore store, Executor besideWrites, Duration trustWindow, LongSupplier nanoTime) {
        this.store = store;
        this.besideWrites = besideWrites;
        this.trustNanos = trustWindow.toNanos();
        this.nanoTime = nanoTime;
    }

    Knowledge knowledge(String projectId, String customerId) {
        Generation generation = generations.get(projectId);
        Long seenUnder = known.get(key(projectId, customerId));
        boolean trusted = generation != null && seenUnder != null && seenUnder == generation.value()
                && fresh(generation);
        return new Knowledge(trusted, generation == null ? UNKNOWN : generation.value());
    }

    /**
     * Makes sure the customer has a profile, on another thread: nothing to do for a customer trusted before the
     * request; otherwise the project's erasure count is read when the last read is older than the trust window, and
     * then the customer is trusted again if nothing was erased meanwhile, or taken from the prefetch (which found or
     * missed the profile), or read, and created when missing. A read that fails is settled by the creation, a
     * conditional write that is correct either way. A customer never seen, in a project whose count is stale and
     * without a prefetch, has both read in one round trip ({@link #firstSight}), so that a fresh environment's first
     * event of a new customer waits for two calls beside its write, as before erasures existed, not three.
     *
     * @param before what was known before the request's prefetch was sent
     * @return completes when the profile is known to exist, or with the storage failure that prevented it
     */
    CompletableFuture<Void> ensureExists(String projectId, String customerId, Knowledge before,
                                         Prefetch.Customer prefetched, Instant now) {
        if (before.trusted()) {
            return NOTHING_TO_DO;
        }
        return CompletableFuture.runAsync(() -> {
            String key = key(projectId, customerId);
            if (prefetched == Prefetch.Customer.NOT_ASKED && known.get(key) == null && !hasFreshGeneration(projectId)
                    && firstSight(projectId, customerId, before, now)) {
                return;
            }
            long generation = currentGeneration(projectId);
            Long seenUnder = known.get(key);
            if (seenUnder != null && seenUnder == generation) {
                return;
            }
            if (prefetched == Prefetch.Customer.FOUND) {
                if (before.generation() == generation) {
                    known.put(key, generation);
                }
                return;
            }
            if (prefetched == Prefetch.Customer.MISSING || !exists(projectId, customerId)) {
                store.createIfAbsent(projectId, customerId, now);
            }
            known.put(key, generation);
        }, besideWrites);
    }

    /**
     * The profile and the project's count in one read, then the profile created when missing. The two reads of one
     * round trip have no order between them, so a profile found is trusted only when the count did not change since
     * the request began (as for one the prefetch found); a profile created after the read is tagged with its count,
     * which was read before the creation was sent.
     *
     * @return false when the read failed: the caller then goes the usual way, one read after the other
     */
    private boolean firstSight(String projectId, String customerId, Knowledge before, Instant now) {
        long sentAt = nanoTime.getAsLong();
        CustomerStore.ProfileAndErasures read;
        try {
            read = store.profileAndErasures(projectId, customerId);
        } catch (StorageUnavailableException unreadable) {
            return false;
        }
        remember(projectId, new Generation(read.erasureGeneration(), sentAt));
        String key = key(projectId, customerId);
        if (read.exists()) {
            if (before.generation() == read.erasureGeneration()) {
                known.put(key, read.erasureGeneration());
            }
            return true;
        }
        store.createIfAbsent(projectId, customerId, now);
        known.put(key, read.erasureGeneration());
        return true;
    }

    /** Forgets every customer and count learnt so far (what a rehearsal of requests taught it is true of no project). */
    public void forget() {
        known.clear();
        generations.clear();
    }

    /** The project's erasure count, read again when the last read is older than the trust window. */
    private long currentGeneration(String projectId) {
        Generation last = generations.get(projectId);
        if (last != null && fresh(last)) {
            return last.value();
        }
        long sentAt = nanoTime.getAsLong();
        Generation read = new Generation(store.erasureGeneration(projectId), sentAt);
        remember(projectId, read);
        return read.value();
    }

    private boolean hasFreshGeneration(String projectId) {
        Generation last = generations.get(projectId);
        return last != null && fresh(last);
    }

    /** Keeps the later of two reads of a project's count. */
    private void remember(String projectId, Generation read) {
        generations.merge(projectId, read, (old, now) -> now.readAtNanos() - old.readAtNanos() >= 0 ? now : old);
    }

    private boolean fresh(Generation generation) {
        return nanoTime.getAsLong() - generation.readAtNanos() <= trustNanos;
    }

    private boolean exists(String projectId, String customerId) {
        try {
            return store.exists(projectId, customerId);
        } catch (StorageUnavailableException unreadable) {
            return false;
        }
    }

    private static String key(String projectId, String customerId) {
        return projectId + SEPARATOR + customerId;
    }
}
