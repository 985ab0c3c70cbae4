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

  public abstract Optional<Duration> grace();

  @Value.Default
  public int allowedRestarts() {
    return 1;
  }

  /** How long a stuck state may last before it counts as a failure; empty: the rule's own threshold. */
  public abstract Optional<Duration> stuck();

  /** The analyzers' own windows, one allowed restart. */
  public static Tolerance defaults() {
    return DEFAULTS;
  }

  /** The grace window to use where a rule's own default is {@code ruleDefault}. */
  public Duration graceOr(Duration ruleDefault) {
    return grace().orElse(ruleDefault);
  }

  /** The stuck threshold to use where a rule's own default is {@code ruleDefault}. */
  public Duration stuckOr(Duration ruleDefault) {
    return stuck().orElse(ruleDefault);
  }

  /** Whether a container that restarted {@code restarts} times may still be recovering. */
  public boolean mayRecover(int restarts) {
    return restarts <= allowedRestarts();
  }

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

  public static ImmutableTolerance.Builder builder() {
    return ImmutableTolerance.builder();
  }
}
