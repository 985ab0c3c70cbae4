package dev.blame.analyzers.support;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only, version-agnostic view of an object's fields as nested maps, so that one analyzer reads
 * {@code autoscaling/v1} and {@code autoscaling/v2} HPAs, typed fabric8 models and
 * {@code GenericKubernetesResource}s alike. Absent fields read as empty values, never null.
 *
 * <p>Conversion copies the object; create one per analysis. Thread-safe once built.
 */
public final class Unstructured {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final Map<String, Object> root;

  private Unstructured(Map<String, Object> root) {
    this.root = root;
  }

  @SuppressWarnings("unchecked")
  public static Unstructured of(HasMetadata object) {
    Map<String, Object> map = SERIALIZATION.convertValue(object, Map.class);
    return new Unstructured(map == null ? Map.of() : map);
  }

  public static Unstructured of(Map<String, Object> map) {
    return new Unstructured(map == null ? Map.of() : map);
  }

  /** The value at a path of keys, if every step is present. */
  public Optional<Object> get(String... path) {
    Object current = root;
    for (String key : path) {
      if (!(current instanceof Map)) {
        return Optional.empty();
      }
      current = ((Map<?, ?>) current).get(key);
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  public boolean has(String... path) {
    return get(path).isPresent();
  }

  /** A scalar as text; {@code ""} when absent or not a scalar. */
  public String string(String... path) {
    return get(path).filter(v -> !(v instanceof Map) && !(v instanceof List)).map(String::valueOf).orElse("");
  }

  /** An integer field; empty when absent or not a number. */
  public Optional<Long> number(String... path) {
    Optional<Object> value = get(path);
    if (value.isPresent() && value.get() instanceof Number) {
      return Optional.of(((Number) value.get()).longValue());
    }
    if (value.isPresent() && value.get() instanceof String) {
      try {
        return Optional.of(Long.parseLong((String) value.get()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  public boolean bool(String... path) {
    return get(path).map(v -> Boolean.TRUE.equals(v) || "true".equalsIgnoreCase(String.valueOf(v))).orElse(false);
  }

  /** A nested object; empty when absent. */
  public Unstructured child(String... path) {
    return new Unstructured(map(get(path).orElse(null)));
  }

  /** The elements of a list of objects; elements that are not objects are skipped. */
  public List<Unstructured> list(String... path) {
    List<Unstructured> result = new ArrayList<>();
    Object value = get(path).orElse(null);
    if (value instanceof List) {
      for (Object element : (List<?>) value) {
        if (element instanceof Map) {
          result.add(new Unstructured(map(element)));
        }
      }
    }
    return result;
  }

  /** A list of scalars as text. */
  public List<String> strings(String... path) {
    List<String> result = new ArrayList<>();
    Object value = get(path).orElse(null);
    if (value instanceof List) {
      for (Object element : (List<?>) value) {
        if (element != null && !(element instanceof Map)) {
          result.add(String.valueOf(element));
        }
      }
    }
    return result;
  }

  /** A map of string values, e.g. a label selector's {@code matchLabels}. */
  public Map<String, String> stringMap(String... path) {
    Map<String, String> result = new java.util.TreeMap<>();
    map(get(path).orElse(null)).forEach((k, v) -> {
      if (v != null && !(v instanceof Map) && !(v instanceof List)) {
        result.put(k, String.valueOf(v));
      }
    });
    return result;
  }

  /** The fields of this object, in the order written. */
  public java.util.Set<Map.Entry<String, Object>> entries() {
    return java.util.Collections.unmodifiableMap(root).entrySet();
  }

  /** {@code status.conditions}, in the order written. */
  public List<Condition> conditions() {
    return Condition.from(list("status", "conditions"), "status.conditions");
  }

  /**
   * Parses a JSON array of objects held in a string field, such as the {@code autoscaling/v1} HPA annotation
   * {@code autoscaling.alpha.kubernetes.io/conditions}; empty when the text is not such an array.
   */
  public static List<Unstructured> parseJsonArray(String json) {
    List<Unstructured> result = new ArrayList<>();
    if (json == null || json.isBlank()) {
      return result;
    }
    try {
      List<Object> values = SERIALIZATION.unmarshal(json, new TypeReference<List<Object>>() {});
      for (Object value : values == null ? List.of() : values) {
        if (value instanceof Map) {
          result.add(new Unstructured(map(value)));
        }
      }
    } catch (RuntimeException e) {
      return List.of();
    }
    return result;
  }

  public boolean isEmpty() {
    return root.isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : Map.of();
  }
}
