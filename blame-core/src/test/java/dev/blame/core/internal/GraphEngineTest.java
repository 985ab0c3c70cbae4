package dev.blame.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Edge;
import dev.blame.api.EdgeKind;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Selector;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.KindSelector;
import dev.blame.api.spi.Link;
import dev.blame.core.testing.ChildrenAnalyzer;
import dev.blame.testkit.WaitingContainersAnalyzer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Incremental analysis and link resolution, observed through the engine's own counters. */
class GraphEngineTest {

  static final int PODS = 200;

  /** Services select pods by label and report how many they select; pods name a ConfigMap. */
  static final class ServiceAnalyzer implements Analyzer {
    @Override
    public String id() {
      return "test.Service";
    }

    @Override
    public KindSelector kinds() {
      return KindSelector.of(GroupKind.SERVICE);
    }

    @Override
    public List<Link> links(Node node) {
      Service service = node.as(Service.class).orElseThrow();
      return List.of(Link.select(EdgeKind.SELECTS, GroupKind.POD, node.ref().namespace(),
          Selector.of(service.getSpec().getSelector())));
    }

    @Override
    public Verdict analyze(AnalysisContext context) {
      int selected = context.graph().targets(context.node().ref(), EdgeKind.SELECTS).size();
      return Verdict.of(selected == 0 ? Health.DEGRADED : Health.HEALTHY, ReconcileStatus.CURRENT,
          selected + " pods");
    }
  }

  static final class PodConfigAnalyzer implements Analyzer {
    @Override
    public String id() {
      return "test.PodConfig";
    }

    @Override
    public KindSelector kinds() {
      return KindSelector.of(GroupKind.POD);
    }

    @Override
    public List<Link> links(Node node) {
      String config = node.annotations().get("config");
      return config == null ? List.of()
          : List.of(Link.to(EdgeKind.REFERENCES, ObjectRef.of(GroupKind.CONFIG_MAP, node.ref().namespace(), config)));
    }

    @Override
    public Verdict analyze(AnalysisContext context) {
      for (Edge edge : context.graph().edgesFrom(context.node().ref())) {
        if (edge.kind() == EdgeKind.REFERENCES && context.graph().node(edge.to()).isEmpty()) {
          return Verdict.unknown(context.node().ref(), ReasonCode.of("ConfigMissing"), edge.to().display() + " missing");
        }
      }
      return Verdict.of(Health.HEALTHY, ReconcileStatus.CURRENT, "");
    }
  }

  private GraphEngine engine;

  @BeforeEach
  void setUp() {
    engine = new GraphEngine(AnalyzerRegistry.create(List.of(new WaitingContainersAnalyzer(), new ChildrenAnalyzer(),
        new ServiceAnalyzer(), new PodConfigAnalyzer()), false, getClass().getClassLoader()), Clock.systemUTC());
    engine.observe(List.of(GroupKind.POD, GroupKind.REPLICA_SET, GroupKind.SERVICE, GroupKind.CONFIG_MAP));
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(new ReplicaSetBuilder().withNewMetadata().withName("rs").withNamespace("ns").withUid("rs-uid")
        .endMetadata().build());
    objects.add(new ServiceBuilder().withNewMetadata().withName("web").withNamespace("ns").endMetadata()
        .withNewSpec().withSelector(Map.of("app", "web")).endSpec().build());
    for (int i = 0; i < PODS; i++) {
      objects.add(pod("p" + i, Map.of("app", i % 2 == 0 ? "web" : "db")));
    }
    engine.apply(objects.stream().map(engine.ingest()::change).collect(Collectors.toList()));
  }

