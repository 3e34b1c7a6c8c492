package dev.trackingapi.service;

import dev.trackingapi.metrics.InvocationMetrics;
import dev.trackingapi.model.Attribute;
import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.model.IgnoredAttribute;
import dev.trackingapi.store.AttributeTypeStore;
import dev.trackingapi.store.PrefetchStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * First-seen attribute types, and the one cache of them in an execution environment. Registered types never change,
 * so the cache is never stale: in steady state a request's types cost no storage request at all. A fresh environment
 * (a cold start, a restored SnapStart snapshot) learns the types a request needs in one read, {@link #prefetch},
 * which can also ask whether the request's customer has a profile; only attributes that are really new then cost a
 * write, in {@link #check}.
 */
public final class TypeRegistry {
    private static final int MAX_CACHED_TYPES = 200_000;
    private static final char SEPARATOR = '\u0000';

    private final AttributeTypeStore store;
    private final PrefetchStore prefetchStore;
    private final BoundedCache<String, AttributeType> cache = new BoundedCache<>(MAX_CACHED_TYPES);

    public TypeRegistry(AttributeTypeStore store, PrefetchStore prefetchStore) {
        this.store = store;
        this.prefetchStore = prefetchStore;
    }

    /** Attributes sorted by their first-seen types: applied (typed as registered) or ignored for a type mismatch. */
    record Checked(List<Attribute> applied, List<IgnoredAttribute> ignored) {
    }

    /**
     * The registered types of the attributes, from the cache, and in one read for those it does not hold; that read
     * also asks for the customer, when one is given. Nothing is read when every type is cached.
     *
     * @param unknownCustomerOrNull a customer whose profile this environment does not know to exist, or null
     */
    Prefetch prefetch(AttributeScope scope, List<Attribute> attributes, String unknownCustomerOrNull) {
        Map<String, AttributeType> registered = new HashMap<>(attributes.size() * 2);
        List<String> uncached = new ArrayList<>(0);
        for (Attribute attribute : attributes) {
            AttributeType type = cache.get(key(scope.id(), attribute.name()));
            if (type != null) {
                registered.put(attribute.name(), type);
            } else {
                uncached.add(attribute.name());
            }
        }
        if (uncached.isEmpty()) {
            return new Prefetch(scope, registered, Prefetch.Customer.NOT_ASKED);
        }
        PrefetchStore.Found found = prefetchStore.lookUp(scope, uncached, unknownCustomerOrNull);
        found.registeredTypes().forEach((name, type) -> {
            cache.put(key(scope.id(), name), type);
            registered.put(name, type);
        });
        Prefetch.Customer customer = unknownCustomerOrNull == null ? Prefetch.Customer.NOT_ASKED
                : found.customerExists() ? Prefetch.Customer.FOUND : Prefetch.Customer.MISSING;
        return new Prefetch(scope, registered, customer);
    }

    /**
     * Checks each attribute against its first-seen type, registering the attribute's own type where the prefetch found
     * none (each registration this call wins is reported to {@code metrics}). An empty array from a flat object takes
     * the registered array type, or registers string array.
     */
    Checked check(Prefetch prefetch, List<Attribute> attributes, Instant now, InvocationMetrics metrics) {
        List<Attribute> applied = new ArrayList<>(attributes.size());
        List<IgnoredAttribute> ignored = new ArrayList<>(0);
        for (Attribute attribute : attributes) {
            AttributeType registered = prefetch.registered().get(attribute.name());
            if (registered == null) {
                AttributeTypeStore.Registration registration = store.registerIfAbsent(prefetch.scope(),
                        attribute.name(), attribute.type(), now);
                registered = registration.type();
                cache.put(key(prefetch.scope().id(), attribute.name()), registered);
                if (registration.won()) {
                    metrics.typeRegistered();
                }
            }
            if (registered == attribute.type() && !attribute.anyArrayType()) {
                applied.add(attribute);
            } else if (attribute.anyArrayType() && registered.isArray()) {
                applied.add(attribute.withType(registered));
            } else {
                ignored.add(IgnoredAttribute.typeMismatch(attribute, registered));
            }
        }
        return new Checked(applied, ignored);
    }

    /**
     * The registered types of the named attributes of a scope, for reading stored values back: from the cache, and in
     * one Query of the whole scope (then cached) only when one of them is not cached. A name with no registered type
     * is absent from the answer.
     */
    Map<String, AttributeType> typesOf(AttributeScope scope, Collection<String> attributeNames) {
        Map<String, AttributeType> types = new HashMap<>(attributeNames.size() * 2);
        boolean missing = false;
        for (String name : attributeNames) {
            AttributeType type = cache.get(key(scope.id(), name));
            if (type == null) {
                missing = true;
                break;
            }
            types.put(name, type);
        }
        if (!missing) {
            return types;
        }
        for (AttributeTypeStore.Registered registered : store.ofScope(scope, MAX_CACHED_TYPES / 2).types()) {
            cache.put(key(scope.id(), registered.attributeName()), registered.type());
        }
        types.clear();
        for (String name : attributeNames) {
            AttributeType type = cache.get(key(scope.id(), name));
            if (type != null) {
                types.put(name, type);
            }
        }
        return types;
    }

    /**
     * Learns every type the store has registered, up to half of what the cache holds (so that requests still have room
     * before it starts over): they never change, so a SnapStart snapshot can carry them into every restored
     * environment, whose first requests then need no read for any attribute registered before it.
     *
     * @return how many types were learnt
     */
    public int learnRegistered() {
        List<AttributeTypeStore.Registered> registered = store.registered(MAX_CACHED_TYPES / 2);
        for (AttributeTypeStore.Registered type : registered) {
            cache.put(key(type.scopeId(), type.attributeName()), type.type());
        }
        return registered.size();
    }

    /** Forgets every type learnt so far (what a rehearsal of requests taught it is not true of any project). */
    public void forget() {
        cache.clear();
    }

    private static String key(String scopeId, String attributeName) {
        return scopeId + SEPARATOR + attributeName;
    }
}
