package dev.blame.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code metadata.managedFields} as the API server's field manager keeps them: one entry per (manager,
 * operation, subresource) with the {@code FieldsV1} set of the fields it owns and the time of its last write.
 *
 * <p>A field is a path of FieldsV1 elements ({@code f:spec}, {@code k:{"name":"c"}}, {@code v:"x"}). An
 * Update takes ownership of the fields it changed (added or with a new value) away from every other manager;
 * removed fields leave every set. An Apply owns exactly the fields of its configuration; a field that another
 * manager owns with a different value is a conflict unless forced.
 */
final class FieldManagers {

  /** Separates path elements inside one string; FieldsV1 keys cannot contain it. */
  private static final String SEP = "\u0000";
  private static final Set<String> UNTRACKED_METADATA = Set.of("name", "namespace", "uid", "resourceVersion",
      "generation", "creationTimestamp", "managedFields", "selfLink", "deletionTimestamp",
      "deletionGracePeriodSeconds");

  private FieldManagers() {
  }

  /** A field that another manager owns with a different value, for a server-side apply conflict message. */
  record Conflict(String manager, String field) {
  }

  /**
   * The leaf fields of {@code object} (path -> value; list items keyed by merge key carry a null value) that
   * a write to {@code subresource} ("" for the main resource, "status") can own.
   */
  static Map<String, JsonNode> fields(JsonNode object, String subresource, boolean statusIsSubresource) {
    Map<String, JsonNode> out = new TreeMap<>();
    if (object == null || !object.isObject()) {
      return out;
    }
    object.properties().forEach(e -> {
      String k = e.getKey();
      if (k.equals("apiVersion") || k.equals("kind")) {
        return;
      }
      boolean status = k.equals("status");
      if (subresource.equals("status") != status && (statusIsSubresource || subresource.equals("status"))) {
        return;
      }
      if (k.equals("metadata")) {
        ObjectNode meta = ((ObjectNode) e.getValue()).deepCopy();
        UNTRACKED_METADATA.forEach(meta::remove);
        if (!meta.isEmpty()) {
          walk(meta, "f:metadata", "metadata", out);
        }
        return;
      }
      walk(e.getValue(), "f:" + k, k, out);
    });
    return out;
  }

  private static void walk(JsonNode node, String path, String field, Map<String, JsonNode> out) {
    if (node.isObject() && !node.isEmpty()) {
      node.properties().forEach(e -> walk(e.getValue(), path + SEP + "f:" + e.getKey(), e.getKey(), out));
    } else if (node.isArray() && !node.isEmpty()) {
      boolean keyed = true;
      for (JsonNode item : node) {
        keyed &= item.isObject() && Patches.listMapKey(field, item) != null;
      }
      if (keyed) {
        for (JsonNode item : node) {
          String itemPath = path + SEP + "k:" + sorted(Patches.listMapKey(field, item));
          out.put(itemPath, null);
          item.properties().forEach(e -> walk(e.getValue(), itemPath + SEP + "f:" + e.getKey(), e.getKey(), out));
        }
      } else if (Patches.isMergedSet(field)) {
        node.forEach(v -> out.put(path + SEP + "v:" + v.toString(), v));
      } else {
        out.put(path, node);
      }
    } else {
      out.put(path, node);
    }
  }

  private static String sorted(ObjectNode key) {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    new TreeMap<String, JsonNode>(toMap(key)).forEach(s::set);
    return s.toString();
  }

  private static Map<String, JsonNode> toMap(ObjectNode o) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    o.properties().forEach(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  /** The fields of {@code before} and {@code after} that differ (added, changed or removed). */
  static Set<String> changed(Map<String, JsonNode> before, Map<String, JsonNode> after) {
    Set<String> changed = new TreeSet<>();
    after.forEach((path, value) -> {
      if (!before.containsKey(path) || !Objects.equals(before.get(path), value)) {
        changed.add(path);
      }
    });
    before.keySet().forEach(path -> {
      if (!after.containsKey(path)) {
        changed.add(path);
      }
    });
    return changed;
  }

  /** A FieldsV1 tree -> the set of owned paths. */
  static Set<String> parse(JsonNode fieldsV1) {
    Set<String> out = new TreeSet<>();
    parse(fieldsV1, "", out);
    return out;
  }

  private static void parse(JsonNode node, String prefix, Set<String> out) {
    if (node == null || !node.isObject()) {
      return;
    }
    node.properties().forEach(e -> {
      if (e.getKey().equals(".")) {
        return;
      }
      String path = prefix.isEmpty() ? e.getKey() : prefix + SEP + e.getKey();
      JsonNode child = e.getValue();
      if (child.isEmpty() || child.has(".") || e.getKey().startsWith("k:")) {
        out.add(path);
      }
      parse(child, path, out);
    });
  }

  /** The set of owned paths -> a FieldsV1 tree ({@code .} marks a list item owned as a whole). */
  static ObjectNode render(Set<String> paths) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (String path : new TreeSet<>(paths)) {
      ObjectNode node = root;
      for (String element : path.split(SEP)) {
        node = node.withObjectProperty(element);
      }
      if (path.substring(path.lastIndexOf(SEP) + 1).startsWith("k:")) {
        node.putObject(".");
      }
    }
    return root;
  }

