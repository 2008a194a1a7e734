package fi.osaava.text.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A cache of at most {@code capacity} entries with lock-free reads. It keeps two generations: when
 * the young one fills up, it becomes the old one and the previous old one is dropped, and a hit in
 * the old generation is promoted. That approximates least-recently-used eviction without a lock per
 * lookup, which matters because analysers call it for every token on every indexing thread.
 */
final class BoundedCache<K, V> {

  private final int generationCapacity;
  private volatile Map<K, V> young = new ConcurrentHashMap<>();
  private volatile Map<K, V> old = new ConcurrentHashMap<>();

  BoundedCache(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("capacity must be at least 2, not " + capacity);
    }
    this.generationCapacity = capacity / 2;
  }

  V get(K key, Function<K, V> compute) {
    V value = young.get(key);
    if (value != null) {
      return value;
    }
    value = old.get(key);
    if (value == null) {
      value = compute.apply(key);
    }
    put(key, value);
    return value;
  }

  private void put(K key, V value) {
    Map<K, V> current = young;
    if (current.size() >= generationCapacity) {
      synchronized (this) {
        if (young == current) {
          old = current;
          young = new ConcurrentHashMap<>();
        }
      }
    }
    young.put(key, value);
  }

  int size() {
    return young.size() + old.size();
  }
}
