package dev.blame.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One diagnosis about one object (or one container of a pod): a machine-readable {@link #reason()}, a
 * sentence for people, the {@link Health} it implies, and the {@link #evidence()} that justifies it.
 *
 * <p>Findings are data: an object that cannot be judged gets a finding with {@link Health#UNKNOWN} and a
 * reason, never an exception.
 */
@Value.Immutable
public abstract class Finding {

  /** Worst health first, then by subject, container and reason: a stable order for output. */
  public static final Comparator<Finding> WORST_FIRST =
      Comparator.comparing(Finding::health)
          .reversed()
          .thenComparing(Finding::subject)
          .thenComparing(f -> f.container().orElse(""))
          .thenComparing(Finding::reason);

  /** {@return the object the finding is about}. */
  public abstract ObjectRef subject();

  /** {@return the container the finding is about, for pods}. */
  public abstract Optional<String> container();

  /** {@return how bad it is; the subject's verdict is no better}. */
  public abstract Health health();

  /** {@return why, machine-readable: what callers branch on instead of the message}. */
  public abstract ReasonCode reason();

  /** {@return one line for a person, e.g. {@code Container [main] completed with exit code 1}}. */
  public abstract String message();

  /** {@return the conditions, Events, fields and times that justify the finding; empty when none applies}. */
  public abstract List<Evidence> evidence();

  /** {@return the revision of a revisioned workload the subject belongs to, when known}. */
  public abstract Optional<RevisionRef> revision();

  /** {@return since when the finding holds, when the evidence says (e.g. the condition's transition time)}. */
  public abstract Optional<Instant> since();

  /**
   * A finding without container or evidence.
   *
   * @param subject the object
   * @param health how bad it is
   * @param reason why, machine-readable
   * @param message why, one line for a person
   * @return the finding
   */
  public static Finding of(ObjectRef subject, Health health, ReasonCode reason, String message) {
    return builder().subject(subject).health(health).reason(reason).message(message).build();
  }

  /**
   * A builder; {@code subject}, {@code health}, {@code reason} and {@code message} are required.
   *
   * @return a new builder
   */
  public static ImmutableFinding.Builder builder() {
    return ImmutableFinding.builder();
  }

  @Override
  public String toString() {
    return health() + " " + subject().display()
        + container().map(c -> " [" + c + "]").orElse("") + ": " + reason() + " " + message();
  }
}
