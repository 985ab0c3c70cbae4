package dev.blame.api;

/**
 * How well an object is doing, ordered from best to worst. The order is what "worst first" and
 * aggregation ({@link #worst}) use.
 *
 * <p>The order is deliberate and differs from Argo CD's in one place: {@link #UNKNOWN} ranks
 * <em>below</em> {@link #MISSING} and {@link #DEGRADED}. A known failure explains more than an unknown,
 * so a parent whose children are one crashing and one unreadable is Degraded, and the crash is listed
 * first. {@code UNKNOWN} still ranks above {@link #PROGRESSING}: "we could not tell" must never read as
 * "on its way" to a caller waiting for a rollout.
 */
public enum Health {
  /** Running as intended. */
  HEALTHY,
  /** Deliberately stopped: a paused Deployment, a suspended Job or CronJob. */
  SUSPENDED,
  /** Converging: a rollout under way, a pod starting, a transient error still inside its grace window. */
  PROGRESSING,
  /** Could not be judged: no analyzer, an analyzer failed, access forbidden, or the data is incomplete. */
  UNKNOWN,
  /** An object that should exist does not. */
  MISSING,
  /** Failed, or doomed: it will not become healthy without someone changing something. */
  DEGRADED;

  /**
   * {@return true when this health is worse than the other, in the order of the constants}.
   *
   * @param other the health to compare with
   */
  public boolean isWorseThan(Health other) {
    return compareTo(other) > 0;
  }

  /**
   * {@return the worse of two healths}.
   *
   * @param a a health
   * @param b another health
   */
  public static Health worst(Health a, Health b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
