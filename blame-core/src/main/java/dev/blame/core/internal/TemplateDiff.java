package dev.blame.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A structural diff of two pod templates as JSON trees, in the spirit of a strategic merge patch: objects are
 * compared field by field, lists of named items (containers, volumes, env, ...) item by item under their merge
 * key, and every other list as one value. Labels the controllers add ({@code pod-template-hash},
 * {@code controller-revision-hash}) are not changes.
 *
 * <p>The merge keys are the {@code patchMergeKey}s of the Kubernetes API types (see
 * {@code k8s.io/api/core/v1/types.go}).
 */
final class TemplateDiff {

  /** Merge keys of lists of named items in a PodTemplateSpec, by the list's field name. */
  static final Map<String, String> MERGE_KEYS = Map.of(
      "containers", "name",
      "initContainers", "name",
      "ephemeralContainers", "name",
      "volumes", "name",
      "env", "name",
      "imagePullSecrets", "name",
      "volumeMounts", "mountPath",
      "volumeDevices", "devicePath",
      "ports", "containerPort",
      "hostAliases", "ip");

  /** Lists whose items are one value each: an env variable is its value or its source, read as one. */
  private static final Set<String> ATOMIC_ITEMS = Set.of("env");

  /** Maps whose entries are compared one by one even when the map is absent on one side. */
  private static final Set<String> ENTRY_MAPS =
      Set.of("annotations", "labels", "nodeSelector", "resources", "limits", "requests");

  private static final Set<String> CONTROLLER_LABELS = Set.of("pod-template-hash", "controller-revision-hash");

  /** One step of a path: a field of an object, or the item of a keyed list whose merge key is {@code key}. */
  record Step(String field, String key) {
    static Step field(String name) {
      return new Step(name, null);
    }

    boolean isItem() {
      return key != null;
    }
  }

  /** One difference: the path below the template, and the values on each side (missing when absent). */
  record Change(List<Step> path, JsonNode from, JsonNode to) {}

  private TemplateDiff() {}

  /** The differences from {@code before} to {@code after}, both PodTemplateSpecs as trees; sorted by path. */
  static List<Change> diff(JsonNode before, JsonNode after) {
    List<Change> changes = new ArrayList<>();
    walk(new ArrayList<>(), clean(before), clean(after), changes);
    return changes;
  }

  private static JsonNode clean(JsonNode template) {
    if (Json.absent(template)) {
      return MissingNode.getInstance();
    }
    JsonNode copy = template.deepCopy();
    JsonNode meta = copy.path("metadata");
    if (meta.isObject()) {
      ((ObjectNode) meta).remove("creationTimestamp");
      JsonNode labels = meta.path("labels");
      if (labels.isObject()) {
        ((ObjectNode) labels).remove(CONTROLLER_LABELS);
      }
    }
    return copy;
  }

  private static void walk(List<Step> path, JsonNode a, JsonNode b, List<Change> out) {
    // An empty map is no value (kubectl writes `resources: {}`), except a volume's source (`emptyDir: {}`).
    boolean source = path.size() >= 2 && path.get(path.size() - 2).isItem()
        && path.get(path.size() - 2).field().equals("volumes");
    boolean noA = Json.absent(a) || (isEmptyContainer(a) && !source);
    boolean noB = Json.absent(b) || (isEmptyContainer(b) && !source);
    if (noA && noB) {
      return;
    }
    // A map of entries or a keyed list present on one side only is compared entry by entry against nothing,
    // so that one added annotation or env variable reads as such.
    String last = path.isEmpty() ? "" : path.get(path.size() - 1).field();
    boolean field = !path.isEmpty() && !path.get(path.size() - 1).isItem();
    JsonNode present = noA ? b : a;
    if ((noA || noB) && field && ((ENTRY_MAPS.contains(last) && present.isObject())
        || (MERGE_KEYS.containsKey(last) && present.isArray()))) {
      JsonNode empty = present.isObject() ? JsonNodeFactory.instance.objectNode() : JsonNodeFactory.instance.arrayNode();
      compare(path, noA ? empty : a, noB ? empty : b, out);
      return;
    }
    if (noA || noB) {
      out.add(new Change(List.copyOf(path), noA ? MissingNode.getInstance() : a, noB ? MissingNode.getInstance() : b));
      return;
    }
    compare(path, a, b, out);
  }

