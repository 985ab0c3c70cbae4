package dev.blame.api.spi;

import dev.blame.api.Edge;
import dev.blame.api.EdgeKind;
import dev.blame.api.EventRecord;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of the graph as an analyzer sees it, consistent for the duration of one
 * {@link Analyzer#analyze} call. Lists are sorted and never null. Lookups are index-backed.
 */
public interface GraphView {

  Optional<Node> node(ObjectRef ref);

  Optional<Node> nodeByUid(String uid);

  /** Edges whose {@code from} is the object, including edges to objects not in the graph. */
  List<Edge> edgesFrom(ObjectRef ref);

  /** Edges whose {@code to} is the object. */
  List<Edge> edgesTo(ObjectRef ref);

  /** The objects {@code from} points to with edges of this kind that are in the graph, sorted by reference. */
  List<Node> targets(ObjectRef from, EdgeKind kind);

  /** The objects that point to {@code to} with edges of this kind. */
  List<Node> sources(ObjectRef to, EdgeKind kind);

  /** Events about the object, newest first. */
  List<EventRecord> events(ObjectRef ref);

  /**
   * The verdict of an object. Final for the targets of the analyzed object's outgoing edges; for others it
   * may be from before the current update.
   */
  Optional<Verdict> verdict(ObjectRef ref);

  /** Objects of a kind in exactly this namespace ({@code ""}: cluster-scoped objects), sorted by name. */
  List<Node> list(GroupKind kind, String namespace);

  /**
   * True when objects of this kind are observed, so that an absent one really does not exist. False for
   * kinds the source does not read (Secrets from a live cluster, kinds missing from an offline dump).
   */
  boolean observes(GroupKind kind);
}
