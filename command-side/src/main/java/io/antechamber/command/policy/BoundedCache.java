package io.antechamber.command.policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A thread-safe memo with a size cap. When the cap is reached it is simply emptied: policies hold few distinct
 * fields and patterns, so a full cache means unusual churn and starting over is cheaper than tracking recency.
 */
final class BoundedCache<K, V> {

    private final int maxEntries;
    private final Map<K, V> entries = new ConcurrentHashMap<>();

    BoundedCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    V get(K key, Function<K, V> compute) {
        V cached = entries.get(key);
        if (cached != null) {
            return cached;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        return entries.computeIfAbsent(key, compute);
    }
}
