package dev.trackingapi.testing;

import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.model.CanonicalJson;
import dev.trackingapi.model.CustomerUpsert;
import dev.trackingapi.model.IgnoredAttribute;
import dev.trackingapi.model.ProfileCap;
import dev.trackingapi.model.StoredEvent;
import dev.trackingapi.service.BatchTracker;
import dev.trackingapi.service.CustomerProfiles;
import dev.trackingapi.service.CustomerTracker;
import dev.trackingapi.service.EventTracker;
import dev.trackingapi.service.TypeRegistry;
import dev.trackingapi.store.AttributeTypeStore;
import dev.trackingapi.store.CustomerStore;
import dev.trackingapi.store.EventStore;
import dev.trackingapi.store.PrefetchStore;
import dev.trackingapi.store.StorageUnavailableException;
import dev.trackingapi.store.dynamodb.EventsTable;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The three stores in memory, with the semantics of the DynamoDB adapters (first writer wins, conditional event
 * writes, the profile cap), for tests that need the whole pipeline thousands of times a second. Counts every write,
 * so a test can tell that a refused request wrote nothing.
 */
public final class InMemoryStores implements AttributeTypeStore, CustomerStore, EventStore, PrefetchStore {
    /** Threads for the work a request does beside its writes, as an execution environment has them. */
    public static final Executor BESIDE_WRITES = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "test-beside-writes");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<String, AttributeType> types = new HashMap<>();
    private final Map<String, Map<String, Attribute>> profiles = new HashMap<>();
    private final Map<String, IgnoredAttribute> ignored = new HashMap<>();
    private final Map<String, StoredEvent> events = new HashMap<>();
    private final Map<String, Long> firstReceiptTimes = new HashMap<>();
    private int writes;
    private boolean unavailable;

    /** A tracker as one execution environment of an event route has it: its own caches, these stores. */
    public EventTracker eventTracker() {
        return new EventTracker(new TypeRegistry(this, this), new CustomerProfiles(this, BESIDE_WRITES), this);
    }

    public CustomerTracker customerTracker() {
        return new CustomerTracker(new TypeRegistry(this, this), this);
    }

    /** The batch function's tracker: events and customers on one registry of types, as Wiring builds it. */
    public BatchTracker batchTracker() {
        TypeRegistry types = new TypeRegistry(this, this);
        return new BatchTracker(types, new EventTracker(types, new CustomerProfiles(this, BESIDE_WRITES), this),
                new CustomerTracker(types, this), BESIDE_WRITES, Clock.systemUTC());
    }

    @Override
    public synchronized Found lookUp(AttributeScope scope, Collection<String> attributeNames,
                                          String customerIdOrNull) {
        failIfUnavailable();
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
    public synchronized boolean exists(String projectId, String customerId) {
        failIfUnavailable();
        return profiles.containsKey(projectId + "#" + customerId);
    }

    /** While true, every read and write fails as DynamoDB throttling does: StorageUnavailableException. */
    public synchronized void unavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    private void failIfUnavailable() {
        if (unavailable) {
            throw new StorageUnavailableException("DynamoDB is throttling (InMemoryStores.unavailable)", null);
        }
    }

    /** Nothing is ever erased in memory. */
    @Override
    public long erasureGeneration(String projectId) {
        return 0;
    }

    /** Every write request the stores were asked to make, whether or not it changed anything. */
    public synchronized int writes() {
        return writes;
    }

    public synchronized int events() {
        return events.size();
    }

    @Override
    public synchronized Registration registerIfAbsent(AttributeScope scope, String attributeName, AttributeType type,
                                                      Instant now) {
        failIfUnavailable();
        writes++;
        String key = scope.id() + "\u0000" + attributeName;
        AttributeType earlier = types.putIfAbsent(key, type);
        return earlier == null ? new Registration(type, true) : new Registration(earlier, false);
    }

    @Override
    public synchronized List<Registered> registered(int max) {
        failIfUnavailable();
        return types.entrySet().stream().limit(max).map(InMemoryStores::registered).toList();
    }

    @Override
    public synchronized Registrations ofScope(AttributeScope scope, int max) {
        return registrations(registered -> registered.scopeId().equals(scope.id()), max);
    }

    @Override
    public synchronized Registrations ofProject(String projectId, int max) {
        return registrations(registered -> registered.scopeId().startsWith(projectId + "#"), max);
    }

    private Registrations registrations(java.util.function.Predicate<Registered> wanted, int max) {
        List<Registered> found = types.entrySet().stream().map(InMemoryStores::registered).filter(wanted).toList();
        return new Registrations(found.stream().limit(max).toList(), found.size() <= max);
    }

    private static Registered registered(Map.Entry<String, AttributeType> entry) {
        String[] key = entry.getKey().split("\u0000", 2);
        return new Registered(key[0], key[1], entry.getValue(), REGISTERED_AT);
    }

    /** The in-memory registry keeps no times: every type reads as registered at this one. */
    public static final String REGISTERED_AT = "2020-01-20T19:14:15.000Z";

    @Override
    public synchronized void createIfAbsent(String projectId, String customerId, Instant now) {
        failIfUnavailable();
        writes++;
        profiles.computeIfAbsent(projectId + "#" + customerId, key -> new HashMap<>());
    }

    @Override
    public synchronized List<Attribute> upsert(CustomerUpsert upsert) {
        failIfUnavailable();
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
        failIfUnavailable();
        writes++;
        for (IgnoredAttribute value : values) {
            StringBuilder key = new StringBuilder(projectId).append('#').append(customerId).append('#')
                    .append(value.attribute()).append('#');
            CanonicalJson.append(value.value(), key);
            ignored.put(key.toString(), value);
        }
    }

    @Override
    public synchronized boolean putIfAbsent(StoredEvent event) {
        failIfUnavailable();
        writes++;
        StoredEvent timed = event;
        if (event.timedByReceipt() && event.eventId() != null) {
            long first = firstReceiptTimes.computeIfAbsent(event.projectId() + "!" + event.customerId() + "#"
                    + event.eventKey(), key -> event.timeMillis());
            timed = event.at(first);
        }
        String key = event.projectId() + "#" + event.customerId() + "#"
                + EventsTable.sortKey(timed.timeMillis(), timed.eventKey());
        return events.putIfAbsent(key, timed) == null;
    }
}