  /** One managedFields entry while it is recomputed. */
  private static final class Entry {
    final ObjectNode raw;
    final Set<String> fields;

    Entry(ObjectNode raw) {
      this.raw = raw;
      this.fields = parse(raw.path("fieldsV1"));
    }

    String manager() {
      return raw.path("manager").asText();
    }

    String operation() {
      return raw.path("operation").asText();
    }

    String subresource() {
      return raw.path("subresource").asText("");
    }
  }

  /**
   * The managedFields after a create or update by {@code manager}: the fields changed between {@code before}
   * (null on create) and {@code after} move to the manager's Update entry.
   *
   * @param managedFields the entries to start from (the stored object's, or the request's when it set them)
   */
  static ArrayNode update(ArrayNode managedFields, JsonNode before, JsonNode after, String manager,
      String subresource, boolean statusIsSubresource, String apiVersion, Instant now) {
    Map<String, JsonNode> old = fields(before, subresource, statusIsSubresource);
    Map<String, JsonNode> current = fields(after, subresource, statusIsSubresource);
    Set<String> changed = changed(old, current);
    List<Entry> entries = entries(managedFields);
    Entry mine = null;
    for (Entry e : entries) {
      if (e.manager().equals(manager) && e.operation().equals("Update") && e.subresource().equals(subresource)) {
        mine = e;
      }
      e.fields.removeAll(changed);
    }
    if (mine == null && !changed.isEmpty()) {
      ObjectNode raw = JsonNodeFactory.instance.objectNode();
      raw.put("manager", manager).put("operation", "Update");
      mine = new Entry(raw);
      entries.add(mine);
    }
    if (mine != null && !changed.isEmpty()) {
      for (String p : changed) {
        if (current.containsKey(p)) {
          mine.fields.add(p);
        }
      }
      stamp(mine, apiVersion, subresource, now);
    }
    return render(entries);
  }

  /**
   * The managedFields after a server-side apply of {@code config} by {@code manager}.
   *
   * @param conflicts receives the fields another manager owns with a value different from the configuration's
   *     (the caller refuses the apply unless forced); forced, those fields move to this manager
   */
  static ArrayNode apply(ArrayNode managedFields, JsonNode before, JsonNode config, String manager,
      String subresource, boolean statusIsSubresource, String apiVersion, Instant now, List<Conflict> conflicts) {
    Map<String, JsonNode> current = fields(before, subresource, statusIsSubresource);
    Map<String, JsonNode> applied = fields(config, subresource, statusIsSubresource);
    List<Entry> entries = entries(managedFields);
    for (Entry e : entries) {
      if (e.manager().equals(manager)) {
        continue;
      }
      for (String p : applied.keySet()) {
        if (e.fields.contains(p) && current.containsKey(p) && !Objects.equals(current.get(p), applied.get(p))) {
          conflicts.add(new Conflict(e.manager(), p));
        }
      }
    }
    Set<String> taken = new TreeSet<>();
    conflicts.forEach(c -> taken.add(c.field()));
    Entry mine = null;
    for (Entry e : entries) {
      if (e.manager().equals(manager) && e.operation().equals("Apply") && e.subresource().equals(subresource)) {
        mine = e;
      } else {
        e.fields.removeAll(taken);
      }
    }
    if (mine == null) {
      ObjectNode raw = JsonNodeFactory.instance.objectNode();
      raw.put("manager", manager).put("operation", "Apply");
      mine = new Entry(raw);
      entries.add(mine);
    }
    mine.fields.clear();
    mine.fields.addAll(applied.keySet());
    stamp(mine, apiVersion, subresource, now);
    return render(entries);
  }

