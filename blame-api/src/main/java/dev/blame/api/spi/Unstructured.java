package dev.blame.api.spi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.model.jackson.GoCompatibilityModule;
import io.fabric8.kubernetes.model.jackson.UnmatchedFieldTypeModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A read-only, version-agnostic view of an object's fields as nested maps, so that one analyzer reads
 * {@code autoscaling/v1} and {@code autoscaling/v2} HPAs, typed fabric8 models and
 * {@code GenericKubernetesResource}s alike. Absent fields read as empty values, never null.
 *
 * <pre>{@code
 * Unstructured u = Unstructured.of(node.object());
 * String phase = u.string("status", "phase");            // "" when absent
 * long wanted = u.number("spec", "replicas").orElse(1L);
 * List<Condition> conditions = u.conditions();
 * }</pre>
 *
 * <p>Conversion copies the object (a typed one as fabric8's own serialization writes it); create one per
 * analysis. Thread-safe once built.
 */
public final class Unstructured {

  /** Configured as fabric8's {@code KubernetesSerialization} (which lives in the client, not in the model). */
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModules(new UnmatchedFieldTypeModule(), new GoCompatibilityModule())
      .disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
      .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
          JsonInclude.Include.ALWAYS));

  private final Map<String, Object> root;

  private Unstructured(Map<String, Object> root) {
    this.root = root;
  }

  /**
   * A view of an object, typed or not.
   *
   * @param object the object; it is not changed
   * @return its view
   */
  @SuppressWarnings("unchecked")
  public static Unstructured of(HasMetadata object) {
    Map<String, Object> map = MAPPER.convertValue(object, Map.class);
    return new Unstructured(map == null ? Map.of() : map);
  }

  /** The object copied into another model class, as fabric8's serialization would read it. */
  static <T> T convert(HasMetadata object, Class<T> type) {
    return MAPPER.convertValue(object, type);
  }

  /**
   * A view of nested maps as Jackson reads JSON or YAML, such as a
   * {@link GenericKubernetesResource#getAdditionalProperties()} section. It is read, not copied.
   *
   * @param map the fields; null is empty
   * @return its view
   */
  public static Unstructured of(Map<String, Object> map) {
    return new Unstructured(map == null ? Map.of() : map);
  }

  /**
   * The value at a path of keys.
   *
   * @param path the keys, outermost first: {@code get("status", "phase")}
   * @return the value (a map, a list or a scalar), if every step is present and not null
   */
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

  /**
   * Tells whether a field is present.
   *
   * @param path the keys, outermost first
   * @return true when the value at the path is present and not null
   */
  public boolean has(String... path) {
    return get(path).isPresent();
  }

  /**
   * A scalar as text.
   *
   * @param path the keys, outermost first
   * @return the value as text; {@code ""} when absent or not a scalar
   */
  public String string(String... path) {
    return get(path).filter(v -> !(v instanceof Map) && !(v instanceof List)).map(String::valueOf).orElse("");
  }

  /**
   * An integer field, written as a number or as decimal text.
   *
   * @param path the keys, outermost first
   * @return the value; empty when absent or not an integer
   */
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

  /**
   * A boolean field, written as {@code true} or as text.
   *
   * @param path the keys, outermost first
   * @return true when the value is {@code true} or the text {@code "true"} in any case; false otherwise
   */
  public boolean bool(String... path) {
    return get(path).map(v -> Boolean.TRUE.equals(v) || "true".equalsIgnoreCase(String.valueOf(v))).orElse(false);
  }

  /**
   * A nested object.
   *
   * @param path the keys, outermost first
   * @return its view; empty when absent or not an object
   */
  public Unstructured child(String... path) {
    return new Unstructured(map(get(path).orElse(null)));
  }

  /**
   * The elements of a list of objects.
   *
   * @param path the keys, outermost first
   * @return a view of each element that is an object, in order; empty when absent
   */
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

  /**
   * A list of scalars as text.
   *
   * @param path the keys, outermost first
   * @return the scalars, in order; elements that are objects or null are skipped
   */
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

  /**
   * A map of scalar values as text, e.g. a label selector's {@code matchLabels}.
   *
   * @param path the keys, outermost first
   * @return the entries with scalar values, sorted by key
   */
  public Map<String, String> stringMap(String... path) {
    Map<String, String> result = new TreeMap<>();
    map(get(path).orElse(null)).forEach((k, v) -> {
      if (v != null && !(v instanceof Map) && !(v instanceof List)) {
        result.put(k, String.valueOf(v));
      }
    });
    return result;
  }

  /** {@return the fields of this object, in the order written} */
  public Set<Map.Entry<String, Object>> entries() {
    return Collections.unmodifiableMap(root).entrySet();
  }

  /** {@return {@code status.conditions}, in the order written} */
  public List<Condition> conditions() {
    return Condition.from(list("status", "conditions"), "status.conditions");
  }

  /**
   * Parses a JSON array of objects held in a string field, such as the {@code autoscaling/v1} HPA annotation
   * {@code autoscaling.alpha.kubernetes.io/conditions}.
   *
   * @param json the text
   * @return the array's objects; empty when the text is not such an array
   */
  public static List<Unstructured> parseJsonArray(String json) {
    List<Unstructured> result = new ArrayList<>();
    if (json == null || json.isBlank()) {
      return result;
    }
    try {
      List<Object> values = MAPPER.readValue(json, new TypeReference<List<Object>>() {});
      for (Object value : values == null ? List.of() : values) {
        if (value instanceof Map) {
          result.add(new Unstructured(map(value)));
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      return List.of();
    }
    return result;
  }

  /** {@return true when the object has no fields} */
  public boolean isEmpty() {
    return root.isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : Map.of();
  }
}
