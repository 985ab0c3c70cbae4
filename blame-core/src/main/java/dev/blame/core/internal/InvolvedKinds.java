package dev.blame.core.internal;

import dev.blame.api.Edge;
import dev.blame.api.EdgeKind;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The kinds a query about one object needs watched, read off the graph as it is: what {@link Explainer} walks
 * from the object and what the analyzers of the objects it shows read. A live source watches these, then asks
 * again, until no new kind comes up (each new kind may bring objects that involve more).
 *
 * <ul>
 *   <li><b>Shown</b>: the object, then upstream (its owners, what selects, routes to or scales it, what it
 *       mounts or references) and downstream (what it owns, selects, routes to or scales, what mounts or
 *       references it), each way transitively, as the explainer's two trees go. For every shown object: its
 *       kind, the kinds of owners its owner references name, and the kinds whose analyzers may link to it
 *       ({@link AnalyzerRegistry#linkersOf}), where what points at it lives; downstream, what Kubernetes'
 *       controllers create owned for a built-in workload kind ({@link #BUILT_IN_CHILDREN}).
 *   <li><b>Judged</b>: the shown objects and everything their outgoing edges reach, transitively (an analyzer
 *       reads the verdicts of its edges' targets). For every judged object: its kind and what its analyzers
 *       read ({@link AnalyzerRegistry#readsOf}).
 * </ul>
 *
 * A custom resource may own objects of any kind the analyzers know: all of those are watched when one is shown
 * downstream. Objects of a linker kind join only when they have an edge to a shown object, so a Service that selects the
 * involved pods brings its EndpointSlices, and one that does not brings nothing.
 */
final class InvolvedKinds {

  /** Edge kinds whose {@code from} end is upstream (owners, selectors), and the others (dependencies). */
  private static final Set<EdgeKind> FROM_UPSTREAM = EnumSet.noneOf(EdgeKind.class);
  private static final Set<EdgeKind> TO_UPSTREAM = EnumSet.noneOf(EdgeKind.class);

  static {
    for (EdgeKind kind : EdgeKind.values()) {
      (kind.fromIsUpstream() ? FROM_UPSTREAM : TO_UPSTREAM).add(kind);
    }
  }

  private final GraphStore store;
  private final AnalyzerRegistry registry;
  private final Set<GroupKind> kinds = new LinkedHashSet<>();

  private InvolvedKinds(GraphStore store, AnalyzerRegistry registry) {
    this.store = store;
    this.registry = registry;
  }

  /** The kinds involved in a query about {@code root}, Events included. Runs under the engine's read lock. */
  static Set<GroupKind> of(GraphStore store, AnalyzerRegistry registry, ObjectRef root) {
    InvolvedKinds involved = new InvolvedKinds(store, registry);
    involved.kinds.add(GroupKind.EVENT);
    Set<ObjectRef> shown = new LinkedHashSet<>();
    shown.addAll(involved.walk(root, true));
    shown.addAll(involved.walk(root, false));
    involved.judge(shown);
    return involved.kinds;
  }

  /**
   * The kinds a query about an object of this kind involves once that object is read, known before any object is
   * read: Events, the kind, what may link to it, what its analyzers read and what Kubernetes' controllers create
   * owned for it ({@link #of} adds these for the root). A live source reads them in its first round rather than one
   * round after the root.
   */
  static Set<GroupKind> ofRoot(AnalyzerRegistry registry, GroupKind kind) {
    Set<GroupKind> kinds = new LinkedHashSet<>();
    kinds.add(GroupKind.EVENT);
    kinds.addAll(around(registry, kind));
    // What the root's analyzers read and what its controller creates are judged once read, so what their analyzers
    // read and what may link to them are involved as soon as one such object exists: expected now rather than
    // found one round later (a Deployment's pods read ConfigMaps and Nodes, Services select them). One step only:
    // further kinds (a PersistentVolumeClaim's volume) wait until an object asks for them.
    for (GroupKind judged : judgedWith(registry, kind)) {
      kinds.addAll(around(registry, judged));
    }
    return kinds;
  }

  /** The kind, what may link to it, what its analyzers read and what its controller creates. */
  private static Set<GroupKind> around(AnalyzerRegistry registry, GroupKind kind) {
    Set<GroupKind> kinds = new LinkedHashSet<>();
    kinds.add(kind);
    kinds.addAll(registry.linkersOf(kind));
    kinds.addAll(judgedWith(registry, kind));
    return kinds;
  }

  /** What its analyzers read and what its controller creates: judged with an object of this kind. */
  private static Set<GroupKind> judgedWith(AnalyzerRegistry registry, GroupKind kind) {
    Set<GroupKind> kinds = new LinkedHashSet<>(registry.readsOf(kind));
    kinds.addAll(BUILT_IN_CHILDREN.getOrDefault(kind, Set.of()));
    return kinds;
  }

  /** The explainer's tree one way from the root: every object it may show. */
  private Set<ObjectRef> walk(ObjectRef root, boolean upstream) {
    Set<ObjectRef> seen = new HashSet<>();
    Deque<ObjectRef> todo = new ArrayDeque<>();
    todo.add(root.key());
    seen.add(root.key());
    while (!todo.isEmpty()) {
      ObjectRef ref = todo.poll();
      kinds.add(ref.groupKind());
      kinds.addAll(registry.linkersOf(ref.groupKind()));
      if (!upstream && store.entry(ref).isPresent()) {
        if (ownsUnknownKinds(ref)) {
          kinds.addAll(registry.declaredKinds());
        }
        kinds.addAll(BUILT_IN_CHILDREN.getOrDefault(ref.groupKind(), Set.of()));
      }
      Collection<Edge> in = store.edgesTo(ref, upstream ? FROM_UPSTREAM : TO_UPSTREAM);
      Collection<Edge> out = store.edgesFrom(ref, upstream ? TO_UPSTREAM : FROM_UPSTREAM);
      for (Edge edge : in) {
        if (seen.add(edge.from().key())) {
          todo.add(edge.from().key());
        }
      }
      for (Edge edge : out) {
        if (seen.add(edge.to().key())) {
          todo.add(edge.to().key());
        }
      }
    }
    return seen;
  }

  /**
   * What Kubernetes' own controllers create, owned, for the built-in workload kinds: shown downstream whatever the
   * kind's analyzers declare (a plug-in's catch-all analyzer judging a Deployment by its worst child need not name
   * ReplicaSets), as the explainer's tree shows owned children. The revisions of StatefulSets and DaemonSets are
   * ControllerRevisions, which the explainer reads for "what changed".
   */
  static final java.util.Map<GroupKind, Set<GroupKind>> BUILT_IN_CHILDREN = java.util.Map.of(
      GroupKind.DEPLOYMENT, Set.of(GroupKind.REPLICA_SET),
      GroupKind.REPLICA_SET, Set.of(GroupKind.POD),
      GroupKind.STATEFUL_SET, Set.of(GroupKind.POD, GroupKind.CONTROLLER_REVISION),
      GroupKind.DAEMON_SET, Set.of(GroupKind.POD, GroupKind.CONTROLLER_REVISION),
      GroupKind.JOB, Set.of(GroupKind.POD),
      GroupKind.CRON_JOB, Set.of(GroupKind.JOB));

  /**
   * A custom resource is often an operator's parent object, and its owned children may be of any kind: its
   * analyzer (the generic fallback, or a plug-in) need not name them among what it reads. So when one is shown
   * downstream, every kind some analyzer knows is watched. Built-in kinds own what their controllers create
   * ({@link #BUILT_IN_CHILDREN}), whatever their analyzers declare.
   */
  private boolean ownsUnknownKinds(ObjectRef ref) {
    return !isBuiltIn(ref.groupKind()) && store.entry(ref).isPresent();
  }

  /** Kinds of the Kubernetes API groups themselves: core, apps, batch, ..., *.k8s.io. */
  static boolean isBuiltIn(GroupKind kind) {
    String group = kind.group();
    return kind.isCore() || group.endsWith(".k8s.io") || BUILT_IN_GROUPS.contains(group);
  }

  private static final Set<String> BUILT_IN_GROUPS = Set.of("apps", "batch", "autoscaling", "policy", "extensions");

  /** Everything the shown objects' verdicts are made of: outgoing edges, transitively, and what analyzers read. */
  private void judge(Set<ObjectRef> shown) {
    Set<ObjectRef> seen = new HashSet<>(shown);
    Deque<ObjectRef> todo = new ArrayDeque<>(shown);
    while (!todo.isEmpty()) {
      ObjectRef ref = todo.poll();
      kinds.add(ref.groupKind());
      kinds.addAll(registry.readsOf(ref.groupKind()));
      for (Edge edge : store.edgesFrom(ref)) {
        if (seen.add(edge.to().key())) {
          todo.add(edge.to().key());
        }
      }
    }
  }
}
