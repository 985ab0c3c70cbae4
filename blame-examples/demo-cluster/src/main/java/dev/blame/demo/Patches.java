package dev.blame.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.CompatibilityFlags;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import io.fabric8.zjsonpatch.Operation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three patch formats of the API server (JSON merge patch, RFC 6902 JSON patch, strategic merge patch) and
 * the list keys they and server-side apply rely on.
 *
 * <p>Strategic merge needs each list field's {@code patchMergeKey}/{@code patchStrategy} from the Go types
 * (k8s.io/api). Without the OpenAPI schema here, lists are keyed by field name, as the built-in types declare
 * them (containers, env, volumes... by {@code name}; volumeMounts by {@code mountPath}; conditions by {@code type};
 * ownerReferences by {@code uid}); a list of a custom resource is replaced, as for a CRD without
 * {@code x-kubernetes-list-type: map}.
 */
final class Patches {

  /** Field name -> merge key of the built-in types' lists of objects ({@code patchMergeKey}). */
  private static final Map<String, String> MERGE_KEYS = Map.ofEntries(
      Map.entry("containers", "name"), Map.entry("initContainers", "name"), Map.entry("ephemeralContainers", "name"),
      Map.entry("env", "name"), Map.entry("volumes", "name"), Map.entry("volumeMounts", "mountPath"),
      Map.entry("volumeDevices", "devicePath"), Map.entry("imagePullSecrets", "name"),
      Map.entry("conditions", "type"), Map.entry("ownerReferences", "uid"), Map.entry("hostAliases", "ip"),
      Map.entry("topologySpreadConstraints", "topologyKey"), Map.entry("resourceClaims", "name"),
      Map.entry("containerStatuses", "name"), Map.entry("initContainerStatuses", "name"),
      Map.entry("schedulingGates", "name"));

  /** Lists of strings merged as sets ({@code patchStrategy:"merge"} on a []string). */
  private static final Set<String> MERGED_SETS = Set.of("finalizers");

  private Patches() {
  }

  /**
   * The merge key of list {@code field} whose items look like {@code sample}, or null for an atomic list.
   * {@code ports} is keyed by {@code containerPort} in a container and by {@code port} in a Service.
   */
  static String mergeKey(String field, JsonNode sample) {
    if ("ports".equals(field)) {
      if (sample != null && sample.has("containerPort")) {
        return "containerPort";
      }
      return sample != null && sample.has("port") ? "port" : null;
    }
    return MERGE_KEYS.get(field);
  }

  /** The keys of a list item in server-side apply's {@code k:{...}} form (ports add the protocol). */
  static ObjectNode listMapKey(String field, JsonNode item) {
    String key = mergeKey(field, item);
    if (key == null || !item.has(key)) {
      return null;
    }
    ObjectNode k = JsonNodeFactory.instance.objectNode();
    k.set(key, item.get(key));
    if ("ports".equals(field)) {
      k.put("protocol", item.path("protocol").asText("TCP"));
    }
    return k;
  }

  static boolean isMergedSet(String field) {
    return MERGED_SETS.contains(field);
  }

