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

/**
 * Reading registered types back: every one before a snapshot (a Scan of keys and types, page by page, bounded), one
 * scope's (a Query), and one project's (a Query of the by-project index), each page by page and bounded.
 */
class RegisteredTypesIT {
    private static final String EPOCH = "1970-01-01T00:00:00.000Z";
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
                .contains(new AttributeTypeStore.Registered(order.id(), "attribute 13", AttributeType.NUMBER, EPOCH),
                        new AttributeTypeStore.Registered(customer.id(), "plan", AttributeType.STRING_ARRAY, EPOCH));
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

    @Test
    void aScopesTypes_andAProjectsTypes_areListedAcrossQueryPages_andNoOtherProjectsOrScopes() {
        DynamoDbAttributeTypeStore store = new DynamoDbAttributeTypeStore(TestDynamoDb.client(),
                TestDynamoDb.tables().attributeTypes(), 3);
        AttributeScope order = AttributeScope.event(project, "Order#Placed");
        AttributeScope orderPrefix = AttributeScope.event(project, "Order");
        for (int i = 0; i < 8; i++) {
            store.registerIfAbsent(order, "attribute " + i, AttributeType.NUMBER, Instant.EPOCH);
        }
        store.registerIfAbsent(orderPrefix, "x", AttributeType.STRING, Instant.EPOCH);
        store.registerIfAbsent(AttributeScope.customer(project), "plan", AttributeType.STRING, Instant.EPOCH);
        store.registerIfAbsent(AttributeScope.customer(project + "x"), "other", AttributeType.STRING, Instant.EPOCH);

        AttributeTypeStore.Registrations scope = store.ofScope(order, 100);
        AttributeTypeStore.Registrations projectTypes = store.ofProject(project, 100);

        assertThat(scope.complete()).isTrue();
        assertThat(scope.types()).hasSize(8).allSatisfy(type -> assertThat(type.scopeId()).isEqualTo(order.id()))
                .contains(new AttributeTypeStore.Registered(order.id(), "attribute 5", AttributeType.NUMBER, EPOCH));
        assertThat(projectTypes.complete()).isTrue();
        assertThat(projectTypes.types()).hasSize(10)
                .extracting(AttributeTypeStore.Registered::attributeName).doesNotContain("other");
    }

    @Test
    void aListing_stopsAtItsBound_andSaysItIsIncomplete() {
        DynamoDbAttributeTypeStore store = new DynamoDbAttributeTypeStore(TestDynamoDb.client(),
                TestDynamoDb.tables().attributeTypes(), 2);
        for (int i = 0; i < 6; i++) {
            store.registerIfAbsent(AttributeScope.customer(project), "a" + i, AttributeType.BOOLEAN, Instant.EPOCH);
        }

        assertThat(store.ofScope(AttributeScope.customer(project), 5).complete()).isFalse();
        assertThat(store.ofScope(AttributeScope.customer(project), 5).types()).hasSize(5);
        assertThat(store.ofProject(project, 6).complete()).isTrue();
        assertThat(store.ofProject(project, 6).types()).hasSize(6);
    }
}
