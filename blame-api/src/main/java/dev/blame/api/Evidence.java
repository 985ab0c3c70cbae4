package dev.blame.api;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What justifies a {@link Finding}: a status condition, an Event, a field's value, or a timestamp, read from
 * the finding's subject or from {@link #source()} when another object holds it.
 *
 * <p>{@link #path()} says where the value was read, in a form a person can look up with
 * {@code kubectl get -o yaml}: {@code status.conditions[Progressing]},
 * {@code status.containerStatuses[main].state.waiting}, {@code Event BackOff}.
 */
@Value.Immutable
public abstract class Evidence {

  /** What kind of record the evidence is. */
  public enum Kind {
    /** A status condition; {@link #time()} is its last transition. */
    CONDITION,
    /** An Event about the subject (or, with {@link #source()}, about a related object). */
    EVENT,
    /** A field of the object, by its path, e.g. {@code status.containerStatuses[web].state.waiting}. */
    FIELD,
    /** A point in time recorded in the object, e.g. when a container started. */
    TIMESTAMP,
    /** A user's health rule (an Argo CD Lua script, a Flux-style CEL expression) and what it returned. */
    RULE
  }

  /** {@return what kind of record this is}. */
  public abstract Kind kind();

  /**
   * {@return where in the object the evidence is, kubectl-style: {@code status.conditions[Available]}, {@code
   * Event BackOff}}. As read from the object: encode it for the sink it is written to.
   */
  public abstract String path();

  /**
   * {@return the value as read, one line; never a Secret's data}. As read from the cluster or file: hostile
   * until encoded for its sink.
   */
  public abstract String value();

  /** {@return when the recorded state began or was seen (a condition's transition, an Event's last time), if known}. */
  public abstract Optional<Instant> time();

  /** {@return the object the evidence was read from, when it is not the finding's subject}. */
  public abstract Optional<ObjectRef> source();

  /**
   * A builder for evidence the factories below do not cover.
   *
   * @return a new builder; {@code kind}, {@code path} and {@code value} are required
   */
  public static ImmutableEvidence.Builder builder() {
    return ImmutableEvidence.builder();
  }

  /**
   * A status condition: {@code status.conditions[type]} = {@code "False ProgressDeadlineExceeded: msg"}.
   *
   * @param type the condition's type, e.g. {@code Progressing}
   * @param status {@code True}, {@code False} or {@code Unknown}
   * @param reason the condition's reason; null or empty when it has none
   * @param message the condition's message; null or empty when it has none
   * @param lastTransition when the condition last changed status; null when not known
   * @return evidence of kind {@link Kind#CONDITION}
   */
  public static Evidence condition(
      String type, String status, String reason, String message, Instant lastTransition) {
    StringBuilder value = new StringBuilder(String.valueOf(status));
    if (reason != null && !reason.isEmpty()) {
      value.append(' ').append(reason);
    }
    if (message != null && !message.isEmpty()) {
      value.append(": ").append(message);
    }
    return builder()
        .kind(Kind.CONDITION)
        .path("status.conditions[" + type + "]")
        .value(value.toString())
        .time(Optional.ofNullable(lastTransition))
        .build();
  }

  /**
   * An Event, as {@code Event <reason>} = {@code "<message> (xN)"}, timed by its last occurrence.
   *
   * @param event the event; its object becomes {@link #source()}
   * @return evidence of kind {@link Kind#EVENT}
   */
  public static Evidence event(EventRecord event) {
    String count = event.count() > 1 ? " (x" + event.count() + ")" : "";
    return builder()
        .kind(Kind.EVENT)
        .path("Event " + event.reason())
        .value(event.message() + count)
        .time(event.lastTime().or(event::firstTime))
        .source(event.ref())
        .build();
  }

  /**
   * A field of the object.
   *
   * @param path where the field is, e.g. {@code spec.template.spec.containers[web].image}
   * @param value its value, one line; null is written {@code "null"}
   * @return evidence of kind {@link Kind#FIELD}
   */
  public static Evidence field(String path, String value) {
    return builder().kind(Kind.FIELD).path(path).value(String.valueOf(value)).build();
  }

  /**
   * A health rule's result: {@code path} names the rule (its file and the kind key it was written for, e.g.
   * {@code rules/argoproj.io/Rollout/health.lua [argoproj.io/Rollout]}), {@code value} what it returned.
   *
   * @param rule the rule's file and the kind key it was written for
   * @param value what the rule returned
   * @return evidence of kind {@link Kind#RULE}
   */
  public static Evidence rule(String rule, String value) {
    return builder().kind(Kind.RULE).path(rule).value(String.valueOf(value)).build();
  }

  /**
   * A point in time recorded in the object.
   *
   * @param path where the time is, e.g. {@code status.containerStatuses[web].state.running.startedAt}
   * @param time the time; not null
   * @return evidence of kind {@link Kind#TIMESTAMP}, with {@link #time()} set
   */
  public static Evidence timestamp(String path, Instant time) {
    return builder().kind(Kind.TIMESTAMP).path(path).value(time.toString()).time(time).build();
  }

  @Override
  public String toString() {
    return path() + " = " + value();
  }
}
