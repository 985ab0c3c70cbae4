package dev.blame.api;

import java.time.Duration;

/**
 * A wait for a rollout, configured fluently and run with {@link #await()}:
 *
 * <pre>{@code
 * WaitResult result = blame.waitFor(List.of(ref)).timeout(Duration.ofMinutes(5)).onProgress(print).await();
 * }</pre>
 *
 * <p>It returns as soon as every object is Current and Healthy (a deliberately Suspended object counts as
 * done), as soon as any object is doomed (Degraded, or its controller reports Failed), or at the deadline.
 * It is driven by the graph's watches, not by polling the API: verdicts are re-evaluated on every update,
 * and once a second without one so that grace windows that run out are noticed.
 *
 * <p>Stale status is not mistaken for done: an object whose controller has not yet observed its latest
 * generation, or whose new revision's pods are not the ones counted, is In Progress by its analyzer; and with
 * {@link #applied} an object the graph has not yet seen in its applied generation is pending.
 *
 * <p>How soon transient states (an image pull failing, a crash, Unschedulable) count as doomed is the
 * engine's {@link Tolerance}.
 *
 * <p>Immutable: each method returns a new instance.
 */
public interface RolloutWait {

  /** The deadline, counted from {@link #await()}; 5 minutes by default. */
  RolloutWait timeout(Duration timeout);

  RolloutWait onProgress(WaitListener listener);

  /**
   * The objects as the apply that precedes this wait returned them (with their uid and
   * {@code metadata.generation}). Closes the race between an apply and a graph that was already watching:
   * until the graph holds the applied object (same uid, at least that generation) the object is PENDING, so
   * the old object's stale "Ready" cannot complete the wait. Objects that match no waited-for ref are
   * ignored. Without it, the wait trusts the graph as it is when {@link #await()} starts, which is enough
   * when the graph was built after the apply.
   */
  RolloutWait applied(java.util.Collection<? extends io.fabric8.kubernetes.api.model.HasMetadata> objects);

  /**
   * Waits.
   *
   * @throws BlameException of kind TIMEOUT when the calling thread is interrupted, or another kind when the
   *     cluster cannot be read
   */
  WaitResult await();
}