  private static void compare(List<Step> path, JsonNode a, JsonNode b, List<Change> out) {
    boolean atomicItem = !path.isEmpty() && path.get(path.size() - 1).isItem()
        && ATOMIC_ITEMS.contains(path.get(path.size() - 1).field());
    if (a.isObject() && b.isObject() && !atomicItem) {
      Set<String> names = new TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        path.add(Step.field(name));
        walk(path, a.get(name), b.get(name), out);
        path.remove(path.size() - 1);
      }
      return;
    }
    String mergeKey = path.isEmpty() ? null : MERGE_KEYS.get(path.get(path.size() - 1).field());
    if (a.isArray() && b.isArray() && mergeKey != null) {
      Map<String, JsonNode> itemsA = keyed(a, mergeKey);
      Map<String, JsonNode> itemsB = keyed(b, mergeKey);
      if (itemsA != null && itemsB != null) {
        Set<String> keys = new TreeSet<>(itemsA.keySet());
        keys.addAll(itemsB.keySet());
        String field = path.remove(path.size() - 1).field();
        for (String key : keys) {
          path.add(new Step(field, key));
          walk(path, itemsA.get(key), itemsB.get(key), out);
          path.remove(path.size() - 1);
        }
        path.add(Step.field(field));
        return;
      }
    }
    if (!a.equals(b)) {
      out.add(new Change(List.copyOf(path), a, b));
    }
  }

  private static boolean isEmptyContainer(JsonNode node) {
    return (node.isObject() || node.isArray()) && node.isEmpty();
  }

  /** Items by merge key, in order; null when an item lacks the key (the list is then compared whole). */
  private static Map<String, JsonNode> keyed(JsonNode array, String mergeKey) {
    Map<String, JsonNode> items = new LinkedHashMap<>();
    for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
      JsonNode item = it.next();
      JsonNode key = item.get(mergeKey);
      if (key == null || !key.isValueNode() || items.put(key.asText(), item) != null) {
        return null;
      }
    }
    return items;
  }

  /**
   * A value as one line; a list item without its merge key, and an env variable as its value. A literal env value
   * (often a password put straight into the template) is never shown: only that it changed, as a short hash that
   * tells two values apart ({@code value sha256:1a2b3c4d}); a {@code valueFrom} reference is shown as it is.
   */
  static String text(List<Step> path, JsonNode value) {
    return text(path, value, false);
  }

  /**
   * As {@link #text(List, JsonNode)}; with {@code envValues}, literal env values are shown as they are (the user
   * asked for them explicitly, {@code BlameEngine.Builder.showEnvValues}).
   */
  static String text(List<Step> path, JsonNode value, boolean envValues) {
    if (envValues) {
      return literal(path, value);
    }
    boolean envItem = !path.isEmpty() && path.get(path.size() - 1).isItem()
        && path.get(path.size() - 1).field().equals("env");
    if (envItem && value.isValueNode()) {
      return masked(value);
    }
    if (!path.isEmpty() && path.get(path.size() - 1).isItem() && value.isObject()) {
      ObjectNode rest = maskEnv(value.deepCopy());
      rest.remove(MERGE_KEYS.getOrDefault(path.get(path.size() - 1).field(), "name"));
      if (rest.size() == 1 && rest.has("value")) {
        return envItem ? masked(value.get("value")) : Json.text(rest.get("value"));
      }
      return Json.text(rest);
    }
    if (!path.isEmpty() && path.get(path.size() - 1).field().equals("value") && path.size() >= 2
        && path.get(path.size() - 2).isItem() && path.get(path.size() - 2).field().equals("env")) {
      return masked(value);
    }
    return Json.text(value.isContainerNode() ? maskEnv(value.deepCopy()) : value);
  }

  /** A value as one line, env values included as they are. */
  private static String literal(List<Step> path, JsonNode value) {
    if (!path.isEmpty() && path.get(path.size() - 1).isItem() && value.isObject()) {
      ObjectNode rest = value.deepCopy();
      rest.remove(MERGE_KEYS.getOrDefault(path.get(path.size() - 1).field(), "name"));
      return rest.size() == 1 && rest.has("value") ? Json.text(rest.get("value")) : Json.text(rest);
    }
    return Json.text(value);
  }

  /** Every literal env value inside {@code node} (containers, a pod spec) replaced by its short hash. */
  private static <T extends JsonNode> T maskEnv(T node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      object.fields().forEachRemaining(e -> {
        if (e.getKey().equals("env") && e.getValue().isArray()) {
          for (JsonNode item : e.getValue()) {
            if (item.isObject() && item.has("value")) {
              ((ObjectNode) item).put("value", masked(item.get("value")));
            }
          }
        } else {
          maskEnv(e.getValue());
        }
      });
    } else if (node.isArray()) {
      node.forEach(TemplateDiff::maskEnv);
    }
    return node;
  }

  /** {@code value sha256:1a2b3c4d}: enough to see that a value changed, not what it is. */
  static String masked(JsonNode value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(value.asText("").getBytes(StandardCharsets.UTF_8));
      return "value sha256:" + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code spec.template.spec.containers[main].image}, {@code spec.template.metadata.annotations[a.b/c]}. */
  static String path(List<Step> steps) {
    StringBuilder text = new StringBuilder("spec.template");
    for (Step step : steps) {
      if (step.field().contains(".") || step.field().contains("/")) {
        text.append('[').append(step.field()).append(']');
      } else {
        text.append('.').append(step.field());
      }
      if (step.isItem()) {
        text.append('[').append(step.key()).append(']');
      }
    }
    return text.toString();
  }

  /** The container a path is inside of: {@code spec.containers[main]...} or {@code spec.initContainers[x]...}. */
  static String container(List<Step> steps) {
    if (steps.size() > 2 && steps.get(0).field().equals("spec") && steps.get(1).isItem()
        && (steps.get(1).field().equals("containers") || steps.get(1).field().equals("initContainers")
            || steps.get(1).field().equals("ephemeralContainers"))) {
      return steps.get(1).key();
    }
    return null;
  }

  /** The field as a person reads it: {@code image}, {@code env FOO}, {@code volume data}, {@code annotation x}. */
  static String field(List<Step> steps) {
    List<Step> rest = steps;
    if (container(steps) != null) {
      rest = steps.subList(2, steps.size());
    } else if (steps.size() >= 2 && steps.get(0).field().equals("spec") && steps.get(1).isItem()) {
      return render(steps.subList(1, steps.size()));
    } else if (steps.size() >= 2 && steps.get(0).field().equals("metadata")
        && (steps.get(1).field().equals("annotations") || steps.get(1).field().equals("labels"))) {
      String kind = steps.get(1).field().equals("annotations") ? "annotation" : "label";
      return steps.size() == 2 ? steps.get(1).field() : kind + " " + steps.get(2).field();
    } else if (!steps.isEmpty() && steps.get(0).field().equals("spec")) {
      rest = steps.subList(1, steps.size());
    }
    if (rest.isEmpty()) {
      return "template";
    }
    return render(rest);
  }

  /** Fields joined with dots, list items as {@code env FOO}: {@code resources.limits.memory}, {@code env FOO value}. */
  private static String suffix(List<Step> steps) {
    return steps.isEmpty() ? "" : " " + render(steps);
  }

  private static String render(List<Step> steps) {
    StringBuilder text = new StringBuilder();
    boolean afterItem = false;
    for (Step step : steps) {
      if (text.length() > 0) {
        text.append(step.isItem() || afterItem ? ' ' : '.');
      }
      text.append(step.isItem() ? singular(step.field()) + " " + step.key() : step.field());
      afterItem = step.isItem();
    }
    return text.toString();
  }

  private static String singular(String listField) {
    switch (listField) {
      case "containers":
        return "container";
      case "initContainers":
        return "init container";
      case "ephemeralContainers":
        return "ephemeral container";
      case "env":
        return "env";
      case "volumeMounts":
        return "volumeMount";
      case "volumeDevices":
        return "volumeDevice";
      case "imagePullSecrets":
        return "imagePullSecret";
      case "hostAliases":
        return "hostAlias";
      default:
        return listField.endsWith("s") ? listField.substring(0, listField.length() - 1) : listField;
    }
  }
}
