package dev.trackingapi.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.model.CustomerProfile;
import dev.trackingapi.model.JsonNodes;
import dev.trackingapi.model.KeptValue;
import dev.trackingapi.model.TypedValue;
import dev.trackingapi.store.CustomerRecords;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A customer as stored: the profile in one read, its custom attributes typed by the registry (whose types this
 * execution environment caches, so that in steady state the profile's read is the only one), reserved attributes as
 * strings, and the values kept beside it because they were not applied.
 */
public final class CustomerReader {
    /** How many kept values a profile lists at most; it says when there are more. */
    public static final int MAX_IGNORED_LISTED = 100;
    private static final Comparator<KeptValue> BY_ATTRIBUTE_THEN_NEWEST = Comparator
            .comparing((KeptValue kept) -> kept.ignored().attribute())
            .thenComparing(KeptValue::receivedAt, Comparator.nullsLast(Comparator.reverseOrder()));

    private final CustomerRecords customers;
    private final TypeRegistry types;

    public CustomerReader(CustomerRecords customers, TypeRegistry types) {
        this.customers = customers;
        this.types = types;
    }

    /** @return empty when the customer has no profile in the project */
    public Optional<CustomerProfile> profile(String projectId, String customerId) {
        return customers.find(projectId, customerId, MAX_IGNORED_LISTED).map(stored -> {
            Map<String, TypedValue> attributes = new TreeMap<>();
            stored.reserved().forEach((name, value) ->
                    attributes.put(name, new TypedValue(JsonNodes.FACTORY.textNode(value), AttributeType.STRING)));
            Map<String, AttributeType> registered = stored.custom().isEmpty() ? Map.of()
                    : types.typesOf(AttributeScope.customer(projectId), stored.custom().keySet());
            for (Map.Entry<String, JsonNode> custom : stored.custom().entrySet()) {
                attributes.put(custom.getKey(), new TypedValue(custom.getValue(), registered.get(custom.getKey())));
            }
            List<KeptValue> ignored = stored.ignored().stream().sorted(BY_ATTRIBUTE_THEN_NEWEST).toList();
            return new CustomerProfile(customerId, stored.createdAt(), stored.updatedAt(), attributes, ignored,
                    stored.moreIgnored());
        });
    }

    /** Forgets the types learnt so far (what a rehearsal of requests taught it is not true of any project). */
    public void forget() {
        types.forget();
    }

    /** Learns every registered type ahead, as the tracking functions do before their snapshot. */
    public int learnRegistered() {
        return types.learnRegistered();
    }
}
