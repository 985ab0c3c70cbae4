package dev.blame.analyzers.support;

import dev.blame.api.Evidence;
import dev.blame.api.Node;
import dev.blame.api.ReasonCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A status condition of any object, typed or not, reduced to the fields the analyzers read. fabric8 has one
 * condition class per kind; {@link #list} adapts them. {@link #from} reads untyped ones through
 * {@link Unstructured}, also from other places than {@code status.conditions} (the {@code autoscaling/v1} HPA
 * keeps them in an annotation).
 *
 * @param path where the condition list was read, {@code status.conditions} unless said otherwise
 * @param severity Cluster API's {@code severity} ({@code Error}, {@code Warning}, {@code Info}), {@code ""} if none
 * @param observedGeneration the generation the condition was set for (metav1.Condition), if written
 */
public record Condition(String type, String status, String reason, String message, Optional<Instant> since,
    String path, String severity, Optional<Long> observedGeneration) {

  public static final String STATUS_CONDITIONS = "status.conditions";

  public Condition {
    type = type == null ? "" : type;
    status = status == null ? "" : status;
    reason = reason == null ? "" : reason;
    message = message == null ? "" : message;
    path = path == null ? STATUS_CONDITIONS : path;
    severity = severity == null ? "" : severity;
    observedGeneration = observedGeneration == null ? Optional.empty() : observedGeneration;
  }

  public Condition(String type, String status, String reason, String message, Optional<Instant> since,
      String path) {
    this(type, status, reason, message, since, path, "", Optional.empty());
  }

  public static Condition of(String type, String status, String reason, String message, String lastTransition) {
    return new Condition(type, status, reason, message, Node.parseTime(lastTransition), STATUS_CONDITIONS);
  }

  /** Adapts a kind's condition list; a null list is empty. */
  public static <T> List<Condition> list(List<T> conditions, Function<T, Condition> adapter) {
    return conditions == null ? List.of() : conditions.stream().map(adapter).toList();
  }

  /** Untyped conditions read at {@code path}; entries without a type are skipped, messages on one line. */
  public static List<Condition> from(List<Unstructured> entries, String path) {
    List<Condition> result = new ArrayList<>();
    for (Unstructured c : entries) {
      if (!c.string("type").isEmpty()) {
        result.add(new Condition(c.string("type"), c.string("status"), c.string("reason"),
            c.string("message").replaceAll("\\s+", " ").trim(),
            Node.parseTime(c.string("lastTransitionTime")), path, c.string("severity"),
            c.number("observedGeneration")));
      }
    }
    return result;
  }

  /** The condition of this type, if the object has one. */
  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }

  /** True when the condition of this type is present with status {@code "True"}. */
  public static boolean isTrue(List<Condition> conditions, String type) {
    return find(conditions, type).map(Condition::isTrue).orElse(false);
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

  /** {@code <path>[type]} = {@code "status reason: message"}. */
  public Evidence evidence() {
    Evidence standard = Evidence.condition(type, status, reason, message, since.orElse(null));
    if (STATUS_CONDITIONS.equals(path)) {
      return standard;
    }
    return Evidence.builder().from(standard).path(path + "[" + type + "]").build();
  }
}
