package dev.blame.analyzers.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Ages and grace windows, always measured against the analysis' {@code now}. */
public final class Times {

  private Times() {}

  /**
   * True when {@code since} is known and less than {@code grace} before {@code now}. An unknown start counts
   * as long ago (kstatus reads a missing {@code creationTimestamp} as the zero time), so a grace window never
   * hides a failure we cannot date.
   */
  public static boolean withinGrace(Instant now, Optional<Instant> since, Duration grace) {
    return since.isPresent() && Duration.between(since.get(), now).compareTo(grace) < 0;
  }

  /** The latest of the present instants. */
  @SafeVarargs
  public static Optional<Instant> latest(Optional<Instant>... instants) {
    Optional<Instant> latest = Optional.empty();
    for (Optional<Instant> instant : instants) {
      if (instant.isPresent() && (latest.isEmpty() || instant.get().isAfter(latest.get()))) {
        latest = instant;
      }
    }
    return latest;
  }
}
