package dev.blame.core.internal;

import dev.blame.api.Activity;
import dev.blame.api.BlameTree;
import dev.blame.api.Edge;
import dev.blame.api.EdgeKind;
import dev.blame.api.Escape;
import dev.blame.api.Explanation;
import dev.blame.api.EventRecord;
import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.RevisionDiff;
import dev.blame.api.TimelineEntry;
import dev.blame.api.Verdict;
import dev.blame.api.spi.ActivityFacet;
import dev.blame.api.spi.GraphView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an {@link Explanation} from the store: the cause tree (upstream), the effect tree (downstream),
 * every finding on them, and the culprits. Runs under the read lock; touches only the neighbourhood of the
 * target, bounded by {@link #MAX_DEPTH} and {@link #MAX_NODES}.
 */
final class Explainer {

  private static final Logger LOG = LoggerFactory.getLogger(Explainer.class);
  static final int MAX_DEPTH = 8;
  static final int MAX_NODES = 1_000;

  private final GraphStore store;
  private final AnalyzerRegistry registry;
  private final GraphView view;
  private final boolean envValues;
  private int budget = MAX_NODES;
  private final Set<ObjectRef> expanded = new HashSet<>();

  private Explainer(GraphStore store, AnalyzerRegistry registry, GraphView view, boolean envValues) {
    this.store = store;
    this.registry = registry;
    this.view = view;
    this.envValues = envValues;
  }

  /**
   * Under the engine's read lock, with its store; revision diffs show literal env values only when the engine
   * was built to ({@code showEnvValues}).
   */
  static Explanation explain(GraphEngine engine, GraphStore store, ObjectRef target, Instant now) {
    return new Explainer(store, engine.registry(), engine.view(), engine.showEnvValues()).build(target, now);
  }

  private Explanation build(ObjectRef target, Instant now) {
    boolean found = store.entry(target).isPresent();
    BlameTree causes = tree(target, Optional.empty(), true, new LinkedHashSet<>(), 0);
    expanded.clear();
    BlameTree effects = tree(target, Optional.empty(), false, new LinkedHashSet<>(), 0);
    Set<Finding> findings = new LinkedHashSet<>();
    causes.forEach(t -> findings.addAll(t.verdict().findings()));
    effects.forEach(t -> findings.addAll(t.verdict().findings()));
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Finding.WORST_FIRST);
    List<Finding> culprits = culprits(causes, effects);
    Provenance provenance = new Provenance(store, registry, view, envValues);
    Optional<RevisionDiff> diff = provenance.revisionDiff(target, culprits);
    return Explanation.builder()
        .target(store.node(target).map(n -> n.ref()).orElse(target))
        .found(found)
        .verdict(causes.verdict())
        .causes(causes)
        .effects(effects)
        .findings(sorted)
        .culprits(culprits)
        .at(now)
        .revisionDiff(diff)
        .injections(provenance.injections(target, culprits))
        .timeline(timeline(causes, effects, diff))
        .fieldChanges(FieldChanges.of(store, culprits))
        .build();
  }

  private List<TimelineEntry> timeline(BlameTree causes, BlameTree effects, Optional<RevisionDiff> diff) {
    Map<ObjectRef, Node> nodes = new LinkedHashMap<>();
    List<EventRecord> events = new ArrayList<>();
    for (BlameTree tree : List.of(causes, effects)) {
      tree.forEach(t -> {
        if (t.node().isPresent() && nodes.putIfAbsent(t.ref().key(), t.node().get()) == null) {
          events.addAll(t.events());
        }
      });
    }
    return Timeline.of(nodes.values(), events, diff);
  }

  private BlameTree tree(
      ObjectRef ref, Optional<EdgeKind> via, boolean upstream, Set<ObjectRef> path, int depth) {
    budget--;
    Optional<Entry> entry = store.entry(ref);
    var node = BlameTree.builder()
        .ref(entry.map(e -> e.node.ref()).orElse(ref))
        .via(via)
        .node(entry.map(e -> e.node))
        .verdict(entry.map(this::withActivities).orElseGet(() -> absent(ref)))
        .events(EventRecord.fold(store.events(ref)));
    if (entry.isEmpty()) {
      return node.build();
    }
    List<Edge> next = upstream ? upstreamEdges(ref) : downstreamEdges(ref);
    if (next.isEmpty()) {
      return node.build();
    }
    if (depth >= MAX_DEPTH || budget <= 0 || !expanded.add(ref.key())) {
      return node.truncated(true).build();
    }
    path.add(ref.key());
    for (Edge edge : next) {
      ObjectRef other = upstream ? edge.upstream() : edge.downstream();
      if (path.contains(other.key())) {
        node.truncated(true);
        continue;
      }
      if (budget <= 0) {
        node.truncated(true);
        break;
      }
      node.addChild(tree(other, Optional.of(edge.kind()), upstream, path, depth + 1));
    }
    path.remove(ref.key());
    return node.build();
  }

  /** Edge kinds whose {@code from} end is upstream (owners, selectors), and the others (dependencies). */
  private static final Set<EdgeKind> FROM_UPSTREAM = EnumSet.noneOf(EdgeKind.class);
  private static final Set<EdgeKind> TO_UPSTREAM = EnumSet.noneOf(EdgeKind.class);

  static {
    for (EdgeKind kind : EdgeKind.values()) {
      (kind.fromIsUpstream() ? FROM_UPSTREAM : TO_UPSTREAM).add(kind);
    }
  }

  private List<Edge> upstreamEdges(ObjectRef ref) {
    List<Edge> edges = new ArrayList<>(store.edgesTo(ref, FROM_UPSTREAM));
    edges.addAll(store.edgesFrom(ref, TO_UPSTREAM));
    return edges;
  }

  private List<Edge> downstreamEdges(ObjectRef ref) {
    List<Edge> edges = new ArrayList<>(store.edgesFrom(ref, FROM_UPSTREAM));
    edges.addAll(store.edgesTo(ref, TO_UPSTREAM));
    return edges;
  }

  /** The verdict, with the activities the activity facets read off the graph when the analyzers reported none. */
  private Verdict withActivities(Entry entry) {
    if (!entry.verdict.activities().isEmpty()) {
      return entry.verdict;
    }
    List<ActivityFacet> facets = registry.facets(ActivityFacet.class, entry.node.ref().groupKind());
    if (facets.isEmpty()) {
      return entry.verdict;
    }
    List<Activity> derived = new ArrayList<>();
    for (ActivityFacet facet : facets) {
      try {
        derived.addAll(facet.activities(entry.node, view));
      } catch (RuntimeException e) {
        LOG.warn("Activity facet {} failed on {}, going on without it: {}", facet.getClass().getName(),
            Escape.terminal(entry.node.ref().display()), Escape.terminal(e.toString()));
      }
    }
    return derived.isEmpty() ? entry.verdict : Verdict.builder().from(entry.verdict).activities(derived).build();
  }

  /**
   * The objects of {@code target}'s effect tree (itself and what it owns or drives, as far as an explanation
   * goes), without building the rest of an explanation: what a wait re-analyzes once per tick.
   */
  static List<ObjectRef> effects(GraphEngine engine, GraphStore store, ObjectRef target) {
    List<ObjectRef> refs = new ArrayList<>();
    new Explainer(store, engine.registry(), engine.view(), false).tree(target, Optional.empty(), false, new LinkedHashSet<>(), 0)
        .forEach(t -> t.node().ifPresent(n -> refs.add(t.ref())));
    return refs;
  }

  /** An object's verdict as an explanation shows it (with what its controller is doing): no tree is built. */
  static Verdict verdict(GraphEngine engine, GraphStore store, Entry entry) {
    return new Explainer(store, engine.registry(), engine.view(), false).withActivities(entry);
  }

  /** The verdict of a referenced object that is not in the graph. */
  private Verdict absent(ObjectRef ref) {
    if (store.observes(ref.groupKind())) {
      return Verdict.builder()
          .health(Health.MISSING)
          .status(ReconcileStatus.NOT_FOUND)
          .message(ref.display() + " not found")
          .addFinding(Finding.of(ref, Health.MISSING, ReasonCode.NOT_FOUND, ref.display() + " not found"))
          .build();
    }
    Optional<GraphStore.Unreadable> unreadable = store.unreadableReason(ref.groupKind());
    if (unreadable.isPresent()) {
      return Verdict.unknown(ref, unreadable.get().reason(),
          ref.display() + " cannot be read: " + unreadable.get().message());
    }
    return Verdict.unknown(ref, ReasonCode.NOT_OBSERVED,
        ref.display() + " is referenced but objects of kind " + ref.groupKind() + " are not observed");
  }

  /**
   * The deepest blamable objects of the effect tree (at the worst health among them), plus blamable or missing
   * dependencies of the target and of those objects; the target itself when nothing below explains it.
   *
   * <p>The ranking rule: only evidence of a failure blames. An object merely in progress (PROGRESSING) is never a
   * culprit, nor a healthy or suspended one; an object the graph does not hold is never a deepest effect (its
   * driver's own finding names it, or its kind is not observed and it says nothing), and an absent dependency is
   * blamed only when its kind is observed (MISSING), never when it is not observed or cannot be read; among culprits of one health, findings that carry evidence come
   * before those that carry none, and an object's own findings before those lifted from others; and a finding lifted
   * from another culprit is dropped, the other's own evidence being more specific.
   */
  private List<Finding> culprits(BlameTree causes, BlameTree effects) {
    Health targetHealth = causes.verdict().health();
    if (!blamable(targetHealth)) {
      return List.of();
    }
    List<BlameTree> deepest = new ArrayList<>();
    for (BlameTree child : effects.children()) {
      collectDeepest(child, deepest);
    }
    Health worst = deepest.stream().map(t -> t.verdict().health()).reduce(Health.HEALTHY, Health::worst);
    Map<ObjectRef, Verdict> culprits = new LinkedHashMap<>();
    for (BlameTree t : deepest) {
      if (t.verdict().health() == worst) {
        culprits.put(t.ref(), t.verdict());
      }
    }
    if (culprits.isEmpty()) {
      culprits.put(causes.ref(), causes.verdict());
    }
    List<ObjectRef> dependents = new ArrayList<>(culprits.keySet());
    dependents.add(causes.ref());
    Map<ObjectRef, Verdict> dependencies = new LinkedHashMap<>();
    for (ObjectRef dependent : dependents) {
      for (Edge edge : store.edgesFrom(dependent, TO_UPSTREAM)) {
        Verdict verdict = store.verdict(edge.to()).orElseGet(() -> absent(edge.to()));
        if (blamable(verdict.health()) && verdict.health() != Health.UNKNOWN && !culprits.containsKey(edge.to())) {
          dependencies.putIfAbsent(edge.to(), verdict);
        }
      }
    }
    // The failing objects first, then what they depend on that fails too (a refused ReplicaSet, then its quota),
    // each group worst first; a dependency worse than every failing object leads.
    List<Finding> first = findingsOf(culprits);
    List<Finding> then = findingsOf(dependencies);
    if (!then.isEmpty() && !first.isEmpty() && then.get(0).health().isWorseThan(first.get(0).health())) {
      List<Finding> swap = first;
      first = then;
      then = swap;
    }
    first.addAll(then);
    Set<ObjectRef> blamed = new HashSet<>();
    first.forEach(f -> blamed.add(f.subject().key()));
    // A finding lifted from another culprit (its evidence all read from that object) says nothing the other's own
    // findings do not: the pod "on a node that is not Ready" when the node's own finding is there.
    first.removeIf(f -> lifted(f) && f.evidence().stream().allMatch(e -> blamed.contains(e.source().get().key())));
    return first;
  }

  private List<Finding> findingsOf(Map<ObjectRef, Verdict> culprits) {
    List<Finding> findings = new ArrayList<>();
    culprits.forEach((ref, verdict) -> {
      for (Finding f : verdict.findings()) {
        if (f.subject().equals(ref) && f.health() == verdict.health() && blamable(f.health())) {
          findings.add(f);
        }
      }
    });
    findings.sort(culpritOrder());
    return findings;
  }

  /**
   * Worst first; then present before not observed (a finding about an object the graph holds, with evidence,
   * before one about an object it does not); then specific before generic (an object's own evidence before a
   * finding lifted from its children, whose evidence all points elsewhere); then, among objects of one kind, the
   * newest first (the pod of the latest revision, the replacement a node rejected last: what the owner's own finding
   * names), not the first by name; then {@link Finding#WORST_FIRST}.
   */
  private Comparator<Finding> culpritOrder() {
    return Comparator.comparing(Finding::health).reversed()
        .thenComparing(f -> !present(f))
        .thenComparing(Explainer::lifted)
        .thenComparing(f -> f.subject().groupKind())
        .thenComparing(this::created, Comparator.reverseOrder())
        .thenComparing(Finding.WORST_FIRST);
  }

  /** When the finding's object was created; the epoch when the graph does not hold it or it carries no time. */
  private Instant created(Finding f) {
    return store.node(f.subject()).flatMap(Node::createdAt).orElse(Instant.EPOCH);
  }

  private boolean present(Finding f) {
    return store.entry(f.subject()).isPresent() && !f.evidence().isEmpty();
  }

  private static boolean lifted(Finding f) {
    return !f.evidence().isEmpty() && f.evidence().stream()
        .allMatch(e -> e.source().filter(s -> !s.equals(f.subject().key())).isPresent());
  }

  /**
   * The deepest blamable objects under {@code tree} in the effect tree. An object the graph does not hold is never
   * one: absent downstream of what drives it (the scale target of an autoscaler, the Endpoints of a Service), it is
   * its driver's own finding that says so, with the evidence ({@code ScaleTargetNotFound}); or its kind is not
   * observed and it says nothing at all.
   */
  private void collectDeepest(BlameTree tree, List<BlameTree> out) {
    if (!failing(tree.verdict().health()) || tree.node().isEmpty()) {
      return;
    }
    int before = out.size();
    for (BlameTree child : tree.children()) {
      collectDeepest(child, out);
    }
    // A failure of its own (a refused FailedCreate) that nothing below is as bad as: the children are its effect.
    Health below = out.subList(before, out.size()).stream().map(t -> t.verdict().health())
        .reduce(Health.HEALTHY, Health::worst);
    if ((out.size() == before || tree.verdict().health().isWorseThan(below) && ownFailure(tree))
        && blamable(tree.verdict().health())) {
      out.add(tree);
    }
  }

  /** Health that is evidence of a failure, not of work in progress: UNKNOWN, MISSING or DEGRADED. */
  private static boolean blamable(Health health) {
    return health.isWorseThan(Health.PROGRESSING);
  }

  /** A finding about the object itself, at its health, not lifted from a child. */
  private static boolean ownFailure(BlameTree tree) {
    return tree.verdict().findings().stream().anyMatch(f -> f.subject().equals(tree.ref())
        && f.health() == tree.verdict().health() && !f.reason().equals(ReasonCode.CHILD_FAILING)
        && f.evidence().stream().noneMatch(e -> e.source().filter(s -> tree.find(s).isPresent()
            && !s.equals(tree.ref())).isPresent()));
  }

  private static boolean failing(Health health) {
    return health != Health.HEALTHY && health != Health.SUSPENDED;
  }
}
