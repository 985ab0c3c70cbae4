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

  /**
   * An object by reference (version and uid ignored).
   *
   * @param ref the object
   * @return the object, or empty when the graph does not hold it (it does not exist, or its kind is not
   *     {@linkplain #observes observed})
   */
  Optional<Node> node(ObjectRef ref);

  /**
   * An object by uid, as owner references name their owner.
   *
   * @param uid the object's {@code metadata.uid}
   * @return the object holding that uid now, or empty
   */
  Optional<Node> nodeByUid(String uid);

  /**
   * {@return the edges whose {@code from} is the object, including edges to objects not in the graph, sorted}.
   *
   * @param ref the object
   */
  List<Edge> edgesFrom(ObjectRef ref);

  /**
   * {@return the edges whose {@code to} is the object, sorted}.
   *
   * @param ref the object
   */
  List<Edge> edgesTo(ObjectRef ref);

  /**
   * {@return the objects {@code from} points to with edges of this kind that are in the graph, sorted by reference}.
   *
   * @param from the object the edges leave
   * @param kind the edge kind, e.g. {@link EdgeKind#MOUNTS}
   */
  List<Node> targets(ObjectRef from, EdgeKind kind);

  /**
   * {@return the objects in the graph that point to {@code to} with edges of this kind, sorted by reference}.
   *
   * @param to the object the edges reach
   * @param kind the edge kind, e.g. {@link EdgeKind#OWNS} for the object's children
   */
  List<Node> sources(ObjectRef to, EdgeKind kind);

  /**
   * {@return the Events about the object (core and {@code events.k8s.io}), newest first; empty when none}.
   *
   * @param ref the object the Events' {@code involvedObject} or {@code regarding} names
   */
  List<EventRecord> events(ObjectRef ref);

  /**
   * The verdict of an object. Final for the targets of the analyzed object's outgoing edges; for others it
   * may be from before the current update.
   *
   * @param ref the object
   * @return its verdict, or empty when it is not in the graph
   */
  Optional<Verdict> verdict(ObjectRef ref);

  /**
   * {@return the objects of a kind in exactly this namespace ({@code ""}: cluster-scoped objects), sorted by name}.
   *
   * @param kind the kind; an analyzer declares it in {@link Analyzer#reads()}, or a live source does not watch it
   * @param namespace the namespace
   */
  List<Node> list(GroupKind kind, String namespace);

  /**
   * True when objects of this kind are observed, so that an absent one really does not exist. False for
   * kinds the source does not read (Secrets from a live cluster, kinds missing from an offline dump).
   *
   * @param kind the kind
   * @return whether an absent object of this kind is known not to exist
   */
  boolean observes(GroupKind kind);

  /**
   * The object as a Jackson tree, for reading fields the typed model does not have (a custom resource's
   * {@code spec}, a ControllerRevision's {@code data}). The engine's view caches recent trees; by default each call
   * converts the object again.
   *
   * @param node an object of the graph
   * @return its tree; shared, so never change it ({@code deepCopy()} it first)
   */
  default com.fasterxml.jackson.databind.JsonNode tree(Node node) {
    return Trees.MAPPER.valueToTree(node.object());
  }
}
