package dev.blame.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/**
 * The answer to a wait: the outcome, where each object stood when it was decided, the culprits when it
 * failed (worst first), and the explanations of the objects that failed or were still pending.
 */
@Value.Immutable
public abstract class WaitResult {

  /** {@return how the wait ended}. */
  public abstract WaitOutcome outcome();

  /** {@return one per waited-for object, in the order they were given}. */
  public abstract List<WaitState> states();

  /** {@return why it failed, or what was still pending at the deadline; empty when complete}. */
  public abstract List<Finding> culprits();

  /** {@return explanations of the objects that are not done}. */
  public abstract List<Explanation> explanations();

  /**
   * {@return what the revisions behind the failed (or, at a timeout, pending) objects changed, who changed it
   * and when}: each explanation's {@link Explanation#revisionDiff()}, without duplicates. Empty when complete.
   */
  public List<RevisionDiff> revisionDiffs() {
    return explanations().stream().flatMap(e -> e.revisionDiff().stream()).distinct().toList();
  }

  /** {@return when the outcome was decided, by the engine's clock}. */
  public abstract Instant decidedAt();

  /** {@return how long the wait took (wall time)}. */
  public abstract Duration elapsed();

  /**
   * A builder, for engines and tests.
   *
   * @return a new builder
   */
  public static ImmutableWaitResult.Builder builder() {
    return ImmutableWaitResult.builder();
  }
}
