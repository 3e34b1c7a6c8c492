package dev.trackingapi.service;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.model.EventRequest;
import dev.trackingapi.store.CustomerStore;
import dev.trackingapi.store.EventStore;
import dev.trackingapi.store.StorageUnavailableException;
import dev.trackingapi.testing.InMemoryStores;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The customer check of an event runs beside the event's write: one round trip instead of two for an environment
 * that knows the event's types but not its customer, and still never a 200 unless both are stored.
 */
class EventTrackerTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Attribute AMOUNT = new Attribute("Amount", AttributeType.NUMBER, IntNode.valueOf(5));

    private final InMemoryStores stored = new InMemoryStores();
    private final List<String> happened = Collections.synchronizedList(new ArrayList<>());

    private static EventRequest event(String customerId, String eventId) {
        return new EventRequest(customerId, "Order", 1_700_000_000_000L, eventId, List.of(AMOUNT));
    }

    /** The read of whether a customer has a profile, for a test to hook into. */
    private interface CustomerRead {
        boolean exists(String projectId, String customerId);
    }

    /** A tracker on the in-memory stores, with a hook into each step, and its types learnt as after a snapshot. */
    private EventTracker trackerWith(CustomerRead customerRead, CustomerStore profiles, EventStore events) {
        TypeRegistry types = new TypeRegistry(stored, (scope, attributeNames, customerIdOrNull) -> {
            throw new AssertionError("an environment that knows the event's types looks up only the customer");
        });
        types.learnRegistered();
        CustomerStore customers = new CustomerStoreBeside(stored) {
            @Override
            public void createIfAbsent(String projectId, String customerId, Instant now) {
                profiles.createIfAbsent(projectId, customerId, now);
            }

            @Override
            public boolean exists(String projectId, String customerId) {
                return customerRead.exists(projectId, customerId);
            }
        };
        return new EventTracker(types, new CustomerProfiles(customers, InMemoryStores.BESIDE_WRITES), events);
    }

    private void registerAmount() {
        stored.registerIfAbsent(AttributeScope.event("p", "Order"), "Amount", AttributeType.NUMBER, NOW);
    }

    @Test
    void aCustomerThisEnvironmentHasNotSeen_isLookedUpWhileTheEventIsWritten() throws Exception {
        registerAmount();
        stored.createIfAbsent("p", "c1", NOW);
        CountDownLatch eventWriteStarted = new CountDownLatch(1);
        boolean[] lookUpSawTheWrite = {false};
        EventTracker tracker = trackerWith((projectId, customerId) -> {
            try {
                lookUpSawTheWrite[0] = eventWriteStarted.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return stored.exists(projectId, customerId);
        }, stored, event -> {
            eventWriteStarted.countDown();
            return stored.putIfAbsent(event);
        });

        tracker.track("p", event("c1", "e1"), NOW, new InvocationMetrics());

        assertThat(lookUpSawTheWrite[0]).as("the lookup was still running when the event's write began").isTrue();
        assertThat(stored.events()).isEqualTo(1);
    }

    @Test
    void aMissingProfile_isCreated_andTheAnswerWaitsForIt() {
        registerAmount();
        EventTracker tracker = trackerWith(stored::exists, new CustomerStoreBeside(stored) {
            @Override
            public void createIfAbsent(String projectId, String customerId, Instant now) {
                happened.add("profile");
                super.createIfAbsent(projectId, customerId, now);
            }
        }, event -> {
            happened.add("event");
            return stored.putIfAbsent(event);
        });

        tracker.track("p", event("new-customer", "e1"), NOW, new InvocationMetrics());

        assertThat(happened).containsExactlyInAnyOrder("event", "profile");
        assertThat(stored.exists("p", "new-customer"))
                .isTrue();
    }

    @Test
    void aKnownCustomer_costsNoLookUpAndNoProfileWrite() {
        registerAmount();
        AtomicInteger lookUps = new AtomicInteger();
        EventTracker tracker = trackerWith((projectId, customerId) -> {
            lookUps.incrementAndGet();
            return stored.exists(projectId, customerId);
        }, stored, stored);
        tracker.track("p", event("c1", "e1"), NOW, new InvocationMetrics());
        int writesAfterFirst = stored.writes();

        tracker.track("p", event("c1", "e2"), NOW, new InvocationMetrics());

        assertThat(lookUps).hasValue(1);
        assertThat(stored.writes() - writesAfterFirst).as("the second event's writes").isEqualTo(1);
    }

    @Test
    void whenTheProfileCannotBeWritten_theRequestFails_andItsRetryCompletesIt() {
        registerAmount();
        int[] profileFailures = {1};
        EventTracker tracker = trackerWith(stored::exists, new CustomerStoreBeside(stored) {
            @Override
            public void createIfAbsent(String projectId, String customerId, Instant now) {
                if (profileFailures[0]-- > 0) {
                    throw new StorageUnavailableException("throttled", null);
                }
                super.createIfAbsent(projectId, customerId, now);
            }
        }, stored);

        assertThatThrownBy(() -> tracker.track("p", event("c2", "e1"), NOW, new InvocationMetrics()))
                .isInstanceOf(StorageUnavailableException.class);
        tracker.track("p", event("c2", "e1"), NOW, new InvocationMetrics());

        assertThat(stored.events()).isEqualTo(1);
        assertThat(stored.exists("p", "c2")).isTrue();
    }

    @Test
    void aLookUpThatFails_isSettledByTheConditionalCreation() {
        registerAmount();
        stored.createIfAbsent("p", "c3", NOW);
        EventTracker tracker = trackerWith((projectId, customerId) -> {
            throw new StorageUnavailableException("timeout", null);
        }, stored, stored);

        tracker.track("p", event("c3", "e1"), NOW, new InvocationMetrics());

        assertThat(stored.events()).isEqualTo(1);
        assertThat(stored.exists("p", "c3")).isTrue();
    }

    @Test
    void whenTheEventCannotBeWritten_itsOwnFailureIsReported_onceTheCustomerCheckIsOver() {
        registerAmount();
        CountDownLatch lookUpMayAnswer = new CountDownLatch(1);
        boolean[] lookUpFinished = {false};
        EventTracker tracker = trackerWith((projectId, customerId) -> {
            try {
                lookUpMayAnswer.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stored.exists(projectId, customerId);
            lookUpFinished[0] = true;
            throw new StorageUnavailableException("the lookup failed too", null);
        }, new CustomerStoreBeside(stored) {
            @Override
            public void createIfAbsent(String projectId, String customerId, Instant now) {
                throw new IllegalStateException("not this failure");
            }
        }, event -> {
            lookUpMayAnswer.countDown();
            throw new StorageUnavailableException("the event write failed", null);
        });

        assertThatThrownBy(() -> tracker.track("p", event("c4", "e1"), NOW, new InvocationMetrics()))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessage("the event write failed");
        assertThat(lookUpFinished[0]).isTrue();
    }

    @Test
    void anEnvironmentThatDoesNotKnowTheTypes_readsTypesAndCustomerInOneLookUp_andCreatesANewCustomerOnce() {
        AtomicInteger lookUps = new AtomicInteger();
        TypeRegistry types = new TypeRegistry(stored, (scope, attributeNames, customerIdOrNull) -> {
            lookUps.incrementAndGet();
            return stored.lookUp(scope, attributeNames, customerIdOrNull);
        });
        CustomerStore customers = new CustomerStoreBeside(stored) {
            @Override
            public boolean exists(String projectId, String customerId) {
                lookUps.incrementAndGet();
                return super.exists(projectId, customerId);
            }
        };
        EventTracker tracker = new EventTracker(types, new CustomerProfiles(customers, InMemoryStores.BESIDE_WRITES),
                stored);

        tracker.track("p", event("c5", "e1"), NOW, new InvocationMetrics());
        tracker.track("p", event("c5", "e2"), NOW, new InvocationMetrics());

        assertThat(lookUps).hasValue(1);
        assertThat(stored.writes()).as("type, profile, two events").isEqualTo(4);
    }

    /** Delegates to the in-memory stores, for tests to override one step. */
    private static class CustomerStoreBeside implements CustomerStore {
        private final InMemoryStores stored;

        CustomerStoreBeside(InMemoryStores stored) {
            this.stored = stored;
        }

        @Override
        public void createIfAbsent(String projectId, String customerId, Instant now) {
            stored.createIfAbsent(projectId, customerId, now);
        }

        @Override
        public boolean exists(String projectId, String customerId) {
            return stored.exists(projectId, customerId);
        }

        @Override
        public long erasureGeneration(String projectId) {
            return stored.erasureGeneration(projectId);
        }

        @Override
        public List<Attribute> upsert(dev.trackingapi.model.CustomerUpsert upsert) {
            return stored.upsert(upsert);
        }

        @Override
        public void keepIgnored(String projectId, String customerId,
                                List<dev.trackingapi.model.IgnoredAttribute> ignored, Instant now) {
            stored.keepIgnored(projectId, customerId, ignored, now);
        }
    }
}
