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
    CONDITION,
    EVENT,
    FIELD,
    TIMESTAMP,
    /** A user's health rule (an Argo CD Lua script, a Flux-style CEL expression) and what it returned. */
    RULE
  }

  public abstract Kind kind();

  public abstract String path();

  /** The value as read, one line; never a Secret's data. */
  public abstract String value();

  public abstract Optional<Instant> time();

  /** The object the evidence was read from, when it is not the finding's subject. */
  public abstract Optional<ObjectRef> source();

  public static ImmutableEvidence.Builder builder() {
    return ImmutableEvidence.builder();
  }

  /** A status condition: {@code status.conditions[type]} = {@code "False ProgressDeadlineExceeded: msg"}. */
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

  /** An Event about the subject, as {@code Event <reason>} = {@code "<message> (xN)"}. */
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

  public static Evidence field(String path, String value) {
    return builder().kind(Kind.FIELD).path(path).value(String.valueOf(value)).build();
  }

  /**
   * A health rule's result: {@code path} names the rule (its file and the kind key it was written for, e.g.
   * {@code rules/argoproj.io/Rollout/health.lua [argoproj.io/Rollout]}), {@code value} what it returned.
   */
  public static Evidence rule(String rule, String value) {
    return builder().kind(Kind.RULE).path(rule).value(String.valueOf(value)).build();
  }

  public static Evidence timestamp(String path, Instant time) {
    return builder().kind(Kind.TIMESTAMP).path(path).value(time.toString()).time(time).build();
  }

  @Override
  public String toString() {
    return path() + " = " + value();
  }
}
