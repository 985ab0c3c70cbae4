package dev.blame.core.internal;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Shrinks a decoded fabric8 object in place without changing what it says: every empty list or map becomes
 * the shared immutable empty one. fabric8's model classes allocate an {@code additionalProperties} map and
 * every list field up front, so a decoded Deployment carries dozens of empty collections; the graph keeps
 * objects for as long as they exist, and they are read-only there.
 *
 * <p>Walks fields of fabric8 model classes (and lists of them) only. Where reflection is not allowed (fabric8
 * on the module path without opening its packages) it leaves objects as they are.
 */
final class Compact {

  private static final int MAX_DEPTH = 32;

  private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
    @Override
    protected List<Field> computeValue(Class<?> type) {
      List<Field> fields = new ArrayList<>();
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers()) || f.getType().isPrimitive()
              || f.getType() == String.class || f.getType().isEnum()) {
            continue;
          }
          try {
            f.setAccessible(true);
            fields.add(f);
          } catch (RuntimeException e) {
            return List.of();
          }
        }
      }
      return List.copyOf(fields);
    }
  };

  private Compact() {}

  static <T> T of(T object) {
    compact(object, 0);
    return object;
  }

  private static void compact(Object object, int depth) {
    if (object == null || depth > MAX_DEPTH || !(object instanceof KubernetesResource)) {
      return;
    }
    try {
      for (Field f : FIELDS.get(object.getClass())) {
        Object value = f.get(object);
        if (value instanceof List<?> list) {
          if (list.isEmpty()) {
            f.set(object, List.of());
          } else {
            for (Object element : list) {
              compact(element, depth + 1);
            }
          }
        } else if (value instanceof Map<?, ?> map) {
          if (map.isEmpty()) {
            f.set(object, Collections.emptyMap());
          } else {
            for (Object element : map.values()) {
              compact(element, depth + 1);
            }
          }
        } else {
          compact(value, depth + 1);
        }
      }
    } catch (IllegalAccessException | RuntimeException e) {
      // Leave the rest as decoded: smaller is an optimisation, never a reason to fail.
    }
  }
}
