package dev.blame.core.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A read-only map that keeps its entries' order, held as one array of keys and values (labels, annotations and
 * the maps inside a pod spec are small and many). Lookups scan the array up to {@value #LINEAR} entries and use a
 * small open-addressing index above. Null keys and values are refused, as are duplicate keys ({@link #of} returns
 * null then, and the caller keeps its own map). Equality and hash code follow {@link Map}.
 */
final class ArrayMap<K, V> extends AbstractMap<K, V> {

  private static final int LINEAR = 8;

  /** Keys at even, values at odd positions, in the order given. */
  private final Object[] kv;
  /** For larger maps: entry index + 1 by key hash (0 = empty slot), linear probing. */
  private final int[] index;

  private ArrayMap(Object[] kv, int[] index) {
    this.kv = kv;
    this.index = index;
  }

  /**
   * A map of these alternating keys and values (the array is kept, not copied), or null when a key repeats or a
   * key or value is null.
   */
  static <K, V> Map<K, V> of(Object[] kv) {
    int n = kv.length / 2;
    for (int i = 0; i < kv.length; i++) {
      if (kv[i] == null) {
        return null;
      }
    }
    int[] index = null;
    if (n > LINEAR) {
      index = new int[Integer.highestOneBit(n * 2 - 1) << 1];
      for (int e = 0; e < n; e++) {
        Object key = kv[2 * e];
        int slot = spread(key.hashCode()) & (index.length - 1);
        for (; index[slot] != 0; slot = (slot + 1) & (index.length - 1)) {
          if (kv[2 * (index[slot] - 1)].equals(key)) {
            return null;
          }
        }
        index[slot] = e + 1;
      }
    } else {
      for (int e = 1; e < n; e++) {
        for (int f = 0; f < e; f++) {
          if (kv[2 * e].equals(kv[2 * f])) {
            return null;
          }
        }
      }
    }
    return new ArrayMap<>(kv, index);
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  private int find(Object key) {
    if (key == null) {
      return -1;
    }
    if (index == null) {
      for (int i = 0; i < kv.length; i += 2) {
        if (key.equals(kv[i])) {
          return i;
        }
      }
      return -1;
    }
    for (int slot = spread(key.hashCode()) & (index.length - 1); index[slot] != 0;
        slot = (slot + 1) & (index.length - 1)) {
      int i = 2 * (index[slot] - 1);
      if (key.equals(kv[i])) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return kv.length / 2;
  }

  @Override
  public boolean containsKey(Object key) {
    return find(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    int i = find(key);
    return i < 0 ? null : (V) kv[i + 1];
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<K, V>> iterator() {
        return new Iterator<>() {
          private int i;

          @Override
          public boolean hasNext() {
            return i < kv.length;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Map.Entry<K, V> next() {
            if (i >= kv.length) {
              throw new NoSuchElementException();
            }
            Map.Entry<K, V> e = new SimpleImmutableEntry<>((K) kv[i], (V) kv[i + 1]);
            i += 2;
            return e;
          }
        };
      }

      @Override
      public int size() {
        return kv.length / 2;
      }
    };
  }

  @Override
  public V put(K key, V value) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public String toString() {
    return kv.length == 0 ? "{}" : super.toString();
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (int i = 0; i < kv.length; i += 2) {
      h += Objects.hashCode(kv[i]) ^ Objects.hashCode(kv[i + 1]);
    }
    return h;
  }

  /** For tests: the keys in order. */
  Object[] keys() {
    Object[] keys = new Object[size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = kv[2 * i];
    }
    return keys;
  }

  @Override
  public boolean equals(Object o) {
    if (o instanceof ArrayMap<?, ?> other && Arrays.equals(kv, other.kv)) {
      return true;
    }
    return super.equals(o);
  }
}
