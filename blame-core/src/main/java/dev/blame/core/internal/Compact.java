package dev.blame.core.internal;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Shrinks a decoded object in place without changing what it says, by holding once what objects hold alike.
 *
 * <p>Every part of the object below its {@code metadata}, {@code spec} and {@code status} (a pod template, a
 * container, its ports and probes, a label selector, a map, a list) is replaced by the one equal part already
 * kept, if any; strings, label and annotation maps are shared the same way. A ReplicaSet's template is then held
 * once with its Deployment's, and what two revisions of a template do not change (ports, probes, volumes,
 * resources) once for both. Empty lists and maps become the shared immutable empty ones (fabric8 allocates an
 * {@code additionalProperties} map and every list field up front).
 *
 * <p>Equality here is exact, not fabric8's {@code equals}: two parts are one when they are of the same class and
 * their fields hold the same strings and numbers and the very same (already shared) parts, so a {@code
 * Quantity} of {@code 1} is never merged with one of {@code 1000m}, and map order is kept. Parts are held
 * weakly: what no object in the graph uses any more is collected. The tables belong to the instance, and each
 * engine has its own (through its {@link Ingest}): two engines in one JVM share nothing.
 *
 * <p>Walks fabric8 model classes, lists and maps (the nested maps of a {@code GenericKubernetesResource}
 * included); anything else is left as it is and not shared. Where reflection is not allowed (fabric8 on the
 * module path without opening its packages) it leaves objects as they are. The result is read-only, like every
 * object in the graph.
 */
final class Compact {

  private static final int MAX_DEPTH = 32;
  /** Parts this deep or deeper are shared: the root's metadata, spec and status are (nearly) unique. */
  private static final int SHARED_FROM_DEPTH = 2;

  private final WeakInterner<String> strings = new WeakInterner<>();
  private final WeakInterner<Object> parts = new WeakInterner<>(Compact::hash, Compact::same);

