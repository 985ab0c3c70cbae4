package dev.blame.core.internal;

import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;

/** Where the graph's objects come from: manifests read once, or a cluster watched. */
public interface Source extends AutoCloseable {

  /** Fills the engine; returns once the initial state is applied. */
  void start(GraphEngine engine);

  /**
   * Makes sure the graph can answer about {@code ref}: a live source watches every kind the object's
   * explanation involves and returns once they are all in the graph. Offline sources have nothing to do.
   */
  default void prepare(ObjectRef ref) {}

  /** Makes sure the graph holds every object of this kind (a live source watches it). */
  default void prepareKind(GroupKind kind) {}

  /**
   * Makes sure the graph can answer namespace-wide queries (every finding, every kind): a live source watches
   * every kind some analyzer handles or reads.
   */
  default void prepareAll() {}

  /**
   * The namespace a live source watches, when it watches only one; empty for all namespaces and for
   * snapshots (a snapshot answers about any namespace from what it holds: an object it does not hold does not
   * exist there).
   */
  default java.util.Optional<String> onlyNamespace() {
    return java.util.Optional.empty();
  }

  /** True when the graph keeps changing (a watched cluster); false for a snapshot. */
  default boolean isLive() {
    return false;
  }

  @Override
  void close();
}
