package dev.trackingapi.service;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.trackingapi.domain.Attribute;
import dev.trackingapi.domain.AttributeScope;
import dev.trackingapi.domain.AttributeType;
import dev.trackingapi.domain.IgnoredAttribute;
import dev.trackingapi.store.AttributeTypeStore;
import dev.trackingapi.testing.InMemoryStores;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TypeRegistryTest {

    /** The in-memory registry, counting the calls made to it. */
    static final class CountingStore implements AttributeTypeStore {
        private final InMemoryStores stored = new InMemoryStores();
        int calls;

        @Override
        public synchronized AttributeType registerIfAbsent(AttributeScope scope, String name, AttributeType type,
                                                           Instant now) {
            calls++;
            return stored.registerIfAbsent(scope, name, type, now);
        }

        @Override
        public synchronized List<Registered> registered(int max) {
            calls++;
            return stored.registered(max);
        }
    }

    private final CountingStore store = new CountingStore();
    private final TypeRegistry registry = new TypeRegistry(store);
    private final AttributeScope scope = AttributeScope.event("p", "Order");

    @Test
    void theFirstSeenTypeWins_andLaterValuesOfAnotherTypeAreIgnored() {
        Attribute number = new Attribute("Amount", AttributeType.NUMBER, IntNode.valueOf(5));
        Attribute text = new Attribute("Amount", AttributeType.STRING, JsonNodeFactory.instance.textNode("5"));

        registry.check(scope, List.of(number), Instant.EPOCH);
        TypeRegistry.Checked checked = registry.check(scope, List.of(text), Instant.EPOCH);

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
        new TypeRegistry(earlier).check(scope, List.of(new Attribute("Amount", AttributeType.NUMBER, IntNode.valueOf(5))),
                Instant.EPOCH);
        TypeRegistry restored = new TypeRegistry(earlier);
        earlier.calls = 0;

        assertThat(restored.learnRegistered()).isEqualTo(1);
        TypeRegistry.Checked checked = restored.check(scope,
                List.of(new Attribute("Amount", AttributeType.STRING, JsonNodeFactory.instance.textNode("5"))),
                Instant.EPOCH);

        assertThat(earlier.calls).as("the one read that learnt them").isEqualTo(1);
        assertThat(checked.ignored()).singleElement()
                .satisfies(ignored -> assertThat(ignored.registeredType()).isEqualTo(AttributeType.NUMBER));
    }

    @Test
    void inSteadyState_aTypeCheckCostsNoStoreCall() {
        Attribute number = new Attribute("Amount", AttributeType.NUMBER, IntNode.valueOf(5));
        registry.check(scope, List.of(number), Instant.EPOCH);

        for (int i = 0; i < 100; i++) {
            registry.check(scope, List.of(number), Instant.EPOCH);
        }

        assertThat(store.calls).isEqualTo(1);
    }

    @Test
    void typesAreScopedByProjectAndEventName() {
        Attribute number = new Attribute("Amount", AttributeType.NUMBER, IntNode.valueOf(5));
        Attribute text = new Attribute("Amount", AttributeType.STRING, JsonNodeFactory.instance.textNode("5"));
        registry.check(scope, List.of(number), Instant.EPOCH);

        assertThat(registry.check(AttributeScope.event("p", "Refund"), List.of(text), Instant.EPOCH).applied()).hasSize(1);
        assertThat(registry.check(AttributeScope.event("q", "Order"), List.of(text), Instant.EPOCH).applied()).hasSize(1);
        assertThat(registry.check(AttributeScope.customer("p"), List.of(text), Instant.EPOCH).applied()).hasSize(1);
    }

    @Test
    void anEmptyFlatArray_takesTheRegisteredArrayType_orRegistersStringArray() {
        Attribute numbers = new Attribute("ids", AttributeType.NUMBER_ARRAY, JsonNodeFactory.instance.arrayNode().add(1));
        Attribute empty = new Attribute("ids", AttributeType.STRING_ARRAY, JsonNodeFactory.instance.arrayNode(), true);
        registry.check(scope, List.of(numbers), Instant.EPOCH);

        assertThat(registry.check(scope, List.of(empty), Instant.EPOCH).applied()).singleElement()
                .satisfies(applied -> assertThat(applied.type()).isEqualTo(AttributeType.NUMBER_ARRAY));
        assertThat(registry.check(AttributeScope.event("p", "Other"), List.of(empty), Instant.EPOCH).applied())
                .singleElement().satisfies(applied -> assertThat(applied.type()).isEqualTo(AttributeType.STRING_ARRAY));
    }

    @Test
    void anEmptyFlatArray_doesNotFitAScalarType() {
        registry.check(scope, List.of(new Attribute("ids", AttributeType.NUMBER, IntNode.valueOf(1))), Instant.EPOCH);
        Attribute empty = new Attribute("ids", AttributeType.STRING_ARRAY, JsonNodeFactory.instance.arrayNode(), true);

        assertThat(registry.check(scope, List.of(empty), Instant.EPOCH).ignored()).hasSize(1);
    }
}
