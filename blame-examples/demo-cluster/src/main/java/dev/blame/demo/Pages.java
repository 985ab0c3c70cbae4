package dev.blame.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * List order and pagination as kube-apiserver's storage gives them: items in key order ({@code namespace/name},
 * compared as bytes, like etcd's keys), and {@code limit}/{@code continue} (client-go asks for 500 at a time,
 * {@code kubectl get --chunk-size=N}). The token is base64url JSON naming the last key served, as the API server's
 * is (a continued list is read from the current state, not from a snapshot at the first page's resourceVersion).
 */
final class Pages {

  private Pages() {
  }

  private static String key(JsonNode item) {
    JsonNode meta = item.path("metadata");
    return meta.path("namespace").asText("") + "/" + meta.path("name").asText("");
  }

  /**
   * Sorts {@code list.items} and keeps the page that {@code limit} and {@code continueToken} (either may be null)
   * ask for, setting {@code metadata.continue} and {@code remainingItemCount} when items are left.
   *
   * @throws IllegalArgumentException for a token this server did not write (the API server's 400)
   */
  static void page(ObjectNode list, String limit, String continueToken) {
    List<JsonNode> items = new ArrayList<>();
    list.path("items").forEach(items::add);
    Comparator<JsonNode> byKey = Comparator.comparing(Pages::key, Pages::compareBytes);
    items.sort(byKey);
    String after = continueToken == null || continueToken.isEmpty() ? null : startOf(continueToken);
    if (after != null) {
      items.removeIf(i -> compareBytes(key(i), after) <= 0);
    }
    long max = parseLimit(limit);
    ObjectNode meta = list.withObjectProperty("metadata");
    meta.remove("continue");
    meta.remove("remainingItemCount");
    if (max > 0 && items.size() > max) {
      int remaining = items.size() - (int) max;
      items = items.subList(0, (int) max);
      ObjectNode token = DemoDispatcher.JSON.createObjectNode().put("v", "meta.k8s.io/v1")
          .put("rv", meta.path("resourceVersion").asLong(0)).put("start", key(items.get(items.size() - 1)) + "\u0000");
      meta.put("continue", Base64.getUrlEncoder().encodeToString(token.toString().getBytes(StandardCharsets.UTF_8)));
      meta.put("remainingItemCount", remaining);
    }
    ArrayNode kept = DemoDispatcher.JSON.createArrayNode();
    items.forEach(kept::add);
    list.set("items", kept);
  }

  private static long parseLimit(String limit) {
    if (limit == null || limit.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(limit);
    } catch (NumberFormatException e) {
      return 0; // the API server ignores a limit it cannot parse
    }
  }

  /** The last key served before the token, without the trailing NUL the API server appends. */
  private static String startOf(String token) {
    String start = "";
    try {
      JsonNode decoded = DemoDispatcher.JSON.readTree(Base64.getUrlDecoder().decode(token));
      if (decoded != null && "meta.k8s.io/v1".equals(decoded.path("v").asText())) {
        start = decoded.path("start").asText("");
      }
    } catch (java.io.IOException | IllegalArgumentException e) {
      start = "";
    }
    if (start.isEmpty()) {
      throw new IllegalArgumentException("continue key is not valid: the demo cluster did not write it");
    }
    return start.endsWith("\u0000") ? start.substring(0, start.length() - 1) : start;
  }

  private static int compareBytes(String a, String b) {
    return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
