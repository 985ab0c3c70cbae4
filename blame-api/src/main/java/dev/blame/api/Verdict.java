package dev.blame.api;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the analyzers concluded about one object: its {@link Health}, its {@link ReconcileStatus}, a one-line
 * summary, the findings behind them, the revision it belongs to, and what it is doing to other objects.
 *
 * <p>The engine guarantees that {@link #health()} is no better than the worst finding about the object
 * itself.
 */
@Value.Immutable
public abstract class Verdict {

  /** {@return how well the object is doing; no better than its worst own finding}. */
  public abstract Health health();

  /** {@return where the object's controller is with its latest spec}. */
  public abstract ReconcileStatus status();

  /** {@return a one-line summary, e.g. {@code "2/3 replicas available"}; may be empty, never null}. */
  @Value.Default
  public String message() {
    return "";
  }

  /** {@return the findings behind the verdict, about the object or its dependencies, worst first}. */
  public abstract List<Finding> findings();

  /** {@return the revision the object is or belongs to (a Deployment's current one, a pod's ReplicaSet), if any}. */
  public abstract Optional<RevisionRef> revision();

  /** {@return what the object is doing to others (creating, scaling down, replacing), for the cause view}. */
  public abstract List<Activity> activities();

  /**
   * A verdict without findings.
   *
   * @param health the health
   * @param status the reconcile status
   * @param message the one-line summary; not null
   * @return the verdict
   */
  public static Verdict of(Health health, ReconcileStatus status, String message) {
    return builder().health(health).status(status).message(message).build();
  }

  /**
   * An object that could not be judged, with one finding saying why: what an analyzer returns instead of
   * guessing.
   *
   * @param subject the object
   * @param reason why, machine-readable, e.g. {@link ReasonCode#ANALYZER_FAILED}
   * @param message why, one line
   * @return an UNKNOWN/UNKNOWN verdict with one UNKNOWN finding
   */
  public static Verdict unknown(ObjectRef subject, ReasonCode reason, String message) {
    return builder()
        .health(Health.UNKNOWN)
        .status(ReconcileStatus.UNKNOWN)
        .message(message)
        .addFinding(Finding.of(subject, Health.UNKNOWN, reason, message))
        .build();
  }

  /**
   * A builder; {@code health} and {@code status} are required.
   *
   * @return a new builder
   */
  public static ImmutableVerdict.Builder builder() {
    return ImmutableVerdict.builder();
  }

  /** {@return the worst finding by {@link Finding#WORST_FIRST}, if any}. */
  public Optional<Finding> worstFinding() {
    return findings().stream().min(Finding.WORST_FIRST);
  }

  @Override
  public String toString() {
    return health() + "/" + status() + (message().isEmpty() ? "" : " " + message());
  }
}
