package dev.blame.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/** Objects as Jackson trees (fabric8's model is Jackson-annotated), and tree values as one line of text. */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** The object as a tree; a missing node for null. */
  static JsonNode tree(Object value) {
    if (value == null) {
      return MissingNode.getInstance();
    }
    JsonNode tree = MAPPER.valueToTree(value);
    return tree == null ? MissingNode.getInstance() : tree;
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
