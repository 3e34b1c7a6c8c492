package dev.trackingapi.service;

import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.model.BatchItem;
import dev.trackingapi.model.TrackingResult;
import dev.trackingapi.store.StorageUnavailableException;
import dev.trackingapi.store.StoredItemTooLargeException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Tracks the valid items of a batch, each exactly as its single route would (the same trackers, so the same rules,
 * writes and idempotency), with three guarantees of its own:
 * <ul>
 * <li><b>Earliest item wins.</b> Before any item runs, every attribute the batch sends that is new to the registry is
 * registered once, with the type of the earliest item that sends it; so when items of one batch disagree on a new
 * attribute's type, the earliest wins, whatever order the items then run in. (When another client registers the same
 * attribute at the same moment, DynamoDB's conditional write admits one of them for everyone, as for single
 * requests.) In steady state every type is cached and this costs no request.</li>
 * <li><b>A customer's items in batch order.</b> Items of one customer run one after the other, in batch order; items of
 * different customers run concurrently, at most {@link #MAX_CONCURRENT_CUSTOMERS} at a time, so that one batch does
 * not flood DynamoDB.</li>
 * <li><b>Unavailable items can be replayed in order.</b> An item whose storage failed for now (after the SDK's
 * retries) is unavailable; the items of the same customer after it are not attempted and are unavailable too, so
 * that replaying the unavailable items applies them in their order. Neither is an item started after the batch's
 * start-by time, so that the batch answers before its function's timeout.</li>
 * </ul>
 */
public final class BatchTracker {
    public static final int MAX_CONCURRENT_CUSTOMERS = 8;

    private final TypeRegistry types;
    private final EventTracker events;
    private final CustomerTracker customers;
    private final Executor workers;
    private final Clock clock;

    /**
     * @param types   the registry the trackers check with (one cache, so what the batch registers first is known to
     *                every item)
     * @param workers threads for the customers run beside the caller's own
     */
    public BatchTracker(TypeRegistry types, EventTracker events, CustomerTracker customers, Executor workers,
                        Clock clock) {
        this.types = types;
        this.events = events;
        this.customers = customers;
        this.workers = workers;
        this.clock = clock;
    }

    /** What became of one item. */
    public sealed interface Outcome {
        /** Stored, as its single route would have answered 200. */
        record Stored(TrackingResult result) implements Outcome {
        }

        /** Not stored for now (storage trouble, or not attempted): replaying it is safe. */
        record Unavailable(String cause) implements Outcome {
        }

        /** A customer item whose values would make its profile larger than DynamoDB stores; nothing applied. */
        record ProfileTooLarge() implements Outcome {
        }
    }

    /**
     * @param items              the valid items, in batch order
     * @param customAttributeCap the profile cap of customer items (that of the route whose fields they take)
     * @param startBy            no item starts after this instant (it is unavailable instead)
     * @return the outcome of each item, in the same order
     */
    public List<Outcome> track(String projectId, List<BatchItem> items, int customAttributeCap, Instant receivedAt,
                               Instant startBy, InvocationMetrics metrics) {
        Outcome[] outcomes = new Outcome[items.size()];
        Set<AttributeScope> unprepared = registerEarliestTypes(projectId, items, receivedAt, startBy, metrics);
        Map<String, List<Integer>> byCustomer = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            byCustomer.computeIfAbsent(items.get(i).customerId(), customer -> new ArrayList<>()).add(i);
        }
        forEachConcurrently(new ArrayList<>(byCustomer.values()), indices -> {
            String unavailable = null;
            for (int i : indices) {
                BatchItem item = items.get(i);
                if (unavailable == null && unprepared.contains(scopeOf(projectId, item))
                        && !attributesOf(item).isEmpty()) {
                    unavailable = "the types of its attributes could not be registered";
                }
                if (unavailable == null && clock.instant().isAfter(startBy)) {
                    unavailable = "not started before the batch's deadline";
                }
                if (unavailable != null) {
                    outcomes[i] = new Outcome.Unavailable(unavailable);
                    continue;
                }
                try {
                    outcomes[i] = new Outcome.Stored(track(projectId, item, customAttributeCap, receivedAt,
                            metrics));
                } catch (StorageUnavailableException storage) {
                    unavailable = String.valueOf(storage.getMessage());
                    outcomes[i] = new Outcome.Unavailable(unavailable);
                } catch (StoredItemTooLargeException tooLarge) {
                    outcomes[i] = new Outcome.ProfileTooLarge();
                }
            }
        });
        return List.of(outcomes);
    }

    private TrackingResult track(String projectId, BatchItem item, int customAttributeCap, Instant receivedAt,
                                 InvocationMetrics metrics) {
        if (item instanceof BatchItem.Event event) {
            return events.track(projectId, event.request(), receivedAt, metrics);
        }
        return customers.upsert(projectId, ((BatchItem.Customer) item).request(), customAttributeCap, receivedAt,
                metrics);
    }

    /**
     * Registers, scope by scope, each attribute new to the registry with the type of its earliest item; scopes run
     * concurrently, the attributes of one scope in batch order.
     *
     * @return the scopes whose types could not all be made sure of (storage trouble, or the start-by time passed)
     */
    private Set<AttributeScope> registerEarliestTypes(String projectId, List<BatchItem> items, Instant now,
                                                      Instant startBy, InvocationMetrics metrics) {
        Map<AttributeScope, Map<String, Attribute>> earliest = new LinkedHashMap<>();
        for (BatchItem item : items) {
            Map<String, Attribute> scope = earliest.computeIfAbsent(scopeOf(projectId, item),
                    s -> new LinkedHashMap<>());
            for (Attribute attribute : attributesOf(item)) {
                scope.putIfAbsent(attribute.name(), attribute);
            }
        }
        Set<AttributeScope> unprepared = ConcurrentHashMap.newKeySet();
        forEachConcurrently(new ArrayList<>(earliest.entrySet()), scope -> {
            List<Attribute> attributes = List.copyOf(scope.getValue().values());
            if (attributes.isEmpty()) {
                return;
            }
            if (clock.instant().isAfter(startBy)) {
                unprepared.add(scope.getKey());
                return;
            }
            try {
                types.check(types.prefetch(scope.getKey(), attributes, null), attributes, now, metrics);
            } catch (StorageUnavailableException storage) {
                unprepared.add(scope.getKey());
            }
        });
        return unprepared;
    }

    private static AttributeScope scopeOf(String projectId, BatchItem item) {
        return item instanceof BatchItem.Event event ? AttributeScope.event(projectId, event.request().name())
                : AttributeScope.customer(projectId);
    }

    private static List<Attribute> attributesOf(BatchItem item) {
        return item instanceof BatchItem.Event event ? event.request().attributes()
                : ((BatchItem.Customer) item).request().custom();
    }

    /**
     * Runs the action on every element, on the caller's thread and up to {@link #MAX_CONCURRENT_CUSTOMERS} - 1
     * workers, each taking the next element until none is left. An unexpected failure stops the others from taking
     * more and is thrown once all have stopped.
     */
    private <T> void forEachConcurrently(List<T> elements, Consumer<T> action) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < elements.size() && failure.get() == null;
                 i = next.getAndIncrement()) {
                try {
                    action.accept(elements.get(i));
                } catch (RuntimeException | Error unexpected) {
                    failure.compareAndSet(null, unexpected);
                }
            }
        };
        List<CompletableFuture<Void>> helpers = new ArrayList<>();
        for (int w = 1; w < Math.min(MAX_CONCURRENT_CUSTOMERS, elements.size()); w++) {
            helpers.add(CompletableFuture.runAsync(worker, workers));
        }
        worker.run();
        helpers.forEach(CompletableFuture::join);
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
    }
}
