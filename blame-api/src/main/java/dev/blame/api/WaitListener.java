package dev.blame.api;

import java.util.List;

/**
 * Progress of a wait. Called on the thread running {@link RolloutWait#await()}, once at the start and once per
 * change in any object's state; keep it quick. A listener that throws is logged and ignored.
 */
@FunctionalInterface
public interface WaitListener {
  /**
   * Receives every object's state.
   *
   * @param states one per waited-for object, in the order they were given
   */
  void progress(List<WaitState> states);
}
