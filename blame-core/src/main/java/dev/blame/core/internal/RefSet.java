package dev.blame.core.internal;

import dev.blame.api.ObjectRef;
import java.util.AbstractSet;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A set of keys for the graph's indexes, open-addressed: 4-8 bytes per key where a {@code HashSet} takes ~40
 * (an entry object per key). An index holds every pod several times (a set per label, per owner, per object it
 * names), so this is a good part of what a pod costs. Iteration order is unspecified, as a {@code HashSet}'s;
 * not thread-safe (the store is written under its lock); the iterator does not remove.
 */
final class RefSet extends AbstractSet<ObjectRef> {

  private ObjectRef[] table = new ObjectRef[2];
  private int size;
  private int modCount;

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean contains(Object o) {
    if (!(o instanceof ObjectRef)) {
      return false;
    }
    ObjectRef[] t = table;
    int mask = t.length - 1;
    for (int i = slot(o, mask); t[i] != null; i = (i + 1) & mask) {
      if (t[i].equals(o)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean add(ObjectRef key) {
    if (key == null) {
      throw new NullPointerException();
    }
    if (contains(key)) {
      return false;
    }
    if (4 * (size + 1) > 3 * table.length) {
      resize(table.length * 2);
    }
    insert(table, key);
    size++;
    modCount++;
    return true;
  }

  @Override
  public boolean remove(Object o) {
    if (!(o instanceof ObjectRef)) {
      return false;
    }
    ObjectRef[] t = table;
    int mask = t.length - 1;
    int i = slot(o, mask);
    while (t[i] != null && !t[i].equals(o)) {
      i = (i + 1) & mask;
    }
    if (t[i] == null) {
      return false;
    }
    // Backward-shift deletion: move later keys of the probe run into the gap, so no tombstones are needed.
    int gap = i;
    for (int j = (gap + 1) & mask; t[j] != null; j = (j + 1) & mask) {
      int home = slot(t[j], mask);
      if (((j - home) & mask) >= ((j - gap) & mask)) {
        t[gap] = t[j];
        gap = j;
      }
    }
    t[gap] = null;
    size--;
    modCount++;
    if (size > 0 && 8 * size < table.length && table.length > 2) {
      resize(table.length / 2);
    }
    return true;
  }

  @Override
  public Iterator<ObjectRef> iterator() {
    return new Iterator<>() {
      private final ObjectRef[] t = table;
      private final int expected = modCount;
      private int next = advance(0);

      private int advance(int from) {
        int i = from;
        while (i < t.length && t[i] == null) {
          i++;
        }
        return i;
      }

      @Override
      public boolean hasNext() {
        return next < t.length;
      }

      @Override
      public ObjectRef next() {
        if (modCount != expected) {
          throw new ConcurrentModificationException();
        }
        if (next >= t.length) {
          throw new NoSuchElementException();
        }
        ObjectRef key = t[next];
        next = advance(next + 1);
        return key;
      }
    };
  }

  private void resize(int capacity) {
    ObjectRef[] old = table;
    table = new ObjectRef[capacity];
    for (ObjectRef key : old) {
      if (key != null) {
        insert(table, key);
      }
    }
  }

  private static void insert(ObjectRef[] t, ObjectRef key) {
    int mask = t.length - 1;
    int i = slot(key, mask);
    while (t[i] != null) {
      i = (i + 1) & mask;
    }
    t[i] = key;
  }

  private static int slot(Object key, int mask) {
    int h = key.hashCode() * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }
}
