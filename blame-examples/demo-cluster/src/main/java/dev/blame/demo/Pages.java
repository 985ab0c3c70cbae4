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
 * is (a continued list is read from the current state, not from a snapshot at the first page's resourceVersion). A
 * token expires as the API server's does once the store is compacted past the resourceVersion it was read at.
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
    page(list, limit, continueToken, 0);
  }

  /**
   * Like {@link #page(ObjectNode, String, String)}, for a store compacted up to {@code compactedRevision}: a token
   * whose list was read at an older resourceVersion has expired, as etcd can no longer read at it.
   *
   * @throws Expired for such a token (the API server's 410 Gone, reason {@code Expired})
   */
  static void page(ObjectNode list, String limit, String continueToken, long compactedRevision) {
    page(list, limit, continueToken, compactedRevision, true);
  }

  /**
   * Like {@link #page(ObjectNode, String, String, long)}; {@code countRemaining} false for a list with a label or field
   * selector, whose {@code remainingItemCount} the API server leaves unset (its storage counts the keys left, not the
   * objects a selector would keep: ListMeta's "If the list request contained label or field selectors, then the number
   * of remaining items is unknown and the field will be left unset").
   */
  static void page(ObjectNode list, String limit, String continueToken, long compactedRevision,
      boolean countRemaining) {
    List<JsonNode> items = new ArrayList<>();
    list.path("items").forEach(items::add);
    Comparator<JsonNode> byKey = Comparator.comparing(Pages::key, Pages::compareBytes);
    items.sort(byKey);
    String after = continueToken == null || continueToken.isEmpty() ? null : startOf(continueToken);
    if (after != null) {
      long rv = revisionOf(continueToken);
      // rv -1: the token of an Expired answer, which goes on at the latest state (never expires).
      if (rv != -1 && rv < compactedRevision) {
        throw new Expired(token(-1, after));
      }
    }
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
      meta.put("continue", token(meta.path("resourceVersion").asLong(0), key(items.get(items.size() - 1))));
      if (countRemaining) {
        meta.put("remainingItemCount", remaining);
      }
    }
    ArrayNode kept = DemoDispatcher.JSON.createArrayNode();
    items.forEach(kept::add);
    list.set("items", kept);
  }

  /** The API server's token: the list's resourceVersion and the last key served, followed by a NUL. */
  private static String token(long resourceVersion, String lastKey) {
    ObjectNode token = DemoDispatcher.JSON.createObjectNode().put("v", "meta.k8s.io/v1").put("rv", resourceVersion)
        .put("start", lastKey + "\u0000");
    return Base64.getUrlEncoder().encodeToString(token.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The resourceVersion a (valid) token's list was read at. */
  private static long revisionOf(String token) {
    try {
      return DemoDispatcher.JSON.readTree(Base64.getUrlDecoder().decode(token)).path("rv").asLong(0);
    } catch (java.io.IOException | IllegalArgumentException e) {
      return 0;
    }
  }

  /**
   * A continue token older than the compacted revision: kube-apiserver's 410 {@code Expired}, whose Status carries
   * in {@code metadata.continue} a token that goes on from the same key at the latest state.
   */
  static final class Expired extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String MESSAGE = "The provided continue parameter is too old to display a consistent list result. "
        + "You can start a new list without the continue parameter, or use the continue token in this response to "
        + "retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list "
        + "- objects that were created, modified, or deleted between the time the first chunk was returned and now "
        + "may show up in the list.";
    private final String inconsistentContinue;

    Expired(String inconsistentContinue) {
      super(MESSAGE, null, false, false);
      this.inconsistentContinue = inconsistentContinue;
    }

    String inconsistentContinue() {
      return inconsistentContinue;
    }
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