  private static Pod pod(String name, Map<String, String> labels) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace("ns").withLabels(labels)
        .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName("rs").withUid("rs-uid")
        .withController(true).endOwnerReference().endMetadata().build();
  }

  private List<Node> sources(ObjectRef ref, EdgeKind kind) {
    return engine.<List<Node>>read(view -> view.sources(ref, kind));
  }

  private List<Edge> edgesFrom(ObjectRef ref) {
    return engine.<List<Edge>>read(view -> view.edgesFrom(ref));
  }

  private Verdict verdict(ObjectRef ref) {
    return engine.read(view -> view.verdict(ref)).orElseThrow();
  }

  @Test
  void aFullLoadAnalyzesEachObjectOnceWithChildrenFirst() {
    assertThat(engine.analysisCount()).isEqualTo(PODS + 2);
    assertThat(verdict(ObjectRef.of(GroupKind.SERVICE, "ns", "web")).message()).isEqualTo(PODS / 2 + " pods");
  }

  @Test
  void anUpdateReanalyzesOnlyTheObjectAndWhatConsumesIt() {
    long before = engine.analysisCount();
    Pod crashing = new PodBuilder(pod("p0", Map.of("app", "web"))).withNewStatus().addNewContainerStatus()
        .withName("main").withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
        .endContainerStatus().endStatus().build();
    engine.apply(List.of(engine.ingest().change(crashing)));

    // The pod, then its ReplicaSet and the Service selecting it: not the other 199 pods.
    assertThat(engine.analysisCount() - before).isEqualTo(3);
    assertThat(verdict(ObjectRef.of(GroupKind.REPLICA_SET, "ns", "rs")).health()).isEqualTo(Health.DEGRADED);
  }

  @Test
  void selectorEdgesFollowLabelChanges() {
    ObjectRef web = ObjectRef.of(GroupKind.SERVICE, "ns", "web");
    ObjectRef p1 = ObjectRef.of(GroupKind.POD, "ns", "p1");
    assertThat(sources(p1, EdgeKind.SELECTS)).isEmpty();

    engine.apply(List.of(engine.ingest().change(pod("p1", Map.of("app", "web")))));
    assertThat(sources(p1, EdgeKind.SELECTS)).extracting(Node::ref).containsExactly(web);
    assertThat(verdict(web).message()).isEqualTo(PODS / 2 + 1 + " pods");

    engine.apply(List.of(engine.ingest().change(pod("p1", Map.of("app", "db"))), engine.ingest().change(pod("p0", Map.of()))));
    assertThat(verdict(web).message()).isEqualTo(PODS / 2 - 1 + " pods");
  }

  @Test
  void byNameLinksResolveWhenTheTargetAppearsAndDisappears() {
    Pod withConfig = new PodBuilder(pod("p2", Map.of("app", "web"))).editMetadata()
        .addToAnnotations("config", "settings").endMetadata().build();
    engine.apply(List.of(engine.ingest().change(withConfig)));
    ObjectRef p2 = ObjectRef.of(GroupKind.POD, "ns", "p2");
    ObjectRef settings = ObjectRef.of(GroupKind.CONFIG_MAP, "ns", "settings");
    assertThat(edgesFrom(p2)).contains(Edge.of(p2, EdgeKind.REFERENCES, settings));
    assertThat(verdict(p2).health()).isEqualTo(Health.UNKNOWN);

    engine.apply(List.of(engine.ingest().change(new ConfigMapBuilder().withNewMetadata().withName("settings")
        .withNamespace("ns").endMetadata().build())));
    assertThat(verdict(p2).health()).isEqualTo(Health.HEALTHY);
    assertThat(sources(settings, EdgeKind.REFERENCES)).extracting(Node::ref).containsExactly(p2);

    engine.apply(List.of(GraphEngine.Change.delete(settings)));
    assertThat(verdict(p2).health()).isEqualTo(Health.UNKNOWN);
  }

  @Test
  void deletingAnOwnerReportsItsChildrenAsOrphans() {
    engine.apply(List.of(GraphEngine.Change.delete(ObjectRef.of(GroupKind.REPLICA_SET, "ns", "rs"))));
    assertThat(verdict(ObjectRef.of(GroupKind.POD, "ns", "p3")).findings())
        .extracting(f -> f.reason()).containsExactly(ReasonCode.OWNER_NOT_FOUND);
  }

  @Test
  void anOwnersChildrenFollowAddsAndRemovalsBetweenStatusUpdates() {
    ObjectRef rs = ObjectRef.of(GroupKind.REPLICA_SET, "ns", "rs");
    Pod crashing = new PodBuilder(pod("p200", Map.of("app", "web"))).withNewStatus().addNewContainerStatus()
        .withName("main").withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
        .endContainerStatus().endStatus().build();
    // A status update first, so that the ReplicaSet's children are found and kept...
    engine.apply(List.of(engine.ingest().change(pod("p4", Map.of("app", "web")))));
    assertThat(engine.<Integer>read(view -> view.targets(rs, EdgeKind.OWNS).size())).isEqualTo(PODS);
    // ...then a child added: the ReplicaSet sees it.
    engine.apply(List.of(engine.ingest().change(crashing)));
    assertThat(engine.<Integer>read(view -> view.targets(rs, EdgeKind.OWNS).size())).isEqualTo(PODS + 1);
    assertThat(verdict(rs).health()).isEqualTo(Health.DEGRADED);
    // And removed.
    engine.apply(List.of(GraphEngine.Change.delete(ObjectRef.of(GroupKind.POD, "ns", "p200"))));
    assertThat(engine.<Integer>read(view -> view.targets(rs, EdgeKind.OWNS).size())).isEqualTo(PODS);
    assertThat(verdict(rs).health()).isEqualTo(Health.HEALTHY);
  }

  /** Links from an annotation, asked for again only when the annotation changes. */
  static final class CountingLinks implements Analyzer {
    int calls;

    @Override
    public String id() {
      return "test.CountingLinks";
    }

    @Override
    public KindSelector kinds() {
      return KindSelector.of(GroupKind.POD);
    }

    @Override
    public List<Link> links(Node node) {
      calls++;
      return List.of(Link.to(EdgeKind.REFERENCES,
          ObjectRef.of(GroupKind.CONFIG_MAP, node.ref().namespace(), node.annotations().get("config"))));
    }

    @Override
    public java.util.Optional<?> linksOf(Node node) {
      return java.util.Optional.ofNullable(node.annotations().get("config"));
    }

    @Override
    public Verdict analyze(AnalysisContext context) {
      return Verdict.of(Health.HEALTHY, ReconcileStatus.CURRENT, "");
    }
  }

  @Test
  void linksAreKeptWhileWhatTheyAreReadFromIsUnchanged() {
    CountingLinks counting = new CountingLinks();
    GraphEngine own = new GraphEngine(AnalyzerRegistry.create(List.of(counting), false,
        getClass().getClassLoader()), Clock.systemUTC());
    ObjectRef p = ObjectRef.of(GroupKind.POD, "ns", "p");
    java.util.function.Function<String, Pod> version = config -> new PodBuilder().withNewMetadata().withName("p")
        .withNamespace("ns").addToAnnotations("config", config).endMetadata().withNewStatus()
        .withPhase("Running").endStatus().build();
    own.apply(List.of(own.ingest().change(version.apply("a"))));
    Pod statusUpdate = new PodBuilder(version.apply("a")).editStatus().withPhase("Failed").endStatus().build();
    own.apply(List.of(own.ingest().change(statusUpdate)));
    assertThat(counting.calls).isEqualTo(1);
    assertThat(own.<List<Edge>>read(view -> view.edgesFrom(p)))
        .containsExactly(Edge.of(p, EdgeKind.REFERENCES, ObjectRef.of(GroupKind.CONFIG_MAP, "ns", "a")));

    own.apply(List.of(own.ingest().change(version.apply("b"))));
    assertThat(counting.calls).isEqualTo(2);
    assertThat(own.<List<Edge>>read(view -> view.edgesFrom(p)))
        .containsExactly(Edge.of(p, EdgeKind.REFERENCES, ObjectRef.of(GroupKind.CONFIG_MAP, "ns", "b")));
  }
}
