package dev.trackingapi.testing;

import dev.trackingapi.config.BesideWrites;
import dev.trackingapi.domain.Attribute;
import dev.trackingapi.domain.AttributeScope;
import dev.trackingapi.domain.AttributeType;
import dev.trackingapi.domain.CustomerUpsert;
import dev.trackingapi.domain.IgnoredAttribute;
import dev.trackingapi.domain.ProfileCap;
import dev.trackingapi.domain.StoredEvent;
import dev.trackingapi.service.CustomerTracker;
import dev.trackingapi.service.EventTracker;
import dev.trackingapi.service.KnownCustomers;
import dev.trackingapi.service.KnownFacts;
import dev.trackingapi.service.TypeRegistry;
import dev.trackingapi.store.AttributeTypeStore;
import dev.trackingapi.store.CustomerStore;
import dev.trackingapi.store.EventStore;
import dev.trackingapi.store.KnownFactsStore;
import dev.trackingapi.store.dynamodb.DynamoDbEventStore;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three stores in memory, with the semantics of the DynamoDB adapters (first writer wins, conditional event
 * writes, the profile cap), for tests that need the whole pipeline thousands of times a second. Counts every write,
 * so a test can tell that a refused request wrote nothing.
 */
public final class InMemoryStores implements AttributeTypeStore, CustomerStore, EventStore, KnownFactsStore {
    private final Map<String, AttributeType> types = new HashMap<>();
    private final Map<String, Map<String, Attribute>> profiles = new HashMap<>();
    private final Map<String, IgnoredAttribute> ignored = new HashMap<>();
    private final Map<String, StoredEvent> events = new HashMap<>();
    private final Map<String, Long> firstReceiptTimes = new HashMap<>();
    private int writes;

    /** A tracker as one execution environment of an event route has it: its own caches, these stores. */
    public EventTracker eventTracker() {
        TypeRegistry types = new TypeRegistry(this);
        KnownCustomers customers = new KnownCustomers(this);
        return new EventTracker(types, new KnownFacts(this, types, customers, BesideWrites.pool()), this);
    }

    public CustomerTracker customerTracker() {
        TypeRegistry types = new TypeRegistry(this);
        KnownCustomers customers = new KnownCustomers(this);
        return new CustomerTracker(types, customers, new KnownFacts(this, types, customers, BesideWrites.pool()), this);
    }

    @Override
    public synchronized Found lookUp(AttributeScope scope, Collection<String> attributeNames,
                                          String customerIdOrNull) {
        Map<String, AttributeType> registered = new HashMap<>();
        for (String name : attributeNames) {
            AttributeType type = types.get(scope.id() + "\u0000" + name);
            if (type != null) {
                registered.put(name, type);
            }
        }
        boolean customerExists = customerIdOrNull != null
                && profiles.containsKey(scope.projectId() + "#" + customerIdOrNull);
        return new Found(registered, customerExists);
    }

    @Override
    public synchronized boolean customerExists(String projectId, String customerId) {
        return profiles.containsKey(projectId + "#" + customerId);
    }

    /** Every write request the stores were asked to make, whether or not it changed anything. */
    public synchronized int writes() {
        return writes;
    }

    public synchronized int events() {
        return events.size();
    }

    @Override
    public synchronized AttributeType registerIfAbsent(AttributeScope scope, String attributeName, AttributeType type,
                                                       Instant now) {
        writes++;
        return types.computeIfAbsent(scope.id() + "\u0000" + attributeName, key -> type);
    }

    @Override
    public synchronized List<Registered> registered(int max) {
        return types.entrySet().stream().limit(max).map(entry -> {
            String[] key = entry.getKey().split("\u0000", 2);
            return new Registered(key[0], key[1], entry.getValue());
        }).toList();
    }

    @Override
    public synchronized void createIfAbsent(String projectId, String customerId, Instant now) {
        writes++;
        profiles.computeIfAbsent(projectId + "#" + customerId, key -> new HashMap<>());
    }

    @Override
    public synchronized List<Attribute> upsert(CustomerUpsert upsert) {
        writes++;
        Map<String, Attribute> profile = profiles.computeIfAbsent(upsert.projectId() + "#" + upsert.customerId(),
                key -> new HashMap<>());
        Set<String> names = new HashSet<>(profile.keySet());
        ProfileCap.Admission admission = ProfileCap.admit(names, upsert.custom(), upsert.customAttributeCap());
        admission.admitted().forEach(attribute -> profile.put(attribute.name(), attribute));
        return admission.overCap();
    }

    @Override
    public synchronized void keepIgnored(String projectId, String customerId, List<IgnoredAttribute> values,
                                         Instant now) {
        writes++;
        for (IgnoredAttribute value : values) {
            ignored.put(projectId + "#" + customerId + "#" + value.attribute() + "#" + value.value(), value);
        }
    }

    @Override
    public synchronized boolean putIfAbsent(StoredEvent event) {
        writes++;
        StoredEvent timed = event;
        if (event.timedByReceipt() && event.eventId() != null) {
            long first = firstReceiptTimes.computeIfAbsent(event.projectId() + "!" + event.customerId() + "#"
                    + event.eventKey(), key -> event.timeMillis());
            timed = event.at(first);
        }
        String key = event.projectId() + "#" + event.customerId() + "#"
                + DynamoDbEventStore.sortKey(timed.timeMillis(), timed.eventKey());
        return events.putIfAbsent(key, timed) == null;
    }
}
