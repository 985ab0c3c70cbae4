package dev.blame.analyzers.workload;

import dev.blame.api.Edge;
import dev.blame.api.EdgeKind;
import dev.blame.api.EventRecord;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.GraphView;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test-only stand-in for the engine's graph, just enough to unit-test analyzers until blame-core's engine
 * lands: OWNS edges from ownerReferences, core v1 Events attached to their involved object, and verdicts
 * computed on first read (children before owners, as the engine guarantees).
 */
final class FakeGraph implements GraphView {

  private final Map<ObjectRef, Node> nodes = new LinkedHashMap<>();
  private final Map<ObjectRef, List<EventRecord>> events = new HashMap<>();
  private final List<Edge> edges = new ArrayList<>();
  private final Map<ObjectRef, Verdict> verdicts = new HashMap<>();
  private final List<Analyzer> analyzers;
  private final Instant now;

  FakeGraph(List<HasMetadata> objects, List<Analyzer> analyzers, Instant now) {
    this.analyzers = analyzers;
    this.now = now;
    for (HasMetadata o : objects) {
      if (o instanceof Event e) {
        EventRecord record = toRecord(e);
        events.computeIfAbsent(record.regarding().key(), k -> new ArrayList<>()).add(record);
      } else {
        Node node = Node.of(o);
        nodes.put(node.ref().key(), node);
      }
    }
    events.values().forEach(list -> list.sort(EventRecord.NEWEST_FIRST));
    for (Node child : nodes.values()) {
      for (OwnerReference owner : child.ownerReferences()) {
        ObjectRef ref = ObjectRef.of(owner.getApiVersion(), owner.getKind(), child.ref().namespace(),
            owner.getName()).key();
        edges.add(Edge.of(ref, EdgeKind.OWNS, child.ref().key()));
      }
    }
  }

  Verdict analyze(ObjectRef ref) {
    return verdict(ref).orElseThrow(() -> new IllegalArgumentException("no node " + ref));
  }

  Optional<Node> first(GroupKind kind) {
    return nodes.values().stream().filter(n -> n.ref().groupKind().equals(kind)).findFirst();
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
    return edges.stream().filter(e -> e.from().equals(ref.key())).sorted().toList();
  }

  @Override
  public List<Edge> edgesTo(ObjectRef ref) {
    return edges.stream().filter(e -> e.to().equals(ref.key())).sorted().toList();
  }

  @Override
  public List<Node> targets(ObjectRef from, EdgeKind kind) {
    return edgesFrom(from).stream().filter(e -> e.kind() == kind).map(e -> nodes.get(e.to()))
        .filter(n -> n != null).toList();
  }

  @Override
  public List<Node> sources(ObjectRef to, EdgeKind kind) {
    return edgesTo(to).stream().filter(e -> e.kind() == kind).map(e -> nodes.get(e.from()))
        .filter(n -> n != null).toList();
  }

  @Override
  public List<EventRecord> events(ObjectRef ref) {
    return events.getOrDefault(ref.key(), List.of());
  }

  @Override
  public Optional<Verdict> verdict(ObjectRef ref) {
    Node node = nodes.get(ref.key());
    if (node == null) {
      return Optional.empty();
    }
    Verdict cached = verdicts.get(node.ref().key());
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Analyzer> analyzer = analyzers.stream().filter(a -> a.kinds().matches(node.ref().groupKind()))
        .findFirst();
    if (analyzer.isEmpty()) {
      return Optional.empty();
    }
    Verdict verdict = analyzer.get().analyze(new AnalysisContext() {
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
        return FakeGraph.this;
      }
    });
    verdicts.put(node.ref().key(), verdict);
    return Optional.of(verdict);
  }

  @Override
  public List<Node> list(GroupKind kind, String namespace) {
    return nodes.values().stream().filter(n -> n.ref().groupKind().equals(kind))
        .filter(n -> namespace.isEmpty() || n.ref().namespace().equals(namespace))
        .sorted(Comparator.comparing(n -> n.ref().name())).toList();
  }

  @Override
  public boolean observes(GroupKind kind) {
    return nodes.values().stream().anyMatch(n -> n.ref().groupKind().equals(kind));
  }

  private static EventRecord toRecord(Event e) {
    var involved = e.getInvolvedObject();
    return EventRecord.builder()
        .ref(ObjectRef.from(e))
        .regarding(ObjectRef.of(involved.getApiVersion() == null ? "v1" : involved.getApiVersion(),
            involved.getKind(), involved.getNamespace(), involved.getName()))
        .type(e.getType() == null ? "Normal" : e.getType())
        .reason(e.getReason())
        .message(e.getMessage() == null ? "" : e.getMessage())
        .count(e.getCount() == null ? 1 : e.getCount())
        .firstTime(Node.parseTime(e.getFirstTimestamp()))
        .lastTime(Node.parseTime(e.getLastTimestamp()))
        .source(e.getSource() == null || e.getSource().getComponent() == null ? "" : e.getSource().getComponent())
        .build();
  }
}
