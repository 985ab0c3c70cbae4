package dev.blame.analyzers.testing;

import dev.blame.api.Edge;
import dev.blame.api.EdgeKind;
import dev.blame.api.EventRecord;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.GraphView;
import dev.blame.api.spi.Link;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A test-only stand-in for the engine's graph, just enough to unit-test analyzers until blame-core lands:
 * resolves the analyzers' links and owner references into edges, attaches core Events, and computes verdicts
 * on demand (targets first), merging analyzers of one kind as the SPI describes. Not an engine: no live
 * updates, no fallback ordering beyond "wildcard only where nothing specific runs".
 */
public final class FakeGraph implements GraphView {

  private final Map<ObjectRef, Node> nodes = new TreeMap<>();
  private final List<Analyzer> analyzers;
  private final Set<GroupKind> observed = new HashSet<>();
  private final Set<Edge> edges = new TreeSet<>();
  private final Map<ObjectRef, List<EventRecord>> events = new HashMap<>();
  private final Map<ObjectRef, Verdict> verdicts = new HashMap<>();
  private final Set<ObjectRef> inProgress = new HashSet<>();
  private final Instant now;

  public FakeGraph(Collection<? extends HasMetadata> objects, Collection<GroupKind> alsoObserved,
      List<Analyzer> analyzers, Instant now) {
    this.analyzers = analyzers;
    this.now = now;
    observed.addAll(alsoObserved);
    for (HasMetadata o : objects) {
      if (o instanceof Event e) {
        addEvent(e);
        continue;
      }
      Node node = Node.of(o);
      nodes.put(node.ref().key(), node);
      observed.add(node.ref().groupKind());
    }
    for (Node node : nodes.values()) {
      for (OwnerReference owner : node.ownerReferences()) {
        edges.add(Edge.of(ObjectRef.of(owner.getApiVersion(), owner.getKind(), node.ref().namespace(),
            owner.getName()).key(), EdgeKind.OWNS, node.ref().key()));
      }
      for (Analyzer a : analyzersFor(node.ref().groupKind())) {
        for (Link link : a.links(node)) {
          resolve(node.ref().key(), link);
        }
      }
    }
  }

  private void resolve(ObjectRef from, Link link) {
    if (link.target().isPresent()) {
      edges.add(Edge.of(from, link.kind(), link.target().get().key()));
      return;
    }
    for (Node n : list(link.targetKind().orElseThrow(), link.namespace())) {
      if (link.selector().orElseThrow().matches(n.labels())) {
        edges.add(Edge.of(from, link.kind(), n.ref().key()));
      }
    }
  }

  private void addEvent(Event e) {
    var io = e.getInvolvedObject();
    ObjectRef regarding = ObjectRef.of(io.getApiVersion() == null ? "v1" : io.getApiVersion(), io.getKind(),
        io.getNamespace(), io.getName()).key();
    EventRecord record = EventRecord.builder().ref(ObjectRef.from(e).key()).regarding(regarding)
        .type(e.getType() == null ? "Normal" : e.getType()).reason(e.getReason())
        .message(e.getMessage() == null ? "" : e.getMessage()).count(e.getCount() == null ? 1 : e.getCount())
        .lastTime(Node.parseTime(e.getLastTimestamp())).firstTime(Node.parseTime(e.getFirstTimestamp()))
        .build();
    events.computeIfAbsent(regarding, k -> new ArrayList<>()).add(record);
    events.get(regarding).sort(EventRecord.NEWEST_FIRST);
  }

  public List<Analyzer> analyzersFor(GroupKind kind) {
    List<Analyzer> specific = analyzers.stream().filter(a -> !a.kinds().wildcard() && a.kinds().matches(kind)).toList();
    return specific.isEmpty() ? analyzers.stream().filter(a -> a.kinds().wildcard()).toList() : specific;
  }

  /** The verdict of an object in the graph, analyzing the targets of its outgoing edges first. */
  public Verdict analyze(ObjectRef ref) {
    ObjectRef key = ref.key();
    Verdict cached = verdicts.get(key);
    if (cached != null) {
      return cached;
    }
    Node node = node(key).orElseThrow(() -> new IllegalArgumentException("no " + key + " in the fixture"));
    inProgress.add(key);
    for (Edge e : edgesFrom(key)) {
      if (nodes.containsKey(e.to()) && !inProgress.contains(e.to())) {
        analyze(e.to());
      }
    }
    Verdict merged = null;
    for (Analyzer a : analyzersFor(key.groupKind())) {
      Verdict v = a.analyze(context(node));
      merged = merged == null ? v : Verdict.builder().from(merged).health(Health.worst(merged.health(), v.health()))
          .status(ReconcileStatus.worst(merged.status(), v.status()))
          .message(merged.message().isEmpty() ? v.message() : merged.message())
          .addAllFindings(v.findings()).build();
    }
    Verdict result = merged == null ? Verdict.of(Health.UNKNOWN, ReconcileStatus.UNKNOWN, "no analyzer") : merged;
    inProgress.remove(key);
    verdicts.put(key, result);
    return result;
  }

  public AnalysisContext context(Node node) {
    GraphView graph = this;
    return new AnalysisContext() {
      @Override
      public Node node() {
        return node;
      }

      @Override
      public Instant now() {
        return now;
      }

      @Override
      public GraphView graph() {
        return graph;
      }
    };
  }

  @Override
  public Optional<Node> node(ObjectRef ref) {
    return Optional.ofNullable(nodes.get(ref.key()));
  }

  @Override
  public Optional<Node> nodeByUid(String uid) {
    return nodes.values().stream().filter(n -> n.ref().uid().equals(Optional.of(uid))).findFirst();
  }

  @Override
  public List<Edge> edgesFrom(ObjectRef ref) {
    return edges.stream().filter(e -> e.from().equals(ref.key())).toList();
  }

  @Override
  public List<Edge> edgesTo(ObjectRef ref) {
    return edges.stream().filter(e -> e.to().equals(ref.key())).toList();
  }

  @Override
  public List<Node> targets(ObjectRef from, EdgeKind kind) {
    return edgesFrom(from).stream().filter(e -> e.kind() == kind).map(e -> nodes.get(e.to()))
        .filter(java.util.Objects::nonNull).toList();
  }

  @Override
  public List<Node> sources(ObjectRef to, EdgeKind kind) {
    return edgesTo(to).stream().filter(e -> e.kind() == kind).map(e -> nodes.get(e.from()))
        .filter(java.util.Objects::nonNull).toList();
  }

  @Override
  public List<EventRecord> events(ObjectRef ref) {
    return events.getOrDefault(ref.key(), List.of());
  }

  @Override
  public Optional<Verdict> verdict(ObjectRef ref) {
    return Optional.ofNullable(verdicts.get(ref.key()));
  }

  @Override
  public List<Node> list(GroupKind kind, String namespace) {
    return nodes.values().stream().filter(n -> n.ref().groupKind().equals(kind))
        .filter(n -> namespace.isEmpty() || n.ref().namespace().equals(namespace)).toList();
  }

  @Override
  public boolean observes(GroupKind kind) {
    return observed.contains(kind);
  }
}
