package dev.blame.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/** Objects as Jackson trees (fabric8's model is Jackson-annotated), and tree values as one line of text. */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  /**
   * Trees of graph objects, by identity. Objects in the graph are read-only and each explain converts the same
   * ReplicaSets, templates and pods again (revision diffs, injections): a few hundred recent ones are kept.
   */
  private static final Cache<Object, JsonNode> TREES = CacheBuilder.newBuilder().weakKeys().maximumSize(1_024)
      .build();

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
      JsonNode cached = TREES.getIfPresent(value);
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
    } catch (java.io.IOException | RuntimeException e) {
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
}
