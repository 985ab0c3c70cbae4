package dev.blame.core.internal;

import dev.blame.api.ObjectRef;

/** Where the graph's objects come from: manifests read once, or a cluster watched. */
public interface Source extends AutoCloseable {

  /** Fills the engine; returns once the initial state is applied. */
  void start(GraphEngine engine);

  /**
   * Makes sure the graph can answer about {@code ref}: a live source starts watching its kind and the kinds
   * of its owner chain. Offline sources have nothing to do.
   */
  default void prepare(ObjectRef ref) {}

  /** True when the graph keeps changing (a watched cluster); false for a snapshot. */
  default boolean isLive() {
    return false;
  }

  @Override
  void close();
}
