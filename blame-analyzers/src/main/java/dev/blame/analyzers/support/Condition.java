package dev.blame.analyzers.support;

import dev.blame.api.Evidence;
import dev.blame.api.Node;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A status condition of any kind reduced to the fields the analyzers read. fabric8 has one condition class
 * per kind; {@link #list} adapts them.
 */
public record Condition(String type, String status, String reason, String message, Optional<Instant> since) {

  public Condition {
    type = type == null ? "" : type;
    status = status == null ? "" : status;
    reason = reason == null ? "" : reason;
    message = message == null ? "" : message;
  }

  public static Condition of(String type, String status, String reason, String message, String lastTransition) {
    return new Condition(type, status, reason, message, Node.parseTime(lastTransition));
  }

  /** Adapts a kind's condition list; a null list is empty. */
  public static <T> List<Condition> list(List<T> conditions, Function<T, Condition> adapter) {
    return conditions == null ? List.of() : conditions.stream().map(adapter).toList();
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

  public Evidence evidence() {
    return Evidence.condition(type, status, reason, message, since.orElse(null));
  }
}
