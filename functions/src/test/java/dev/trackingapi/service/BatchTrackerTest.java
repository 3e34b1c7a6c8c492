package dev.trackingapi.service;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.model.BatchItem;
import dev.trackingapi.model.CustomerRequest;
import dev.trackingapi.model.CustomerUpsert;
import dev.trackingapi.model.EventRequest;
import dev.trackingapi.model.IgnoredAttribute;
import dev.trackingapi.store.AttributeTypeStore;
import dev.trackingapi.store.CustomerStore;
import dev.trackingapi.store.EventStore;
import dev.trackingapi.store.PrefetchStore;
import dev.trackingapi.store.StorageUnavailableException;
import dev.trackingapi.store.StoredItemTooLargeException;
import dev.trackingapi.testing.InMemoryStores;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batch's own rules around the single routes' trackers: earliest item wins, a customer's items in order, bounded
 * concurrency, unavailable items replayable in order, no item started after the start-by time.
 */
class BatchTrackerTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant NO_DEADLINE = Instant.MAX;
    private static final int CAP = 50;

    private final InMemoryStores stored = new InMemoryStores();
    private final List<String> happened = Collections.synchronizedList(new ArrayList<>());

    private static BatchItem event(String customer, String name, long time, Attribute... attributes) {
        return new BatchItem.Event(new EventRequest(customer, name, time, null, List.of(attributes)));
    }

    private static BatchItem customer(String customer, Attribute... attributes) {
        return new BatchItem.Customer(new CustomerRequest(customer, Map.of(), List.of(attributes)));
    }

    private static Attribute number(String name, int value) {
        return new Attribute(name, AttributeType.NUMBER, IntNode.valueOf(value));
    }

    private static Attribute text(String name, String value) {
        return new Attribute(name, AttributeType.STRING, TextNode.valueOf(value));
    }

    /** A tracker on the in-memory stores, each store seen through a hook that may slow, record or fail it. */
    private BatchTracker tracker(Function<AttributeTypeStore, AttributeTypeStore> types,
                                 Function<CustomerStore, CustomerStore> customers,
                                 Function<EventStore, EventStore> events) {
        PrefetchStore prefetch = stored;
        TypeRegistry registry = new TypeRegistry(types.apply(stored), prefetch);
        CustomerStore customerStore = customers.apply(stored);
        return new BatchTracker(registry,
                new EventTracker(registry, new CustomerProfiles(customerStore, InMemoryStores.BESIDE_WRITES),
                        events.apply(stored)),
                new CustomerTracker(registry, customerStore), InMemoryStores.BESIDE_WRITES, Clock.systemUTC());
    }

    private BatchTracker tracker() {
        return tracker(Function.identity(), Function.identity(), Function.identity());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a registration hook sees. */
    private interface Registration {
        void of(AttributeScope scope, String name, AttributeType type);
    }

    /** A type store that runs every registration through the hook first. */
    private static AttributeTypeStore typesThrough(AttributeTypeStore real, Registration hook) {
        return new AttributeTypeStore() {
            @Override
            public AttributeTypeStore.Registration registerIfAbsent(AttributeScope scope, String name,
                                                                    AttributeType type, Instant now) {
                hook.of(scope, name, type);
                return real.registerIfAbsent(scope, name, type, now);
            }

            @Override
            public List<Registered> registered(int max) {
                return real.registered(max);
            }

            @Override
            public Registrations ofScope(AttributeScope scope, int max) {
                return real.ofScope(scope, max);
            }

            @Override
            public Registrations ofProject(String projectId, int max) {
                return real.ofProject(projectId, max);
            }
        };
    }

    /** A customer store that runs every call through the hook first. */
    private static CustomerStore customersThrough(CustomerStore real, Runnable hook,
                                                  Function<CustomerUpsert, List<Attribute>> upsert) {
        return new CustomerStore() {
            @Override
            public void createIfAbsent(String projectId, String customerId, Instant now) {
                hook.run();
                real.createIfAbsent(projectId, customerId, now);
            }

            @Override
            public boolean exists(String projectId, String customerId) {
                return real.exists(projectId, customerId);
            }

            @Override
            public long erasureGeneration(String projectId) {
                return real.erasureGeneration(projectId);
            }

            @Override
            public List<Attribute> upsert(CustomerUpsert customerUpsert) {
                hook.run();
                return upsert.apply(customerUpsert);
            }

            @Override
            public void keepIgnored(String projectId, String customerId, List<IgnoredAttribute> ignored, Instant now) {
                real.keepIgnored(projectId, customerId, ignored, now);
            }
        };
    }

    @Test
    void aCustomersItems_areAppliedInBatchOrder_whileDifferentCustomersRunConcurrently() {
        Map<String, List<Integer>> appliedByCustomer = new ConcurrentHashMap<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        BatchTracker tracker = tracker(Function.identity(), real -> customersThrough(real, () -> pause(2), upsert -> {
            threads.add(Thread.currentThread().getName());
            appliedByCustomer.computeIfAbsent(upsert.customerId(), c -> Collections.synchronizedList(new ArrayList<>()))
                    .add(upsert.custom().get(0).value().intValue());
            return real.upsert(upsert);
        }), Function.identity());
        List<BatchItem> items = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            items.add(customer("c" + i % 10, number("step", i)));
        }

        List<BatchTracker.Outcome> outcomes = tracker.track("p", items, CAP, NOW, NO_DEADLINE, new InvocationMetrics());

        assertThat(outcomes).hasSize(200).allSatisfy(outcome -> assertThat(outcome)
                .isInstanceOf(BatchTracker.Outcome.Stored.class));
        for (int c = 0; c < 10; c++) {
            List<Integer> expected = new ArrayList<>();
            for (int i = c; i < 200; i += 10) {
                expected.add(i);
            }
            assertThat(appliedByCustomer.get("c" + c)).as("c" + c).containsExactlyElementsOf(expected);
        }
        assertThat(threads).as("customers run concurrently").hasSizeGreaterThan(1);
    }

    @Test
    void atMostEightCustomersRunAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        BatchTracker tracker = tracker(Function.identity(), Function.identity(), real -> event -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            pause(10);
            running.decrementAndGet();
            return real.putIfAbsent(event);
        });
        List<BatchItem> items = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            items.add(event("c" + i, "Viewed", i, number("n", i)));
        }

        tracker.track("p", items, CAP, NOW, NO_DEADLINE, new InvocationMetrics());

        assertThat(most.get()).isEqualTo(BatchTracker.MAX_CONCURRENT_CUSTOMERS);
        assertThat(stored.events()).isEqualTo(64);
    }

    @Test
    void aNewAttribute_isRegisteredWithItsEarliestItemsType_beforeAnyItemRuns() {
        BatchTracker tracker = tracker(real -> typesThrough(real, (scope, name, type) -> {
            happened.add("register " + name + " " + type);
            pause(20);
        }), Function.identity(), real -> event -> {
            happened.add("write " + event.customerId());
            return real.putIfAbsent(event);
        });
        List<BatchItem> items = new ArrayList<>();
        items.add(event("first", "Order", 1, text("Coupon", "A"), number("Amount", 10)));
        for (int i = 1; i < 40; i++) {
            items.add(event("later-" + i, "Order", i, text("Amount", "ten"), number("Coupon", i)));
        }

        List<BatchTracker.Outcome> outcomes = tracker.track("p", items, CAP, NOW, NO_DEADLINE, new InvocationMetrics());

        assertThat(happened.subList(0, 2)).containsExactly("register Coupon string", "register Amount number");
        assertThat(happened.subList(2, happened.size())).allSatisfy(step -> assertThat(step).startsWith("write"));
        assertThat(((BatchTracker.Outcome.Stored) outcomes.get(0)).result().ignored()).isEmpty();
        for (BatchTracker.Outcome later : outcomes.subList(1, outcomes.size())) {
            assertThat(((BatchTracker.Outcome.Stored) later).result().ignored())
                    .extracting(IgnoredAttribute::attribute).containsExactlyInAnyOrder("Amount", "Coupon");
        }
    }

    @Test
    void anUnavailableItem_makesItsCustomersLaterItemsUnavailableUntried_andOtherCustomersAreStored() {
        List<Long> attempted = Collections.synchronizedList(new ArrayList<>());
        BatchTracker tracker = tracker(Function.identity(), Function.identity(), real -> event -> {
            attempted.add(event.timeMillis());
            if (event.timeMillis() == 2) {
                throw new StorageUnavailableException("throttled", null);
            }
            return real.putIfAbsent(event);
        });
        List<BatchItem> items = List.of(event("a", "Viewed", 1), event("b", "Viewed", 11), event("a", "Viewed", 2),
                event("b", "Viewed", 12), event("a", "Viewed", 3), customer("a", number("n", 1)),
                event("b", "Viewed", 13));

        List<BatchTracker.Outcome> outcomes = tracker.track("p", items, CAP, NOW, NO_DEADLINE, new InvocationMetrics());

        assertThat(outcomes).extracting(outcome -> outcome.getClass().getSimpleName())
                .containsExactly("Stored", "Stored", "Unavailable", "Stored", "Unavailable", "Unavailable", "Stored");
        assertThat(((BatchTracker.Outcome.Unavailable) outcomes.get(2)).cause()).isEqualTo("throttled");
        assertThat(attempted).as("a's items after its unavailable one are not tried").doesNotContain(3L)
                .containsExactlyInAnyOrder(1L, 2L, 11L, 12L, 13L);
        assertThat(stored.events()).isEqualTo(4);
    }

    @Test
    void itemsOfAScopeWhoseNewTypesCannotBeRegistered_areUnavailable_andTheOthersAreStored() {
        BatchTracker tracker = tracker(real -> typesThrough(real, (scope, name, type) -> {
            if (scope.id().endsWith("#Refunded")) {
                throw new StorageUnavailableException("throttled", null);
            }
        }), Function.identity(), Function.identity());
        List<BatchItem> items = List.of(event("a", "Refunded", 1, number("Amount", 1)),
                event("b", "Ordered", 2, number("Amount", 1)), event("a", "Ordered", 3, number("Amount", 2)),
                event("c", "Refunded", 4));

        List<BatchTracker.Outcome> outcomes = tracker.track("p", items, CAP, NOW, NO_DEADLINE, new InvocationMetrics());

        assertThat(outcomes).extracting(outcome -> outcome.getClass().getSimpleName())
                .as("a's second item waits for its first; c's event has no attribute to register")
                .containsExactly("Unavailable", "Stored", "Unavailable", "Stored");
    }

    @Test
    void noItemStarts_afterTheStartByTime_andNothingIsWritten() {
        List<BatchItem> items = List.of(event("a", "Viewed", 1, number("n", 1)), customer("b", number("m", 1)));

        List<BatchTracker.Outcome> outcomes = tracker().track("p", items, CAP, NOW, Instant.now().minusSeconds(1), new InvocationMetrics());

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(BatchTracker.Outcome.Unavailable.class));
        assertThat(stored.writes()).isZero();
    }

    @Test
    void aProfileThatWouldBeTooLarge_isThatItemsOutcome_andTheCustomersNextItemsStillRun() {
        BatchTracker tracker = tracker(Function.identity(), real -> customersThrough(real, () -> {
        }, upsert -> {
            if (upsert.custom().get(0).name().equals("huge")) {
                throw new StoredItemTooLargeException("Item size has exceeded the maximum allowed size", null);
            }
            return real.upsert(upsert);
        }), Function.identity());

        List<BatchTracker.Outcome> outcomes = tracker.track("p", List.of(customer("a", text("huge", "x")),
                customer("a", text("small", "y"))), CAP, NOW, NO_DEADLINE, new InvocationMetrics());

        assertThat(outcomes.get(0)).isInstanceOf(BatchTracker.Outcome.ProfileTooLarge.class);
        assertThat(outcomes.get(1)).isInstanceOf(BatchTracker.Outcome.Stored.class);
    }

    @Test
    void anUnexpectedFailure_isThrown_onceEveryWorkerHasStopped() {
        AtomicInteger running = new AtomicInteger();
        BatchTracker tracker = tracker(Function.identity(), Function.identity(), real -> event -> {
            running.incrementAndGet();
            try {
                pause(5);
                if (event.customerId().equals("c3")) {
                    throw new IllegalStateException("a bug");
                }
                return real.putIfAbsent(event);
            } finally {
                running.decrementAndGet();
            }
        });
        List<BatchItem> items = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            items.add(event("c" + i, "Viewed", i));
        }

        assertThatThrownBy(() -> tracker.track("p", items, CAP, NOW, NO_DEADLINE, new InvocationMetrics())).hasMessage("a bug");
        assertThat(running.get()).as("nothing runs on after the answer").isZero();
        assertThat(stored.events()).as("the others stopped taking items").isLessThan(199);
    }
}