  /** The fields {@code manager}'s Apply entry owned, for removing the ones its new configuration drops. */
  static Set<String> appliedBy(ArrayNode managedFields, String manager) {
    for (Entry e : entries(managedFields)) {
      if (e.manager().equals(manager) && e.operation().equals("Apply")) {
        return e.fields;
      }
    }
    return Set.of();
  }

  /** Whether any manager but {@code manager} owns {@code path}. */
  static boolean ownedByOthers(ArrayNode managedFields, String manager, String path) {
    return entries(managedFields).stream().anyMatch(e -> !e.manager().equals(manager) && e.fields.contains(path));
  }

  /** A FieldsV1 path as dotted text for messages: {@code .spec.template.spec.containers[name="c"].image}. */
  static String describe(String path) {
    StringBuilder b = new StringBuilder();
    for (String element : path.split(SEP)) {
      if (element.startsWith("f:")) {
        b.append('.').append(element.substring(2));
      } else if (element.startsWith("k:")) {
        StringBuilder keys = new StringBuilder();
        try {
          JsonNode k = DemoDispatcher.JSON.readTree(element.substring(2));
          k.properties().forEach(e -> keys.append(keys.length() == 0 ? "" : ",").append(e.getKey()).append('=')
              .append(e.getValue().isTextual() ? "\"" + e.getValue().asText() + "\"" : e.getValue().toString()));
        } catch (java.io.IOException e) {
          keys.append(element.substring(2));
        }
        b.append('[').append(keys).append(']');
      } else {
        b.append('[').append(element.substring(2)).append(']');
      }
    }
    return b.toString();
  }

  /** Removes from {@code object} the field at {@code path} (a leaf or a keyed list item). */
  static void remove(JsonNode object, String path) {
    String[] elements = path.split(SEP);
    JsonNode node = object;
    String field = null;
    for (int i = 0; i < elements.length && node != null; i++) {
      String element = elements[i];
      boolean last = i == elements.length - 1;
      if (element.startsWith("f:") && node.isObject()) {
        if (last) {
          ((ObjectNode) node).remove(element.substring(2));
          return;
        }
        field = element.substring(2);
        node = node.get(field);
      } else if ((element.startsWith("k:") || element.startsWith("v:")) && node.isArray()) {
        ArrayNode array = (ArrayNode) node;
        for (int j = 0; j < array.size(); j++) {
          JsonNode item = array.get(j);
          boolean match = element.startsWith("v:") ? item.toString().equals(element.substring(2))
              : item.isObject() && Patches.listMapKey(field, item) != null
                  && sorted(Patches.listMapKey(field, item)).equals(element.substring(2));
          if (match) {
            if (last) {
              array.remove(j);
              return;
            }
            node = item;
            break;
          }
        }
        if (node == array) {
          return;
        }
      } else {
        return;
      }
    }
  }

  private static List<Entry> entries(ArrayNode managedFields) {
    List<Entry> entries = new ArrayList<>();
    if (managedFields != null) {
      managedFields.forEach(e -> {
        if (e.isObject()) {
          entries.add(new Entry(((ObjectNode) e).deepCopy()));
        }
      });
    }
    return entries;
  }

  private static void stamp(Entry e, String apiVersion, String subresource, Instant now) {
    e.raw.put("apiVersion", apiVersion);
    e.raw.put("time", now.truncatedTo(ChronoUnit.SECONDS).toString());
    e.raw.put("fieldsType", "FieldsV1");
    if (!subresource.isEmpty()) {
      e.raw.put("subresource", subresource);
    }
  }

  private static ArrayNode render(List<Entry> entries) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (Entry e : entries) {
      if (e.fields.isEmpty()) {
        continue;
      }
      ObjectNode raw = e.raw;
      ObjectNode ordered = JsonNodeFactory.instance.objectNode();
      for (String k : List.of("manager", "operation", "apiVersion", "time", "fieldsType")) {
        if (raw.has(k)) {
          ordered.set(k, raw.get(k));
        }
      }
      ordered.set("fieldsV1", render(e.fields));
      if (raw.has("subresource")) {
        ordered.set("subresource", raw.get("subresource"));
      }
      out.add(ordered);
    }
    return out;
  }
}
