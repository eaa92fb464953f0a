package io.eventshop.connect.avro;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The converter's caches: least recently used entries go beyond a bound, as in Confluent's
 * converter, so that a connector whose schemas keep changing does not grow the worker's heap
 * without end. Thread-safe.
 */
final class BoundedCache<K, V> {

  private final Map<K, V> entries;

  BoundedCache(int maxEntries) {
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > maxEntries;
      }
    };
  }

  /**
   * The value of {@code key}, computed (outside the lock: it may call the registry) on a miss.
   */
  V get(K key, Function<K, V> compute) {
    synchronized (entries) {
      V value = entries.get(key);
      if (value != null) {
        return value;
      }
    }
    V value = compute.apply(key);
    synchronized (entries) {
      entries.put(key, value);
    }
    return value;
  }

  void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }
}
