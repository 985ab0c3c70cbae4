package dev.blame.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds when a dump was taken: the newest RFC 3339 timestamp in it. Times that lie ahead by design are left out, as
 * they say when something is due, not when anything happened: {@code deletionTimestamp} (graceful deletion sets it to
 * now + the grace period), the end of a validity ({@code notAfter}, RFC 5280's, as cert-manager's Certificate keeps it;
 * {@code expirationTimestamp}, {@code validUntil}), a scheduled renewal ({@code renewalTime}) and a next run
 * ({@code nextScheduleTime}). Taken as "now", a still valid certificate's {@code notAfter} would read as expired.
 */
final class Timestamps {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RFC3339 =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
  /** Fields whose time lies ahead by design (see above). */
  private static final Pattern AHEAD =
      Pattern.compile("deletionTimestamp|notAfter|renewalTime|next[A-Z]\\w*|\\w*[Ee]xpir\\w*|\\w*[Uu]ntil");

  private Timestamps() {}

  /** The newest timestamp in these objects (already parsed: a dump is read once); empty when there is none. */
  static Optional<Instant> newest(List<? extends HasMetadata> objects) {
    Instant[] newest = {null};
    for (HasMetadata object : objects) {
      try {
        visit(JSON.valueToTree(object), null, newest);
      } catch (IllegalArgumentException e) {
        // An object Jackson cannot turn back into a tree has no timestamps to offer.
      }
    }
    return Optional.ofNullable(newest[0]);
  }

  private static void visit(JsonNode node, String field, Instant[] newest) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!AHEAD.matcher(e.getKey()).matches()) {
          visit(e.getValue(), e.getKey(), newest);
        }
      }
    } else if (node.isArray()) {
      node.forEach(child -> visit(child, field, newest));
    } else if (node.isTextual() && RFC3339.matcher(node.asText()).matches()) {
      Instant time = parse(node.asText());
      if (time != null && (newest[0] == null || time.isAfter(newest[0]))) {
        newest[0] = time;
      }
    }
  }

  /**
   * Parses RFC 3339 only (a year of four digits, as Kubernetes writes its times); null for anything else, also for
   * ISO 8601's expanded years ({@code +999999999-12-31T23:59:59Z}), which {@code OffsetDateTime.parse} takes and
   * RFC 3339 readers (Go's {@code time.RFC3339}, jq's {@code fromdate}) refuse.
   */
  static Instant parseStrict(String text) {
    String t = text.trim();
    return RFC3339.matcher(t).matches() ? parse(t) : null;
  }

  /** Parses RFC 3339; null when it is not. */
  static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
