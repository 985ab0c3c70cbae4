package dev.blame.analyzers.custom;

import dev.blame.api.Evidence;
import dev.blame.api.Node;
import dev.blame.api.ReasonCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One status condition read from any object, typed or not.
 *
 * @param path where the condition list was read, e.g. {@code status.conditions}
 */
public record Condition(
    String type, String status, String reason, String message, Optional<Instant> lastTransition, String path) {

  public static List<Condition> from(List<Unstructured> entries, String path) {
    List<Condition> result = new ArrayList<>();
    for (Unstructured c : entries) {
      if (!c.string("type").isEmpty()) {
        result.add(new Condition(c.string("type"), c.string("status"), c.string("reason"),
            c.string("message").replaceAll("\\s+", " ").trim(),
            Node.parseTime(c.string("lastTransitionTime")), path));
      }
    }
    return result;
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }

  public boolean isTrue() {
    return "True".equalsIgnoreCase(status);
  }

  public boolean isFalse() {
    return "False".equalsIgnoreCase(status);
  }

  /** The condition's reason as a code when it is one (UpperCamelCase), else {@code fallback}. */
  public ReasonCode reasonCode(ReasonCode fallback) {
    if (!reason.isEmpty() && Character.isUpperCase(reason.charAt(0))
        && reason.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
      return ReasonCode.of(reason);
    }
    return fallback;
  }

  /** {@code reason: message}, or whichever is present. */
  public String describe() {
    if (reason.isEmpty()) {
      return message.isEmpty() ? type + "=" + status : message;
    }
    return message.isEmpty() ? reason : reason + ": " + message;
  }

  public Evidence evidence() {
    Evidence standard = Evidence.condition(type, status, reason, message, lastTransition.orElse(null));
    if ("status.conditions".equals(path)) {
      return standard;
    }
    return Evidence.builder().from(standard).path(path + "[" + type + "]").build();
  }
}
