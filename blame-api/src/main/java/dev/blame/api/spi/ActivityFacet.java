package dev.blame.api.spi;

import dev.blame.api.Activity;
import dev.blame.api.Node;
import java.util.List;

/**
 * What a controller is doing to an object's children, read off the objects themselves: creating the ReplicaSet
 * of a new revision, deleting pods marked for deletion, updating pods still at an old revision. The views show
 * them on the tree ({@code Deployment my-app (Creating ReplicaSet my-app-7f8c9)}).
 *
 * <p>Asked only for objects whose verdict carries no {@linkplain dev.blame.api.Verdict#activities() activities}
 * (an analyzer that reports its own wins); the activities of every facet that selects the kind are listed, in
 * facet order. Must be pure (see {@link Facet}).
 */
public interface ActivityFacet extends Facet {

  /**
   * The activities on an object.
   *
   * @param node an object of a kind this facet selects
   * @param graph the graph around it
   * @return what its controller is doing, deletions first, then creations, then updates; never null
   */
  List<Activity> activities(Node node, GraphView graph);
}
