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

  /** When a wait that sees a doomed object ends. */
  enum Mode {
    /**
     * The default: the wait ends FAILED as soon as one object is doomed, with the others as they are then. What a
     * deploy step wants: stop early, say why.
     */
    FAIL_FAST,
    /**
     * The wait goes on until every object is settled, Done or Doomed, or the deadline passes; it ends COMPLETE
     * when all are Done, FAILED when any is Doomed. What a report of a whole release wants: every failure, not
     * only the first. A doomed object that recovers before the rest settle counts as what it is at the end.
     */
    SETTLE_ALL
  }

  /**
   * The deadline, counted from {@link #await()}; 5 minutes by default. Zero decides from the graph as it is.
   *
   * @param timeout how long to wait at most; not negative
   * @return a wait like this one with this deadline
   * @throws IllegalArgumentException when the timeout is negative
   */
  RolloutWait timeout(Duration timeout);

  /**
   * Called with every object's state each time one changes, on the waiting thread, before {@link #await()}
   * returns; a listener that throws is logged and waiting goes on. None by default.
   *
   * @param listener receives the states in the order of the waited-for refs; not null
   * @return a wait like this one with this listener
   */
  RolloutWait onProgress(WaitListener listener);

  /**
   * When to stop once an object is doomed; {@link Mode#FAIL_FAST} by default.
   *
   * @param mode fail fast, or let every object settle; not null
   * @return a wait like this one in this mode
   */
  RolloutWait mode(Mode mode);

  /**
   * The objects as the apply that precedes this wait returned them (with their uid and
   * {@code metadata.generation}). Closes the race between an apply and a graph that was already watching:
   * until the graph holds the applied object (same uid, at least that generation) the object is PENDING, so
   * the old object's stale "Ready" cannot complete the wait. Objects that match no waited-for ref are
   * ignored. Without it, the wait trusts the graph as it is when {@link #await()} starts, which is enough
   * when the graph was built after the apply. {@link Blame#waitForApplied} does this in one call.
   *
   * @param objects the objects the API server returned from the apply
   * @return a wait like this one that waits for those generations
   */
  RolloutWait applied(java.util.Collection<? extends io.fabric8.kubernetes.api.model.HasMetadata> objects);

  /**
   * Waits, on the calling thread, until the outcome is decided or the deadline passes.
   *
   * @return the outcome, every object's state, and the culprits when it failed
   * @throws BlameException of kind TIMEOUT when the calling thread is interrupted, or another kind when the
   *     cluster cannot be read
   */
  WaitResult await();
}
