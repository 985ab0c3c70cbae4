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

  public abstract Health health();

  public abstract ReconcileStatus status();

  /** One line, e.g. {@code "2/3 replicas available"}; may be empty. */
  @Value.Default
  public String message() {
    return "";
  }

  /** Worst first. */
  public abstract List<Finding> findings();

  public abstract Optional<RevisionRef> revision();

  public abstract List<Activity> activities();

  public static Verdict of(Health health, ReconcileStatus status, String message) {
    return builder().health(health).status(status).message(message).build();
  }

  /** An object that could not be judged, with one finding saying why. */
  public static Verdict unknown(ObjectRef subject, ReasonCode reason, String message) {
    return builder()
        .health(Health.UNKNOWN)
        .status(ReconcileStatus.UNKNOWN)
        .message(message)
        .addFinding(Finding.of(subject, Health.UNKNOWN, reason, message))
        .build();
  }

  public static ImmutableVerdict.Builder builder() {
    return ImmutableVerdict.builder();
  }

  /** The worst finding, if any. */
  public Optional<Finding> worstFinding() {
    return findings().stream().min(Finding.WORST_FIRST);
  }

  @Override
  public String toString() {
    return health() + "/" + status() + (message().isEmpty() ? "" : " " + message());
  }
}
