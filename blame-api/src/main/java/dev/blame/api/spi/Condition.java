package dev.blame.api.spi;

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
 * keeps them in an annotation). Null text components become {@code ""}.
 *
 * <pre>{@code
 * List<Condition> conditions = Unstructured.of(node.object()).conditions();
 * Condition.find(conditions, "Ready").filter(Condition::isFalse)
 *     .ifPresent(c -> judgement.find(Health.DEGRADED, c.reasonCode(NOT_READY), c.describe(), c.evidence()));
 * }</pre>
 *
 * @param type the condition's {@code type}
 * @param status its {@code status}: {@code True}, {@code False} or {@code Unknown}
 * @param reason its {@code reason}, {@code ""} if none
 * @param message its {@code message}, {@code ""} if none
 * @param since its {@code lastTransitionTime}, if written
 *
 * @param path where the condition list was read, {@code status.conditions} unless said otherwise
 * @param severity Cluster API's {@code severity} ({@code Error}, {@code Warning}, {@code Info}), {@code ""} if none
 * @param observedGeneration the generation the condition was set for (metav1.Condition), if written
 */
public record Condition(String type, String status, String reason, String message, Optional<Instant> since,
    String path, String severity, Optional<Long> observedGeneration) {

  /** Where conditions usually are. */
  public static final String STATUS_CONDITIONS = "status.conditions";

  /**
   * A condition; null text becomes {@code ""}, a null path {@link #STATUS_CONDITIONS}, a null optional empty.
   *
   * @param type the condition's {@code type}
   * @param status its {@code status}
   * @param reason its {@code reason}
   * @param message its {@code message}
   * @param since its {@code lastTransitionTime}, if written
   * @param path where the condition list was read
   * @param severity Cluster API's {@code severity}
   * @param observedGeneration the generation the condition was set for, if written
   */
  public Condition {
    type = type == null ? "" : type;
    status = status == null ? "" : status;
    reason = reason == null ? "" : reason;
    message = message == null ? "" : message;
    path = path == null ? STATUS_CONDITIONS : path;
    severity = severity == null ? "" : severity;
    observedGeneration = observedGeneration == null ? Optional.empty() : observedGeneration;
  }

  /**
   * A condition without severity or observed generation.
   *
   * @param type the condition's {@code type}
   * @param status its {@code status}
   * @param reason its {@code reason}
   * @param message its {@code message}
   * @param since its {@code lastTransitionTime}, if written
   * @param path where the condition list was read
   */
  public Condition(String type, String status, String reason, String message, Optional<Instant> since,
      String path) {
    this(type, status, reason, message, since, path, "", Optional.empty());
  }

  /**
   * A condition read from {@code status.conditions}.
   *
   * @param type the condition's {@code type}
   * @param status its {@code status}
   * @param reason its {@code reason}
   * @param message its {@code message}
   * @param lastTransition its {@code lastTransitionTime} as written (RFC 3339), or null
   * @return the condition
   */
  public static Condition of(String type, String status, String reason, String message, String lastTransition) {
    return new Condition(type, status, reason, message, Node.parseTime(lastTransition), STATUS_CONDITIONS);
  }

  /**
   * Adapts a kind's typed condition list: {@code Condition.list(status.getConditions(), c -> Condition.of(
   * c.getType(), c.getStatus(), c.getReason(), c.getMessage(), c.getLastTransitionTime()))}.
   *
   * @param conditions the typed conditions; a null list is empty
   * @param adapter reads one
   * @param <T> the kind's condition class
   * @return the conditions, in order
   */
  public static <T> List<Condition> list(List<T> conditions, Function<T, Condition> adapter) {
    return conditions == null ? List.of() : conditions.stream().map(adapter).toList();
  }

  /**
   * Untyped conditions; entries without a type are skipped, messages are put on one line.
   *
   * @param entries the list's entries
   * @param path where the list was read, for evidence
   * @return the conditions, in order
   */
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

  /**
   * The condition of a type.
   *
   * @param conditions the object's conditions
   * @param type the type
   * @return the first condition of this type, if the object has one
   */
  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }

  /**
   * Tells whether a condition holds.
   *
   * @param conditions the object's conditions
   * @param type the type
   * @return true when the condition of this type is present with status {@code "True"}
   */
  public static boolean isTrue(List<Condition> conditions, String type) {
    return find(conditions, type).map(Condition::isTrue).orElse(false);
  }

  /** {@return true when the status is {@code True}, in any case} */
  public boolean isTrue() {
    return "True".equalsIgnoreCase(status);
  }

  /** {@return true when the status is {@code False}, in any case} */
  public boolean isFalse() {
    return "False".equalsIgnoreCase(status);
  }

  /**
   * The condition's reason as a code.
   *
   * @param fallback the code when the reason is not one
   * @return the reason when it is UpperCamelCase letters and digits, else {@code fallback}
   */
  public ReasonCode reasonCode(ReasonCode fallback) {
    if (!reason.isEmpty() && Character.isUpperCase(reason.charAt(0))
        && reason.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
      return ReasonCode.of(reason);
    }
    return fallback;
  }

  /** {@return {@code reason: message}, whichever is present, or {@code type=status} when neither is} */
  public String describe() {
    if (reason.isEmpty()) {
      return message.isEmpty() ? type + "=" + status : message;
    }
    return message.isEmpty() ? reason : reason + ": " + message;
  }

  /** {@return the condition as evidence, at {@code <path>[type]} when not read from {@code status.conditions}} */
  public Evidence evidence() {
    Evidence standard = Evidence.condition(type, status, reason, message, since.orElse(null));
    if (STATUS_CONDITIONS.equals(path)) {
      return standard;
    }
    return Evidence.builder().from(standard).path(path + "[" + type + "]").build();
  }
}
