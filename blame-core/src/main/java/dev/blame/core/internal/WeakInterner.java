package dev.blame.core.internal;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.ToIntFunction;

/**
 * Holds one instance of each equal value, weakly: {@link #intern} returns the instance already kept that
 * {@code equals} the argument, or keeps the argument. A kept value that nothing else references is collected and
 * its slot dropped on a later call. Thread-safe: the table is split into segments locked one at a time, so
 * concurrent ingest threads rarely wait on each other.
 *
 * <p>Equal means {@code equals} and {@code hashCode} unless another equivalence is given: {@link Compact} keeps
 * the parts of decoded objects by its own, exact one. This is the one weak table of the core.
 *
 * <p>Replaces Guava's {@code Interners.newWeakInterner()}, the only thing the core used Guava for beside a cache
 * and a map builder, so that the library carries no Guava on its users' class path. Each engine owns its
 * interners (none is static), so two engines in one JVM share no value through them.
 */
final class WeakInterner<T> {

  private static final int SEGMENTS = 16;

  private final Segment[] segments = new Segment[SEGMENTS];
  private final ToIntFunction<Object> hash;
  private final BiPredicate<Object, Object> same;

  /** Equal by {@code equals}. */
  WeakInterner() {
    this(Object::hashCode, Object::equals);
  }

  /**
   * Equal by this equivalence: {@code same(kept, value)} is asked only of values with the same {@code hash}, which
   * may throw an unchecked exception; it then reaches the caller of {@link #intern}, nothing kept.
   */
  WeakInterner(ToIntFunction<Object> hash, BiPredicate<Object, Object> same) {
    this.hash = Objects.requireNonNull(hash, "hash");
    this.same = Objects.requireNonNull(same, "same");
    for (int i = 0; i < SEGMENTS; i++) {
      segments[i] = new Segment();
    }
  }

  /** The kept instance equal to {@code value} (never null; {@code value} itself the first time). */
  @SuppressWarnings("unchecked")
  T intern(T value) {
    Objects.requireNonNull(value, "value");
    int h = spread(hash.applyAsInt(value));
    return (T) segments[(h >>> 28) & (SEGMENTS - 1)].intern(value, h, same);
  }

  /** How many values are held now (those already collected but not yet dropped included); for tests. */
  int size() {
    int n = 0;
    for (Segment s : segments) {
      synchronized (s) {
        s.expunge();
        n += s.size;
      }
    }
    return n;
  }

  private static int spread(int h) {
    h ^= h >>> 16;
    h *= 0x45d9f3b;
    return h ^ (h >>> 16);
  }

  private static final class Ref extends WeakReference<Object> {
    final int hash;
    Ref next;

    Ref(Object value, int hash, ReferenceQueue<Object> queue, Ref next) {
      super(value, queue);
      this.hash = hash;
      this.next = next;
    }
  }

  private static final class Segment {
    private Ref[] table = new Ref[64];
    private int size;
    private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();

    synchronized Object intern(Object value, int hash, BiPredicate<Object, Object> same) {
      expunge();
      int i = hash & (table.length - 1);
      for (Ref r = table[i]; r != null; r = r.next) {
        if (r.hash == hash) {
          Object kept = r.get();
          if (kept != null && same.test(kept, value)) {
            return kept;
          }
        }
      }
      table[i] = new Ref(value, hash, cleared, table[i]);
      if (++size > table.length - (table.length >> 2)) {
        resize();
      }
      return value;
    }

    void expunge() {
      for (Reference<?> gone; (gone = cleared.poll()) != null; ) {
        Ref ref = (Ref) gone;
        int i = ref.hash & (table.length - 1);
        for (Ref r = table[i], previous = null; r != null; previous = r, r = r.next) {
          if (r == ref) {
            if (previous == null) {
              table[i] = r.next;
            } else {
              previous.next = r.next;
            }
            size--;
            break;
          }
        }
      }
    }

    private void resize() {
      Ref[] old = table;
      table = new Ref[old.length * 2];
      for (Ref head : old) {
        for (Ref r = head; r != null; ) {
          Ref next = r.next;
          int i = r.hash & (table.length - 1);
          r.next = table[i];
          table[i] = r;
          r = next;
        }
      }
    }
  }
}
