package dev.trackingapi.service;

import dev.trackingapi.domain.Attribute;
import dev.trackingapi.domain.AttributeScope;
import dev.trackingapi.domain.AttributeType;
import dev.trackingapi.domain.IgnoredAttribute;
import dev.trackingapi.store.AttributeTypeStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * First-seen attribute types. Registered types never change, so the cache in front of the store is never stale:
 * in steady state a type check costs no storage request at all.
 */
public final class TypeRegistry {
    private static final int MAX_CACHED_TYPES = 200_000;
    private static final char SEPARATOR = '\u0000';

    private final AttributeTypeStore store;
    private final BoundedCache<String, AttributeType> cache = new BoundedCache<>(MAX_CACHED_TYPES);

    public TypeRegistry(AttributeTypeStore store) {
        this.store = store;
    }

    /** Attributes sorted by their first-seen types: applied (typed as registered) or ignored for a type mismatch. */
    public record Checked(List<Attribute> applied, List<IgnoredAttribute> ignored) {
    }

    public Checked check(AttributeScope scope, List<Attribute> attributes, Instant now) {
        List<Attribute> applied = new ArrayList<>(attributes.size());
        List<IgnoredAttribute> ignored = new ArrayList<>(0);
        for (Attribute attribute : attributes) {
            AttributeType registered = registeredType(scope, attribute, now);
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
     * The type registered for the attribute, registering the attribute's own type when it is the first seen.
     * An empty array from a flat object takes the registered array type, or registers string array.
     */
    AttributeType registeredType(AttributeScope scope, Attribute attribute, Instant now) {
        String key = key(scope, attribute.name());
        AttributeType registered = cache.get(key);
        if (registered == null) {
            registered = store.registerIfAbsent(scope, attribute.name(), attribute.type(), now);
            cache.put(key, registered);
        }
        return registered;
    }

    /** The names of the attributes whose registered type this environment does not know yet. */
    List<String> uncached(AttributeScope scope, List<Attribute> attributes) {
        List<String> names = new ArrayList<>(0);
        for (Attribute attribute : attributes) {
            if (cache.get(key(scope, attribute.name())) == null) {
                names.add(attribute.name());
            }
        }
        return names;
    }

    /** Registered types read from the store: they never change, so they can be cached as they are. */
    void remember(AttributeScope scope, Map<String, AttributeType> registered) {
        registered.forEach((name, type) -> cache.put(key(scope, name), type));
    }

    /**
     * Learns every type the store has registered, up to half of what the cache holds (so that requests still have room
     * before it starts over): they never change, so a SnapStart snapshot can carry them into every restored
     * environment, whose first requests then need no lookup for any attribute registered before it.
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

    private static String key(AttributeScope scope, String attributeName) {
        return key(scope.id(), attributeName);
    }

    private static String key(String scopeId, String attributeName) {
        return scopeId + SEPARATOR + attributeName;
    }
}