  /** RFC 7386 JSON merge patch; returns a new tree. */
  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
        : JsonNodeFactory.instance.objectNode();
    patch.properties().forEach(e -> {
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
      }
    });
    return result;
  }

  /**
   * RFC 6902 JSON patch (through the mock server's zjsonpatch); a failing operation is a 422 in the caller. A failed
   * {@code test} says what evanphx/json-patch says ("testing value /spec/replicas failed: test failed").
   */
  static JsonNode jsonPatch(JsonNode target, JsonNode patch) {
    try {
      // Strict, like the API server (evanphx/json-patch): removing or replacing what is not there fails.
      return JsonPatch.apply(patch, target, EnumSet.of(CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT));
    } catch (JsonPatchException e) {
      String message = e.getOperation() == Operation.TEST && e.getPath() != null
          ? "testing value " + e.getPath() + " failed: test failed" : e.getMessage();
      throw new IllegalArgumentException("the JSON patch cannot be applied: " + message,
          new IllegalArgumentException(message, e));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the JSON patch cannot be applied: " + e.getMessage(), e);
    }
  }

  /**
   * Strategic merge patch as k8s.io/apimachinery/pkg/util/strategicpatch applies it: maps merge, null deletes,
   * keyed lists merge item by item, {@code $patch: replace|delete}, {@code $deleteFromPrimitiveList/F},
   * {@code $setElementOrder/F} and {@code $retainKeys} directives.
   */
  static JsonNode strategicMerge(JsonNode target, JsonNode patch) {
    return mergeObject(target != null && target.isObject() ? (ObjectNode) target.deepCopy()
        : JsonNodeFactory.instance.objectNode(), patch);
  }

  private static JsonNode mergeObject(ObjectNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    String directive = patch.path("$patch").asText("");
    if (directive.equals("replace")) {
      ObjectNode replaced = ((ObjectNode) patch).deepCopy();
      replaced.remove("$patch");
      return stripDirectives(replaced);
    }
    if (directive.equals("delete")) {
      return null;
    }
    JsonNode retain = patch.get("$retainKeys");
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String field = e.getKey();
      JsonNode value = e.getValue();
      if (field.equals("$patch") || field.equals("$retainKeys") || field.startsWith("$setElementOrder/")) {
        continue;
      }
      if (field.startsWith("$deleteFromPrimitiveList/")) {
        String list = field.substring("$deleteFromPrimitiveList/".length());
        if (target.get(list) instanceof ArrayNode items) {
          Set<JsonNode> gone = new java.util.HashSet<>();
          value.forEach(gone::add);
          ArrayNode kept = JsonNodeFactory.instance.arrayNode();
          items.forEach(i -> {
            if (!gone.contains(i)) {
              kept.add(i);
            }
          });
          target.set(list, kept);
        }
        continue;
      }
      if (value.isNull()) {
        target.remove(field);
      } else if (value.isObject()) {
        JsonNode current = target.get(field);
        JsonNode merged = mergeObject(current != null && current.isObject() ? (ObjectNode) current
            : JsonNodeFactory.instance.objectNode(), value);
        if (merged == null) {
          target.remove(field);
        } else {
          target.set(field, merged);
        }
      } else if (value.isArray()) {
        target.set(field, mergeList(field, target.get(field), (ArrayNode) value));
      } else {
        target.set(field, value.deepCopy());
      }
    }
    if (retain != null && retain.isArray()) {
      Set<String> keep = new java.util.HashSet<>();
      retain.forEach(k -> keep.add(k.asText()));
      target.properties().removeIf(e -> !keep.contains(e.getKey()));
    }
    return target;
  }

  private static JsonNode mergeList(String field, JsonNode current, ArrayNode patch) {
    List<JsonNode> items = new ArrayList<>();
    boolean replace = false;
    for (JsonNode p : patch) {
      if (p.isObject() && p.size() == 1 && "replace".equals(p.path("$patch").asText())) {
        replace = true;
      } else {
        items.add(p);
      }
    }
    JsonNode sample = items.stream().filter(JsonNode::isObject).findFirst().orElse(null);
    String key = sample == null ? null : mergeKey(field, sample);
    if (replace || current == null || !current.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      items.stream().filter(i -> !"delete".equals(i.path("$patch").asText())).forEach(i -> out.add(stripDirectives(i)));
      return out;
    }
    if (key == null) {
      if (isMergedSet(field)) {
        ArrayNode out = ((ArrayNode) current).deepCopy();
        items.forEach(i -> {
          boolean present = false;
          for (JsonNode c : out) {
            present |= c.equals(i);
          }
          if (!present) {
            out.add(i);
          }
        });
        return out;
      }
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      items.forEach(i -> out.add(stripDirectives(i)));
      return out;
    }
    ArrayNode out = ((ArrayNode) current).deepCopy();
    for (JsonNode p : items) {
      JsonNode id = p.get(key);
      int index = -1;
      for (int i = 0; i < out.size(); i++) {
        if (id != null && id.equals(out.get(i).get(key))) {
          index = i;
          break;
        }
      }
      if ("delete".equals(p.path("$patch").asText())) {
        if (index >= 0) {
          out.remove(index);
        }
      } else if (index >= 0) {
        JsonNode merged = mergeObject((ObjectNode) out.get(index), p);
        if (merged == null) {
          out.remove(index);
        } else {
          out.set(index, merged);
        }
      } else {
        out.add(stripDirectives(p));
      }
    }
    return out;
  }

  private static JsonNode stripDirectives(JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node.deepCopy();
      o.properties().removeIf(e -> e.getKey().startsWith("$"));
      o.properties().forEach(e -> e.setValue(stripDirectives(e.getValue())));
      return o;
    }
    if (node.isArray()) {
      ArrayNode a = JsonNodeFactory.instance.arrayNode();
      node.forEach(i -> a.add(stripDirectives(i)));
      return a;
    }
    return node;
  }
}