  private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
    @Override
    protected List<Field> computeValue(Class<?> type) {
      List<Field> fields = new ArrayList<>();
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
            continue;
          }
          try {
            f.setAccessible(true);
            fields.add(f);
          } catch (RuntimeException e) {
            return null;
          }
        }
      }
      return List.copyOf(fields);
    }
  };

  /** Empty tables, owned by the caller (an engine's {@link Ingest}): nothing is shared with another's. */
  Compact() {}

  <T> T of(T object) {
    try {
      new Walk().share(object, 0);
    } catch (IllegalAccessException | RuntimeException e) {
      // Leave the rest as decoded: smaller is an optimisation, never a reason to fail.
    }
    return object;
  }

  /** The part kept equal to this one (a part of an object: a container, a condition, a map...). */
  @SuppressWarnings("unchecked")
  <T> T part(T part) {
    try {
      return (T) new Walk().share(part, SHARED_FROM_DEPTH + 1);
    } catch (IllegalAccessException | RuntimeException e) {
      return part;
    }
  }

  /** A string held once. */
  String string(String s) {
    return s == null ? null : strings.intern(s);
  }

  /** One walk over an object; {@link #exact} says whether the value last returned is shared (or a leaf). */
  private final class Walk {
    boolean exact;

    Object share(Object value, int depth) throws IllegalAccessException {
      exact = true;
      if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
          || value instanceof Character) {
        return value;
      }
      if (value instanceof String s) {
        return strings.intern(s);
      }
      if (depth > MAX_DEPTH) {
        exact = false;
        return value;
      }
      if (value instanceof List<?> list) {
        return list(list, depth);
      }
      if (value instanceof Map<?, ?> map) {
        return map(map, depth);
      }
      if (value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model.")) {
        return object(value, depth);
      }
      exact = false;
      return value;
    }

    private Object list(List<?> list, int depth) throws IllegalAccessException {
      if (list.isEmpty()) {
        return List.of();
      }
      Object[] values = new Object[list.size()];
      boolean all = true;
      boolean nulls = false;
      int i = 0;
      for (Object element : list) {
        values[i++] = share(element, depth + 1);
        all &= exact;
        nulls |= element == null;
      }
      if (nulls) {
        // List.copyOf refuses nulls: keep a list with the elements shared.
        exact = false;
        return new ArrayList<>(Arrays.asList(values));
      }
      return shareIf(all, depth, List.of(values));
    }

    private Object map(Map<?, ?> map, int depth) throws IllegalAccessException {
      if (map.isEmpty()) {
        return Collections.emptyMap();
      }
      Object[] copy = new Object[2 * map.size()];
      boolean all = true;
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getKey() == null || e.getValue() == null) {
          exact = false;
          return map;
        }
        Object key = share(e.getKey(), depth + 1);
        all &= exact;
        Object value = share(e.getValue(), depth + 1);
        all &= exact;
        copy[i++] = key;
        copy[i++] = value;
      }
      Map<Object, Object> built = i == copy.length ? ArrayMap.of(copy) : null;
      if (built == null) {
        // Duplicate keys (an odd Map implementation) or a map that changed under us: keep it as it is.
        exact = false;
        return map;
      }
      return shareIf(all, depth, built);
    }

    private Object object(Object object, int depth) throws IllegalAccessException {
      List<Field> fields = FIELDS.get(object.getClass());
      if (fields == null) {
        exact = false;
        return object;
      }
      boolean all = true;
      // The strings of an object's own metadata (name, uid, timestamps) are one of a kind: not worth a table entry.
      boolean unique = object instanceof ObjectMeta;
      for (Field f : fields) {
        Object value = f.get(object);
        Object shared = unique && value instanceof String ? value : share(value, depth + 1);
        all &= exact;
        if (shared != value) {
          if (Modifier.isFinal(f.getModifiers())) {
            all = false;
          } else {
            f.set(object, shared);
          }
        }
      }
      return shareIf(all, depth, object);
    }

    /** The part kept equal to {@code part} when its own parts are all shared and it is deep enough. */
    private Object shareIf(boolean all, int depth, Object part) throws IllegalAccessException {
      if (!all || depth < SHARED_FROM_DEPTH) {
        exact = false;
        return part;
      }
      exact = true;
      return parts.intern(part);
    }
  }

  /** Parts are found by a hash of their own fields: leaves by value, parts by identity (they are shared already). */
  private static int hash(Object part) {
    try {
      return Parts.hash(part);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Exact equality: same class, same leaves, the very same parts; neither hashing nor comparing walks a tree. */
  private static boolean same(Object a, Object b) {
    try {
      return Parts.same(a, b);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The equivalence of parts. */
  private static final class Parts {
    private static int hash(Object part) throws IllegalAccessException {
      int h = part.getClass().hashCode();
      if (part instanceof List<?> list) {
        for (Object v : list) {
          h = 31 * h + hashOf(v);
        }
      } else if (part instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          h = 31 * (31 * h + hashOf(e.getKey())) + hashOf(e.getValue());
        }
      } else {
        for (Field f : FIELDS.get(part.getClass())) {
          h = 31 * h + hashOf(f.get(part));
        }
      }
      return h;
    }

    private static int hashOf(Object v) {
      return v == null ? 0 : isLeaf(v) ? v.hashCode() : System.identityHashCode(v);
    }

    private static boolean same(Object a, Object b) throws IllegalAccessException {
      if (a.getClass() != b.getClass()) {
        return false;
      }
      if (a instanceof List<?> x) {
        List<?> y = (List<?>) b;
        if (x.size() != y.size()) {
          return false;
        }
        for (int i = 0; i < x.size(); i++) {
          if (!sameValue(x.get(i), y.get(i))) {
            return false;
          }
        }
        return true;
      }
      if (a instanceof Map<?, ?> x) {
        Map<?, ?> y = (Map<?, ?>) b;
        if (x.size() != y.size()) {
          return false;
        }
        var i = x.entrySet().iterator();
        var j = y.entrySet().iterator();
        while (i.hasNext()) {
          Map.Entry<?, ?> e = i.next();
          Map.Entry<?, ?> f = j.next();
          if (!sameValue(e.getKey(), f.getKey()) || !sameValue(e.getValue(), f.getValue())) {
            return false;
          }
        }
        return true;
      }
      for (Field f : FIELDS.get(a.getClass())) {
        if (!sameValue(f.get(a), f.get(b))) {
          return false;
        }
      }
      return true;
    }

    private static boolean sameValue(Object a, Object b) {
      return a == b || a != null && b != null && isLeaf(a) && a.getClass() == b.getClass() && a.equals(b);
    }
  }

  private static boolean isLeaf(Object v) {
    return v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Enum<?>
        || v instanceof Character;
  }
}
