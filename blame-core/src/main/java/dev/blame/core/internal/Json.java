package dev.blame.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Objects as Jackson trees (fabric8's model is Jackson-annotated), and tree values as one line of text. */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  /**
   * Trees of graph objects, by identity. Objects in the graph are read-only and each explain converts the same
   * ReplicaSets, templates and pods again (revision diffs, injections): a few hundred recent ones are kept.
   */
  private static final IdentityCache TREES = new IdentityCache(1_024);

  private Json() {}

  /**
   * The object as a tree; a missing node for null. Trees of Kubernetes objects are shared (see {@link #TREES}):
   * never change one, {@code deepCopy()} it first.
   */
  static JsonNode tree(Object value) {
    if (value == null) {
      return MissingNode.getInstance();
    }
    if (value instanceof HasMetadata) {
      JsonNode cached = TREES.get(value);
      if (cached != null) {
        return cached;
      }
    }
    JsonNode tree = MAPPER.valueToTree(value);
    if (tree == null) {
      return MissingNode.getInstance();
    }
    if (value instanceof HasMetadata) {
      TREES.put(value, tree);
    }
    return tree;
  }

  static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException | RuntimeException e) {
      return MissingNode.getInstance();
    }
  }

  /** Scalars as their text, lists of scalars as {@code [a b c]} (kubectl's way of showing a command), the rest as JSON. */
  static String text(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return "";
    }
    if (value.isValueNode()) {
      return value.asText();
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      for (JsonNode item : value) {
        if (!item.isValueNode()) {
          return value.toString();
        }
        items.add(item.asText());
      }
      return "[" + String.join(" ", items) + "]";
    }
    return value.toString();
  }

  static boolean absent(JsonNode value) {
    return value == null || value.isMissingNode() || value.isNull();
  }

  /**
   * The most recently used trees by the identity of their object, at most {@code capacity}; objects are held
   * weakly, so a tree whose object left the graph is dropped once it is collected or evicted.
   */
  static final class IdentityCache {
    private final LinkedHashMap<Key, JsonNode> map;

    IdentityCache(int capacity) {
      this.map = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, JsonNode> eldest) {
          return size() > capacity;
        }
      };
    }

    synchronized JsonNode get(Object object) {
      return map.get(new Key(object));
    }

    synchronized void put(Object object, JsonNode tree) {
      map.put(new Key(object), tree);
    }

    synchronized int size() {
      return map.size();
    }

    /** An object's identity without keeping it alive. */
    private static final class Key extends WeakReference<Object> {
      private final int hash;

      Key(Object object) {
        super(object);
        this.hash = System.identityHashCode(object);
      }

      @Override
      public int hashCode() {
        return hash;
      }

      @Override
      public boolean equals(Object o) {
        if (this == o) {
          return true;
        }
        if (!(o instanceof Key other) || other.hash != hash) {
          return false;
        }
        Object mine = get();
        return mine != null && mine == other.get();
      }
    }
  }
}
