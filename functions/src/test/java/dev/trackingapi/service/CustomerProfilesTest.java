package dev.trackingapi.service;

import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.CustomerUpsert;
import dev.trackingapi.model.IgnoredAttribute;
import dev.trackingapi.store.CustomerStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an environment remembers of customers' profiles, and when it stops trusting it: only while a read of the
 * project's erasure count no older than the trust window finds the count the memory was tagged with.
 */
class CustomerProfilesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(10);

    private final Store store = new Store();
    private final AtomicLong nanos = new AtomicLong();
    private final CustomerProfiles profiles = new CustomerProfiles(store, Runnable::run, WINDOW, nanos::get);

    /** The customer store's profile and erasure count, and every call made to it. */
    private static final class Store implements CustomerStore {
        final Set<String> profiles = new HashSet<>();
        final List<String> calls = new ArrayList<>();
        long generation;

        @Override
        public void createIfAbsent(String projectId, String customerId, Instant now) {
            calls.add("create " + customerId);
            profiles.add(customerId);
        }

        @Override
        public boolean exists(String projectId, String customerId) {
            calls.add("exists " + customerId);
            return profiles.contains(customerId);
        }

        @Override
        public long erasureGeneration(String projectId) {
            calls.add("generation");
            return generation;
        }

        @Override
        public ProfileAndErasures profileAndErasures(String projectId, String customerId) {
            calls.add("profile and count " + customerId);
            return new ProfileAndErasures(profiles.contains(customerId), generation);
        }

        @Override
        public List<Attribute> upsert(CustomerUpsert upsert) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void keepIgnored(String projectId, String customerId, List<IgnoredAttribute> ignored, Instant now) {
            throw new UnsupportedOperationException();
        }

        /** An erasure: the profile goes, then the count is raised. */
        void erase(String customerId) {
            profiles.remove(customerId);
            generation++;
        }
    }

    private void event(String customerId) {
        CustomerProfiles.Knowledge knowledge = profiles.knowledge("p", customerId);
        profiles.ensureExists("p", customerId, knowledge, Prefetch.Customer.NOT_ASKED, NOW).join();
    }

    private void later(Duration elapsed) {
        nanos.addAndGet(elapsed.toNanos());
    }

    /** Two events: the first reads profile and count in one call, which cannot vouch for a profile found. */
    private void seen(String customerId) {
        event(customerId);
        event(customerId);
    }

    @Test
    void aNewCustomer_whenTheCountIsStale_isReadWithTheCountInOneCall_andCreated_andThenTrusted() {
        event("c9");

        assertThat(store.calls).containsExactly("profile and count c9", "create c9");
        assertThat(profiles.knowledge("p", "c9").trusted()).isTrue();
    }

    @Test
    void aProfileFoundInTheSameCallAsTheCount_isTrustedOnlyAfterAReadThatFollowsTheCount() {
        store.profiles.add("c1");

        event("c1");
        assertThat(profiles.knowledge("p", "c1").trusted()).as("the two reads of one call have no order").isFalse();
        event("c1");

        assertThat(store.calls).containsExactly("profile and count c1", "exists c1");
        assertThat(profiles.knowledge("p", "c1").trusted()).isTrue();
    }

    @Test
    void aCustomerSeenWithinTheWindow_costsNothing() {
        store.profiles.add("c1");
        seen("c1");
        store.calls.clear();

        later(Duration.ofSeconds(9));
        event("c1");

        assertThat(store.calls).isEmpty();
        assertThat(profiles.knowledge("p", "c1").trusted()).isTrue();
    }

    @Test
    void afterTheWindow_oneReadOfTheCount_andThenNothingForAnyOfTheProjectsCustomers() {
        store.profiles.addAll(List.of("c1", "c2"));
        seen("c1");
        event("c2");
        store.calls.clear();

        later(WINDOW.plusMillis(1));
        event("c1");
        event("c2");

        assertThat(store.calls).containsExactly("generation");
    }

    @Test
    void anErasedProfile_isReadAgainOnceTheCountHasChanged_andCreatedForTheReturningCustomer() {
        store.profiles.add("c1");
        seen("c1");
        store.erase("c1");
        store.calls.clear();

        event("c1");
        assertThat(store.calls).as("within the window the memory is still trusted: the erasure waits it out").isEmpty();

        later(WINDOW.plusMillis(1));
        event("c1");

        assertThat(store.calls).containsExactly("generation", "exists c1", "create c1");
        assertThat(store.profiles).contains("c1");
    }

    @Test
    void aProfileThePrefetchFound_isRememberedOnlyUnderACountReadBeforeIt() {
        store.profiles.add("c1");
        CustomerProfiles.Knowledge unknown = profiles.knowledge("p", "c1");
        profiles.ensureExists("p", "c1", unknown, Prefetch.Customer.FOUND, NOW).join();
        assertThat(profiles.knowledge("p", "c1").trusted())
                .as("found before any read of the count: an erasure may have come between").isFalse();

        CustomerProfiles.Knowledge known = profiles.knowledge("p", "c1");
        profiles.ensureExists("p", "c1", known, Prefetch.Customer.FOUND, NOW).join();

        assertThat(profiles.knowledge("p", "c1").trusted()).isTrue();
    }

    @Test
    void forgetting_dropsTheCustomersAndTheCounts() {
        store.profiles.add("c1");
        event("c1");

        profiles.forget();

        assertThat(profiles.knowledge("p", "c1")).isEqualTo(new CustomerProfiles.Knowledge(false, -1));
    }
}
