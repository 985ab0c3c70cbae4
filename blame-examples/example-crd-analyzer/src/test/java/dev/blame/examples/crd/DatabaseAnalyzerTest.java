package dev.blame.examples.crd;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class DatabaseAnalyzerTest {

  private static final String DATABASE = """
      apiVersion: example.dev/v1
      kind: Database
      metadata:
        name: orders
        namespace: shop
        generation: 2
      spec:
        engine: postgres
        replicas: 3
      status:
        observedGeneration: 2
        phase: Ready
        readyReplicas: 1
      """;

  /** The SPI's rule: analyzers naming the kind run; wildcard ones only when none does. */
  private static List<Analyzer> runFor(GroupKind kind) {
    List<Analyzer> all = ServiceLoader.load(Analyzer.class).stream().map(ServiceLoader.Provider::get).toList();
    List<Analyzer> specific = all.stream().filter(a -> !a.kinds().wildcard() && a.kinds().matches(kind)).toList();
    return specific.isEmpty() ? all.stream().filter(a -> a.kinds().wildcard()).toList() : specific;
  }

  @Test
  void isDiscoveredAndWinsOverTheGenericFallbackForDatabases() {
    assertThat(runFor(DatabaseAnalyzer.DATABASE)).extracting(Analyzer::id).containsExactly("example.Database");
    assertThat(runFor(GroupKind.of("example.dev", "Cache"))).extracting(Analyzer::id).containsExactly("blame.Generic");
  }

  @Test
  void readyPhaseWithTooFewReplicasIsStillProgressing() {
    Node node = Node.of(parse(DATABASE));
    Verdict ours = new DatabaseAnalyzer().analyze(context(node));
    assertThat(ours.health()).isEqualTo(Health.PROGRESSING);
    assertThat(ours.status()).isEqualTo(ReconcileStatus.IN_PROGRESS);
    assertThat(ours.findings()).singleElement().satisfies(f -> {
      assertThat(f.reason()).isEqualTo(DatabaseAnalyzer.REPLICAS_NOT_READY);
      assertThat(f.message()).isEqualTo("1 of 3 database replicas ready");
      assertThat(f.evidence()).isNotEmpty();
    });
    // The generic fallback only sees status.phase Ready: the specific analyzer knows better.
    Analyzer generic = runFor(GroupKind.of("example.dev", "Cache")).get(0);
    assertThat(generic.analyze(context(node)).health()).isEqualTo(Health.HEALTHY);
  }

  @Test
  void failedPhaseIsDegradedWithTheControllersMessage() {
    Node node = Node.of(parse(DATABASE.replace("phase: Ready", "phase: Failed\n  message: volume quota exceeded")));
    Verdict verdict = new DatabaseAnalyzer().analyze(context(node));
    assertThat(verdict.health()).isEqualTo(Health.DEGRADED);
    assertThat(verdict.findings()).singleElement().satisfies(f -> {
      assertThat(f.reason()).isEqualTo(DatabaseAnalyzer.PROVISIONING_FAILED);
      assertThat(f.message()).contains("volume quota exceeded");
    });
  }

  @Test
  void allReplicasReadyIsHealthy() {
    Node node = Node.of(parse(DATABASE.replace("readyReplicas: 1", "readyReplicas: 3")));
    Verdict verdict = new DatabaseAnalyzer().analyze(context(node));
    assertThat(verdict.health()).isEqualTo(Health.HEALTHY);
    assertThat(verdict.findings()).isEmpty();
  }

  private static HasMetadata parse(String yaml) {
    return new KubernetesSerialization().unmarshal(yaml, HasMetadata.class);
  }

  /** A context with an empty neighbourhood: a Database alone. */
  private static AnalysisContext context(Node node) {
    GraphView empty = new GraphView() {
      @Override public Optional<Node> node(ObjectRef ref) { return Optional.empty(); }
      @Override public Optional<Node> nodeByUid(String uid) { return Optional.empty(); }
      @Override public List<Edge> edgesFrom(ObjectRef ref) { return List.of(); }
      @Override public List<Edge> edgesTo(ObjectRef ref) { return List.of(); }
      @Override public List<Node> targets(ObjectRef from, EdgeKind kind) { return List.of(); }
      @Override public List<Node> sources(ObjectRef to, EdgeKind kind) { return List.of(); }
      @Override public List<EventRecord> events(ObjectRef ref) { return List.of(); }
      @Override public Optional<Verdict> verdict(ObjectRef ref) { return Optional.empty(); }
      @Override public List<Node> list(GroupKind kind, String namespace) { return List.of(); }
      @Override public boolean observes(GroupKind kind) { return false; }
    };
    return new AnalysisContext() {
      @Override public Node node() { return node; }
      @Override public Instant now() { return Instant.parse("2025-06-01T12:00:00Z"); }
      @Override public GraphView graph() { return empty; }
    };
  }
}
