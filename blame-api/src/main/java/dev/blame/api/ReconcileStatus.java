package dev.blame.api;

/**
 * Whether an object's controller has caught up with its spec: the kstatus axis, independent of
 * {@link Health}. A paused Deployment is {@link Health#SUSPENDED} and {@link #CURRENT}; a Deployment whose
 * new pods crash is {@link Health#DEGRADED} and {@link #FAILED}.
 *
 * <p>Declared from best to worst for the purpose of {@link #worst}: {@code UNKNOWN} is last because a
 * caller waiting for {@code CURRENT} must not treat it as done.
 */
public enum ReconcileStatus {
  /** The controller has observed the latest spec and the actual state matches it. */
  CURRENT,
  /** The controller is still working towards the spec. */
  IN_PROGRESS,
  /** Deletion has started and finalizers or the garbage collector still hold the object. */
  TERMINATING,
  /** The object does not exist. */
  NOT_FOUND,
  /** The controller gave up or the spec cannot be reached. */
  FAILED,
  /** The status could not be read or understood. */
  UNKNOWN;

  /**
   * {@return the worse of two statuses, in the order of the constants}.
   *
   * @param a a status
   * @param b another status
   */
  public static ReconcileStatus worst(ReconcileStatus a, ReconcileStatus b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
