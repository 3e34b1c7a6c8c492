package dev.trackingapi.service;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.metrics.Metric;
import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.model.IgnoredAttribute;
import dev.trackingapi.store.AttributeTypeStore;
import dev.trackingapi.store.PrefetchStore;
import dev.trackingapi.testing.InMemoryStores;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TypeRegistryTest {

    /** The in-memory registry, counting the calls made to it. */
    static final class CountingStore implements AttributeTypeStore {
        private final InMemoryStores stored = new InMemoryStores();
        int calls;

        @Override
        public synchronized Registration registerIfAbsent(AttributeScope scope, String name, AttributeType type,
                                                          Instant now) {
            calls++;
            return stored.registerIfAbsent(scope, name, type, now);
        }

        @Override
        public synchronized List<Registered> registered(int max) {
            calls++;
            return stored.registered(max);
        }

        @Override
        public synchronized Registrations ofScope(AttributeScope scope, int max) {
            calls++;
            return stored.ofScope(scope, max);
        }

        @Override
        public synchronized Registrations ofProject(String projectId, int max) {
            calls++;
            return stored.ofProject(projectId, max);
        }
    }

    private final CountingStore store = new CountingStore();
    private final TypeRegistry registry = registryOn(store);
    private final AttributeScope scope = AttributeScope.event("p", "Order");

    /** A registry on the counting store, whose prefetch reads the same in-memory registry (uncounted). */
    private static TypeRegistry registryOn(CountingStore store) {
        return new TypeRegistry(store, store.stored);
    }

    /** A request's check: its prefetch, then the check of its attributes. */
    private static TypeRegistry.Checked check(TypeRegistry registry, AttributeScope scope, List<Attribute> attributes) {
        return registry.check(registry.prefetch(scope, attributes, null), attributes, Instant.EPOCH,
                new InvocationMetrics());
    }

    @Test
    void onlyTheRegistrationsACheckWins_countAsTypesRegistered() {
        Attribute number = new Attribute("Amount", AttributeType.NUMBER, IntNode.valueOf(5));
        InvocationMetrics winner = new InvocationMetrics();
        registry.check(registry.prefetch(scope, List.of(number), null), List.of(number), Instant.EPOCH, winner);
        // Another environment that raced it: its lookup saw nothing, its conditional write found the winner's type.
        TypeRegistry racing = new TypeRegistry(store, (s, names, customer) -> new PrefetchStore.Found(Map.of(), false));
        InvocationMetrics loser = new InvocationMetrics();

        racing.check(racing.prefetch(scope, List.of(number), null), List.of(number), Instant.EPOCH, loser);

        assertThat(winner.count(Metric.TYPES_REGISTERED)).isEqualTo(1);
        assertThat(loser.count(Metric.TYPES_REGISTERED)).as("found, not registered").isZero();
        assertThat(store.calls).as("both wrote").isEqualTo(2);
    }

    @Test
    void theFirstSeenTypeWins_andLaterValuesOfAnotherTypeAreIgnored() {
        Attribute number = new Attribute("Amount", AttributeType.NUMBER, IntNode.valueOf(5));
        Attribute text = new Attribute("Amount", AttributeType.STRING, JsonNodeFactory.instance.textNode("5"));

        check(registry, scope, List.of(number));
        TypeRegistry.Checked checked = check(registry, scope, List.of(text));

        assertThat(checked.applied()).isEmpty();
        assertThat(checked.ignored()).singleElement().satisfies(ignored -> {
            assertThat(ignored.reason()).isEqualTo(IgnoredAttribute.Reason.TYPE_MISMATCH);
            assertThat(ignored.registeredType()).isEqualTo(AttributeType.NUMBER);
            assertThat(ignored.receivedType()).isEqualTo(AttributeType.STRING);
        });
    }

    @Test
    void typesLearntAtOnce_needNoStoreCallLater_andAreNotReRegistered() {
        CountingStore earlier = new CountingStore();
        check(registryOn(earlier), scope, List.of(new Attribute("Amount", AttributeType.NUMBER, IntNode.valueOf(5))));
        TypeRegistry restored = registryOn(earlier);
        earlier.calls = 0;

        assertThat(restored.learnRegistered()).isEqualTo(1);
        TypeRegistry.Checked checked = check(restored, scope,
                List.of(new Attribute("Amount", AttributeType.STRING, JsonNodeFactory.instance.textNode("5"))));

        assertThat(earlier.calls).as("the one read that learnt them").isEqualTo(1);
        assertThat(checked.ignored()).singleElement()
                .satisfies(ignored -> assertThat(ignored.registeredType()).isEqualTo(AttributeType.NUMBER));
    }

    @Test
    void inSteadyState_aTypeCheckCostsNoStoreCall() {
        Attribute number = new Attribute("Amount", AttributeType.NUMBER, IntNode.valueOf(5));
        check(registry, scope, List.of(number));

        for (int i = 0; i < 100; i++) {
            check(registry, scope, List.of(number));
        }

        assertThat(store.calls).isEqualTo(1);
    }

    @Test
    void typesAreScopedByProjectAndEventName() {
        Attribute number = new Attribute("Amount", AttributeType.NUMBER, IntNode.valueOf(5));
        Attribute text = new Attribute("Amount", AttributeType.STRING, JsonNodeFactory.instance.textNode("5"));
        check(registry, scope, List.of(number));

        assertThat(check(registry, AttributeScope.event("p", "Refund"), List.of(text)).applied()).hasSize(1);
        assertThat(check(registry, AttributeScope.event("q", "Order"), List.of(text)).applied()).hasSize(1);
        assertThat(check(registry, AttributeScope.customer("p"), List.of(text)).applied()).hasSize(1);
    }

    @Test
    void anEmptyFlatArray_takesTheRegisteredArrayType_orRegistersStringArray() {
        Attribute numbers = new Attribute("ids", AttributeType.NUMBER_ARRAY, JsonNodeFactory.instance.arrayNode().add(1));
        Attribute empty = new Attribute("ids", AttributeType.STRING_ARRAY, JsonNodeFactory.instance.arrayNode(), true);
        check(registry, scope, List.of(numbers));

        assertThat(check(registry, scope, List.of(empty)).applied()).singleElement()
                .satisfies(applied -> assertThat(applied.type()).isEqualTo(AttributeType.NUMBER_ARRAY));
        assertThat(check(registry, AttributeScope.event("p", "Other"), List.of(empty)).applied())
                .singleElement().satisfies(applied -> assertThat(applied.type()).isEqualTo(AttributeType.STRING_ARRAY));
    }

    @Test
    void anEmptyFlatArray_doesNotFitAScalarType() {
        check(registry, scope, List.of(new Attribute("ids", AttributeType.NUMBER, IntNode.valueOf(1))));
        Attribute empty = new Attribute("ids", AttributeType.STRING_ARRAY, JsonNodeFactory.instance.arrayNode(), true);

        assertThat(check(registry, scope, List.of(empty)).ignored()).hasSize(1);
    }

    @Test
    void typesReadBack_comeFromOneQueryOfTheScope_thenFromTheCache() {
        AttributeScope customer = AttributeScope.customer("p");
        store.stored.registerIfAbsent(customer, "plan", AttributeType.STRING, Instant.EPOCH);
        store.stored.registerIfAbsent(customer, "visits", AttributeType.NUMBER, Instant.EPOCH);

        assertThat(registry.typesOf(customer, List.of("plan", "visits", "never registered")))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("plan", AttributeType.STRING,
                        "visits", AttributeType.NUMBER));
        assertThat(store.calls).isEqualTo(1);
        assertThat(registry.typesOf(customer, List.of("plan", "visits"))).hasSize(2);
        assertThat(store.calls).as("both cached now").isEqualTo(1);
    }
}
