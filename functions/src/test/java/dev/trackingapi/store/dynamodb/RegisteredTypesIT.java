package dev.trackingapi.store.dynamodb;

import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.store.AttributeTypeStore;
import dev.trackingapi.testing.TestDynamoDb;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Learning every registered type before a snapshot: a Scan of keys and types, page by page, bounded. */
class RegisteredTypesIT {
    private final String project = "registered-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void everyRegisteredType_isRead_acrossScanPages_withItsScope() {
        DynamoDbAttributeTypeStore store = new DynamoDbAttributeTypeStore(TestDynamoDb.client(),
                TestDynamoDb.tables().attributeTypes(), 7);
        AttributeScope order = AttributeScope.event(project, "Order Placed");
        AttributeScope customer = AttributeScope.customer(project);
        for (int i = 0; i < 20; i++) {
            store.registerIfAbsent(order, "attribute " + i, AttributeType.NUMBER, Instant.EPOCH);
        }
        store.registerIfAbsent(customer, "plan", AttributeType.STRING_ARRAY, Instant.EPOCH);

        List<AttributeTypeStore.Registered> registered = store.registered(Integer.MAX_VALUE);

        assertThat(registered.stream().filter(type -> type.scopeId().startsWith(project + "#")))
                .hasSize(21)
                .contains(new AttributeTypeStore.Registered(order.id(), "attribute 13", AttributeType.NUMBER),
                        new AttributeTypeStore.Registered(customer.id(), "plan", AttributeType.STRING_ARRAY));
    }

    @Test
    void noMoreThanAskedFor_areRead() {
        DynamoDbAttributeTypeStore store = new DynamoDbAttributeTypeStore(TestDynamoDb.client(),
                TestDynamoDb.tables().attributeTypes(), 4);
        for (int i = 0; i < 12; i++) {
            store.registerIfAbsent(AttributeScope.customer(project), "a" + i, AttributeType.BOOLEAN, Instant.EPOCH);
        }

        assertThat(store.registered(10)).hasSize(10);
    }
}
