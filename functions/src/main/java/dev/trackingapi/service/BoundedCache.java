package dev.trackingapi.service;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-execution-environment cache of facts that never change once true (registered types, existing customers).
 * Bounded so that a flood of distinct names cannot exhaust memory: when full it starts over, which costs only
 * repeated lookups, never a wrong answer.
 */
final class BoundedCache<K, V> {
    private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();
    private final int maxEntries;

    BoundedCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    V get(K key) {
        return entries.get(key);
    }

    void put(K key, V value) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, value);
    }

    void clear() {
        entries.clear();
    }
}
