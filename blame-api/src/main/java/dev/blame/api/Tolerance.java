package dev.blame.api;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How much slack the analyzers give a transient state before they call it a failure: their
 * terminal-vs-transient judgement, set once per engine ({@code BlameEngine.Builder.tolerance(..)}) and handed
 * to every analyzer through {@link dev.blame.api.spi.AnalysisContext#tolerance()}.
 *
 * <ul>
 *   <li>{@link #grace()}: when present, replaces the analyzers' fixed grace windows: how long an image pull
 *       may fail, a container config error or a crash may last, and a pod may stay Unschedulable, before it
 *       counts as DEGRADED. {@code Duration.ZERO} means no slack: the first such state is a failure. Windows
 *       that a pod declares itself (startup and readiness probes) are always added on top. Empty (the
 *       default): each rule keeps its own window (30 s for waiting containers and crashes, 15 s for
 *       Unschedulable, as documented by the analyzers).
 *   <li>{@link #allowedRestarts()}: how many restarts a crashing container may have and still be judged
 *       as recovering (within the grace window); 1 by default, so the second crash is a failure.
 *   <li>{@link #stuck()}: when present, replaces the analyzers' "stuck" thresholds: how long the evidence may
 *       show a waiting state lasting (a pod in {@code ContainerCreating}, a claim {@code Pending}, a Warning
 *       Event repeating) before it counts as DEGRADED. Empty (the default): each rule keeps its own threshold
 *       (5 min for a repeating Warning Event, 15 min for a waiting state with no error evidence, as documented
 *       in {@code docs/status-vocabulary.md}). Errors that cannot resolve themselves (an executable or image
 *       that does not exist) fail at once whatever this says.
 * </ul>
 *
 * <p>Immutable and thread-safe. Analyzers that have no transient states ignore it.
 */
@Value.Immutable
public abstract class Tolerance {

  private static final Tolerance DEFAULTS = builder().build();

  /** {@return the user's grace window for transient states; empty to let each rule use its own}. */
  public abstract Optional<Duration> grace();

  /** {@return how many restarts a container may have and still count as recovering; 1 by default}. */
  @Value.Default
  public int allowedRestarts() {
    return 1;
  }

  /**
   * How long a stuck state may last before it counts as a failure.
   *
   * @return the threshold; empty: each rule's own threshold
   */
  public abstract Optional<Duration> stuck();

  /** {@return the analyzers' own windows, one allowed restart}. */
  public static Tolerance defaults() {
    return DEFAULTS;
  }

  /**
   * {@return the grace window to use where a rule's own default is {@code ruleDefault}}: the user's, when set.
   *
   * @param ruleDefault the window the analyzer's rule uses by default
   */
  public Duration graceOr(Duration ruleDefault) {
    return grace().orElse(ruleDefault);
  }

  /**
   * The stuck threshold to use where a rule's own default is {@code ruleDefault}.
   *
   * @param ruleDefault the rule's own threshold
   * @return {@link #stuck()} when set, else {@code ruleDefault}
   */
  public Duration stuckOr(Duration ruleDefault) {
    return stuck().orElse(ruleDefault);
  }

  /**
   * {@return whether a container that restarted this often may still be recovering}.
   *
   * @param restarts the container's restart count
   */
  public boolean mayRecover(int restarts) {
    return restarts <= allowedRestarts();
  }

  /**
   * Rejects a negative grace window or restart count.
   *
   * @throws IllegalArgumentException naming the value
   */
  @Value.Check
  protected void check() {
    if (grace().map(Duration::isNegative).orElse(false)) {
      throw new IllegalArgumentException("grace must not be negative, got " + grace().get());
    }
    if (stuck().map(Duration::isNegative).orElse(false)) {
      throw new IllegalArgumentException("stuck must not be negative, got " + stuck().get());
    }
    if (allowedRestarts() < 0) {
      throw new IllegalArgumentException("allowedRestarts must not be negative, got " + allowedRestarts());
    }
  }

  /**
   * A builder; unset values keep their defaults.
   *
   * @return a new builder
   */
  public static ImmutableTolerance.Builder builder() {
    return ImmutableTolerance.builder();
  }
}
