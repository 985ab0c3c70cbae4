package dev.blame.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.BlameTree;
import dev.blame.api.EdgeKind;
import dev.blame.api.Explanation;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Selector;
import dev.blame.api.Verdict;
import dev.blame.api.WaitOutcome;
import dev.blame.api.WaitResult;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.KindSelector;
import dev.blame.api.spi.Link;
import dev.blame.core.testing.ChildrenAnalyzer;
import dev.blame.testkit.WaitingContainersAnalyzer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The live source through an in-memory {@link ClusterPort}: which kinds a query watches, in which order, and
 * what happens when a watch stops for good.
 */
class ClusterSourceTest {

  /** Serves every kind, delivers nothing until told, and remembers the listeners to fail them later. */
  static class FakePort implements ClusterPort {
    // The LISTs of one round start in parallel: what the port records must be thread-safe.
    final Map<GroupKind, WatchListener> listeners = new java.util.concurrent.ConcurrentHashMap<>();
    final List<GroupKind> closed = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public Optional<ApiResource> resolve(GroupKind kind) {
      return Optional.of(new ApiResource(kind, "v1", kind.kind().toLowerCase() + "s", true));
    }

    @Override
    public AutoCloseable watch(ApiResource resource, String namespace, WatchListener listener) {
      listeners.put(resource.kind(), listener);
      return () -> closed.add(resource.kind());
    }

    @Override
    public void close() {}
  }

  @Test
  void aWatchThatStopsMarksItsKindAndWhatDependsOnItInsteadOfFailingSilently() {
    FakePort port = new FakePort();
    GraphEngine engine = new GraphEngine(AnalyzerRegistry.create(List.of(new WaitingContainersAnalyzer(),
        new ChildrenAnalyzer() {
          @Override
          public Set<GroupKind> reads() {
            return Set.of(GroupKind.POD);
          }
        }), false, getClass().getClassLoader()), Clock.systemUTC());
    ClusterSource source = new ClusterSource(port, "demo", Set.of());
    new DefaultBlame(engine, source).findings();
    port.listeners.get(GroupKind.REPLICA_SET).upserted(new ReplicaSetBuilder().withNewMetadata().withName("rs")
        .withNamespace("demo").withUid("rs-uid").endMetadata().build());
    port.listeners.get(GroupKind.POD).upserted(new PodBuilder().withNewMetadata().withName("p").withNamespace("demo")
        .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName("rs").withUid("rs-uid")
        .withController(true).endOwnerReference().endMetadata().build());
    ObjectRef rs = ObjectRef.of(GroupKind.REPLICA_SET, "demo", "rs");
    assertThat(engine.read(v -> v.verdict(rs)).orElseThrow().health()).isEqualTo(Health.HEALTHY);

    port.listeners.get(GroupKind.POD).failed(GroupKind.POD, new IllegalStateException("410 Gone, relist refused"));

    assertThat(engine.read(v -> v.verdict(rs)).orElseThrow().findings()).anySatisfy(f -> {
      assertThat(f.reason()).isEqualTo(ReasonCode.WATCH_STOPPED);
      assertThat(f.health()).isEqualTo(Health.UNKNOWN);
      assertThat(f.message()).contains("the watch of Pod stopped (410 Gone, relist refused)")
          .endsWith("this verdict may be incomplete");
    });
    assertThat(source.watchedKinds()).doesNotContain(GroupKind.POD).contains(GroupKind.REPLICA_SET);
    source.close();
    assertThat(port.closed).contains(GroupKind.REPLICA_SET, GroupKind.EVENT);
  }

  @Test
  void theListsOfOneRoundRunInParallel() {
    // Each watch returns only once all four of the round have started: run one after the other, the first would
    // wait in vain (and fail after 20 s).
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(4);
    java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    FakePort port = new FakePort() {
      @Override
      public AutoCloseable watch(ApiResource resource, String namespace, WatchListener listener) {
        threads.add(Thread.currentThread().getName());
        started.countDown();
        try {
          if (!started.await(20, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("the LISTs of a round ran one after the other");
          }
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        return super.watch(resource, namespace, listener);
      }
    };
    GraphEngine engine = engine(new WaitingContainersAnalyzer());
    ClusterSource source = new ClusterSource(port, "demo", Set.of(GroupKind.POD, GroupKind.REPLICA_SET,
        GroupKind.DEPLOYMENT, GroupKind.SERVICE));
    DefaultBlame blame = new DefaultBlame(engine, source);
    assertThat(source.watchedKinds()).containsExactlyInAnyOrder(GroupKind.POD, GroupKind.REPLICA_SET,
        GroupKind.DEPLOYMENT, GroupKind.SERVICE);
    assertThat(threads).hasSize(4);
    blame.close();
    assertThat(port.closed).hasSize(4);
  }

  @Test
  void aFailureReportedWhileClosingIsIgnored() {
    FakePort port = new FakePort();
    GraphEngine engine = new GraphEngine(AnalyzerRegistry.create(List.of(new WaitingContainersAnalyzer()), false,
        getClass().getClassLoader()), Clock.systemUTC());
    ClusterSource source = new ClusterSource(port, "demo", Set.of());
    new DefaultBlame(engine, source).findings();
    source.close();
    port.listeners.get(GroupKind.POD).failed(GroupKind.POD, new IllegalStateException("closed"));
    Explanation why = engine.readStore(store -> Explainer.explain(engine, store, ObjectRef.of(GroupKind.POD, "demo", "x"),
        Clock.systemUTC().instant()));
    assertThat(why.causes()).extracting(BlameTree::verdict).extracting(v -> v.health()).isEqualTo(Health.MISSING);
  }

  /** Serves the objects it is given: a watch delivers those of its kind before it returns, as a LIST does. */
  static final class SeededPort implements ClusterPort {
    final Map<GroupKind, List<HasMetadata>> objects = new HashMap<>();
    final List<GroupKind> watched = java.util.Collections.synchronizedList(new ArrayList<>());

    SeededPort add(HasMetadata... more) {
      for (HasMetadata object : more) {
        objects.computeIfAbsent(ObjectRef.from(object).groupKind(), k -> new ArrayList<>()).add(object);
      }
      return this;
    }

    @Override
    public Optional<ApiResource> resolve(GroupKind kind) {
      return Optional.of(new ApiResource(kind, "v1", kind.kind().toLowerCase() + "s", true));
    }

    @Override
    public AutoCloseable watch(ApiResource resource, String namespace, WatchListener listener) {
      watched.add(resource.kind());
      objects.getOrDefault(resource.kind(), List.of()).forEach(listener::upserted);
      return () -> {};
    }

    @Override
    public void close() {}
  }

  static final GroupKind INGRESS = GroupKind.of("networking.k8s.io", "Ingress");
  static final GroupKind SLICE = GroupKind.of("discovery.k8s.io", "EndpointSlice");

  /** Selects the pods labelled app=NAME, and reads EndpointSlices. */
  static final class Selects implements Analyzer {
    @Override
    public String id() {
      return "test.Selects";
    }

    @Override
    public KindSelector kinds() {
      return KindSelector.of(GroupKind.SERVICE);
    }

    @Override
    public Set<GroupKind> reads() {
      return Set.of(GroupKind.POD, SLICE);
    }

    @Override
    public List<Link> links(Node node) {
      return List.of(Link.select(EdgeKind.SELECTS, GroupKind.POD, node.ref().namespace(),
          Selector.of(Map.of("app", node.ref().name()))));
    }

    @Override
    public Verdict analyze(AnalysisContext context) {
      return Verdict.of(Health.HEALTHY, ReconcileStatus.CURRENT, "");
    }
  }

  /** Routes to the Service with its own name; reads Services (and so, by default, may link to them). */
  static final class Routes implements Analyzer {
    @Override
    public String id() {
      return "test.Routes";
    }

    @Override
    public KindSelector kinds() {
      return KindSelector.of(INGRESS);
    }

    @Override
    public Set<GroupKind> reads() {
      return Set.of(GroupKind.SERVICE);
    }

    @Override
    public List<Link> links(Node node) {
      return List.of(Link.to(EdgeKind.ROUTES_TO, ObjectRef.of(GroupKind.SERVICE, node.ref().namespace(),
          node.ref().name())));
    }

    @Override
    public Verdict analyze(AnalysisContext context) {
      return Verdict.of(Health.HEALTHY, ReconcileStatus.CURRENT, "");
    }
  }

  /** Handles StatefulSets and reads ConfigMaps: neither is involved below. */
  static final class Unrelated implements Analyzer {
    @Override
    public String id() {
      return "test.Unrelated";
    }

    @Override
    public KindSelector kinds() {
      return KindSelector.of(GroupKind.STATEFUL_SET);
    }

    @Override
    public Set<GroupKind> reads() {
      return Set.of(GroupKind.CONFIG_MAP);
    }

    @Override
    public Verdict analyze(AnalysisContext context) {
      return Verdict.of(Health.HEALTHY, ReconcileStatus.CURRENT, "");
    }
  }

  /** A catch-all analyzer, as a plug-in may have: as healthy as the worst owned child, declaring no reads. */
  static final class WorstChild implements Analyzer {
    @Override
    public String id() {
      return "test.WorstChild";
    }

    @Override
    public KindSelector kinds() {
      return KindSelector.any();
    }

    @Override
    public Verdict analyze(AnalysisContext context) {
      Health worst = Health.HEALTHY;
      for (Node child : context.graph().targets(context.node().ref(), EdgeKind.OWNS)) {
        Health health = context.graph().verdict(child.ref()).map(Verdict::health).orElse(Health.UNKNOWN);
        worst = health.isWorseThan(worst) ? health : worst;
      }
      return Verdict.of(worst, ReconcileStatus.CURRENT, "");
    }
  }

  static SeededPort web() {
    return new SeededPort().add(
        new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("demo").withUid("d-uid")
            .endMetadata().build(),
        new ReplicaSetBuilder().withNewMetadata().withName("web-1").withNamespace("demo").withUid("rs-uid")
            .addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment").withName("web")
            .withUid("d-uid").withController(true).endOwnerReference().endMetadata().build(),
        new PodBuilder().withNewMetadata().withName("web-1-a").withNamespace("demo").withUid("p-uid")
            .addToLabels("app", "web").addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet")
            .withName("web-1").withUid("rs-uid").withController(true).endOwnerReference().endMetadata()
            .withNewStatus().addNewContainerStatus().withName("main").withNewState().withNewWaiting()
            .withReason("CrashLoopBackOff").endWaiting().endState().endContainerStatus().endStatus().build(),
        new ServiceBuilder().withNewMetadata().withName("web").withNamespace("demo").endMetadata().build(),
        new ServiceBuilder().withNewMetadata().withName("other").withNamespace("demo").endMetadata().build(),
        new GenericKubernetesResourceBuilder().withApiVersion("networking.k8s.io/v1").withKind("Ingress")
            .withNewMetadata().withName("web").withNamespace("demo").endMetadata().build());
  }

  static GraphEngine engine(Analyzer... analyzers) {
    return new GraphEngine(AnalyzerRegistry.create(List.of(analyzers), false,
        ClusterSourceTest.class.getClassLoader()), Clock.systemUTC());
  }

  @Test
  void aQueryWatchesTheKindsItInvolvesUntilNoNewOneComesUpAndJudgesOnlyThen() {
    SeededPort port = web();
    GraphEngine engine = engine(new WaitingContainersAnalyzer(), new ChildrenAnalyzer(), new Selects(), new Routes(),
        new Unrelated());
    ClusterSource source = new ClusterSource(port, "demo", Set.of());
    DefaultBlame blame = new DefaultBlame(engine, source);
    assertThat(port.watched).isEmpty();
    ObjectRef deployment = ObjectRef.of(GroupKind.DEPLOYMENT, "demo", "web");

    // The Deployment, then what it reads (its ReplicaSets and their pods), then what may point at a shown pod.
    // The Deployment was listed before its ReplicaSets, yet the first answer already judges it by its pod.
    assertThat(blame.verdict(deployment).orElseThrow().health()).isEqualTo(Health.DEGRADED);
    // The first round is Events, the Deployment, what its analyzers read and what may link to those, known from
    // the registry before any object is read (InvolvedKinds.ofRoot; listed in parallel, so in any order).
    // ChildrenAnalyzer judges Deployments and reads ReplicaSets and Pods; Services may select Pods: five kinds,
    // started in any order, in one round.
    assertThat(port.watched.subList(0, 5)).containsExactlyInAnyOrder(GroupKind.EVENT, GroupKind.DEPLOYMENT,
        GroupKind.REPLICA_SET, GroupKind.POD, GroupKind.SERVICE);
    assertThat(port.watched).containsExactlyInAnyOrder(GroupKind.EVENT, GroupKind.DEPLOYMENT,
        GroupKind.REPLICA_SET, GroupKind.POD, GroupKind.SERVICE);

    // A pod's causes include the Service selecting it and the Ingress routing there: Services are shown
    // upstream of the pod, so what may link to a Service is watched, and what the Service reads.
    Explanation why = blame.explain(ObjectRef.of(GroupKind.POD, "demo", "web-1-a"));
    assertThat(port.watched).containsExactlyInAnyOrder(GroupKind.EVENT, GroupKind.DEPLOYMENT,
        GroupKind.REPLICA_SET, GroupKind.POD, GroupKind.SERVICE, INGRESS, SLICE);
    List<ObjectRef> causes = new ArrayList<>();
    why.causes().forEach(t -> causes.add(t.ref().key()));
    assertThat(causes).contains(ObjectRef.of(GroupKind.SERVICE, "demo", "web"), ObjectRef.of(INGRESS, "demo", "web"),
        deployment).doesNotContain(ObjectRef.of(GroupKind.SERVICE, "demo", "other"));

    // Asking again starts nothing; a namespace-wide query watches the rest.
    blame.explain(ObjectRef.of(GroupKind.POD, "demo", "web-1-a"));
    assertThat(port.watched).hasSize(7);
    blame.findings();
    assertThat(port.watched).hasSize(9).contains(GroupKind.STATEFUL_SET, GroupKind.CONFIG_MAP);
    blame.close();
  }

  @Test
  void aOneShotQueryListsTheKindsToObserveAndWhatItsRootInvolvesInItsFirstRound() {
    SeededPort port = web();
    GraphEngine engine = engine(new WaitingContainersAnalyzer(), new ChildrenAnalyzer(), new Selects(), new Routes(),
        new Unrelated());
    ClusterSource source = new ClusterSource(port, "demo", Set.of(GroupKind.CONTROLLER_REVISION), true);
    DefaultBlame blame = new DefaultBlame(engine, source);
    // Nothing is listed before the first query: the kinds to observe go with its first round.
    assertThat(port.watched).isEmpty();
    ObjectRef deployment = ObjectRef.of(GroupKind.DEPLOYMENT, "demo", "web");
    assertThat(blame.verdict(deployment).orElseThrow().health()).isEqualTo(Health.DEGRADED);

    // First round: the observed kind, Events, the Deployment and what its analyzers read (its ReplicaSets):
    // known before any object is read. A round ends before the next starts, so it is a prefix of the LISTs.
    Set<GroupKind> first = new java.util.LinkedHashSet<>(List.of(GroupKind.CONTROLLER_REVISION));
    first.addAll(InvolvedKinds.ofRoot(engine.registry(), GroupKind.DEPLOYMENT));
    assertThat(first).contains(GroupKind.EVENT, GroupKind.DEPLOYMENT, GroupKind.REPLICA_SET);
    assertThat(port.watched.subList(0, first.size())).containsExactlyInAnyOrderElementsOf(first);
    // Then what the objects read involve, each kind listed once; nothing unrelated.
    assertThat(port.watched).doesNotHaveDuplicates().containsExactlyInAnyOrder(GroupKind.CONTROLLER_REVISION,
        GroupKind.EVENT, GroupKind.DEPLOYMENT, GroupKind.REPLICA_SET, GroupKind.POD, GroupKind.SERVICE);
    blame.close();
  }

  @Test
  void aOneShotQueryAnalyzesEachObjectOnceAndJudgesAsAWatchingSourceDoes() {
    // A pod's query takes rounds: its first lists the pod's kind and what it involves before any object is read,
    // the next what its Services bring (Ingresses, EndpointSlices). Every kind of every round is in the graph
    // before anything is analyzed, so each object is analyzed once: as many analyses as objects.
    ObjectRef pod = ObjectRef.of(GroupKind.POD, "demo", "web-1-a");
    SeededPort port = web();
    GraphEngine engine = engine(new WaitingContainersAnalyzer(), new ChildrenAnalyzer(), new Selects(), new Routes(),
        new Unrelated());
    DefaultBlame blame = new DefaultBlame(engine, new ClusterSource(port, "demo",
        Set.of(GroupKind.CONTROLLER_REVISION), true));
    Explanation oneShot = blame.explain(pod);
    assertThat(port.watched).contains(INGRESS, SLICE);
    int objects = engine.readStore(GraphStore::size);
    assertThat(objects).isGreaterThanOrEqualTo(6);
    assertThat(engine.analysisCount()).isEqualTo(objects);

    // The same verdicts, and the same explanation, as a source that applies each kind as it arrives.
    SeededPort watchedPort = web();
    GraphEngine watching = engine(new WaitingContainersAnalyzer(), new ChildrenAnalyzer(), new Selects(),
        new Routes(), new Unrelated());
    DefaultBlame incremental = new DefaultBlame(watching, new ClusterSource(watchedPort, "demo",
        Set.of(GroupKind.CONTROLLER_REVISION)));
    Explanation watched = incremental.explain(pod);
    assertThat(watching.analysisCount()).isGreaterThan(objects);
    assertThat(verdicts(engine)).isEqualTo(verdicts(watching)).hasSize(objects);
    assertThat(shown(oneShot)).isEqualTo(shown(watched));
    blame.close();
    incremental.close();
  }

  /** What an explanation shows, but the moment it was made at. */
  private static List<Object> shown(Explanation why) {
    return List.of(why.verdict(), why.causes(), why.effects(), why.findings(), why.culprits(), why.timeline());
  }

  private static Map<ObjectRef, Verdict> verdicts(GraphEngine engine) {
    return engine.readStore(store -> {
      Map<ObjectRef, Verdict> verdicts = new HashMap<>();
      for (GroupKind kind : store.kinds()) {
        for (ObjectRef ref : store.keysOf(kind)) {
          verdicts.put(ref, store.verdict(ref).orElseThrow());
        }
      }
      return verdicts;
    });
  }

  @Test
  void aCatchAllAnalyzerJudgesABuiltInWorkloadWithTheChildrenItsControllerCreates() {
    // A plug-in's catch-all analyzer judging a Deployment by its worst child declares no reads: one-shot, the
    // Deployment's ReplicaSets (what the Deployment controller creates) and then their pods are listed anyway.
    SeededPort port = web();
    GraphEngine engine = engine(new WaitingContainersAnalyzer(), new WorstChild());
    DefaultBlame blame = new DefaultBlame(engine, new ClusterSource(port, "demo", Set.of(), true));
    ObjectRef deployment = ObjectRef.of(GroupKind.DEPLOYMENT, "demo", "web");
    assertThat(blame.verdict(deployment).orElseThrow().health()).isEqualTo(Health.DEGRADED);
    assertThat(port.watched).doesNotHaveDuplicates().contains(GroupKind.REPLICA_SET, GroupKind.POD);
    blame.close();
  }

  @Test
  void anOwnerKindListedAfterItsChildrenStillReportsTheMissingOwner() {
    // The pod is listed first; its owner's kind only when the owner chain is followed, and holds nothing.
    SeededPort port = new SeededPort().add(new PodBuilder().withNewMetadata().withName("p").withNamespace("demo")
        .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName("gone").withUid("g")
        .withController(true).endOwnerReference().endMetadata().build());
    GraphEngine engine = engine(new WaitingContainersAnalyzer());
    DefaultBlame blame = new DefaultBlame(engine, new ClusterSource(port, "demo", Set.of()));
    ObjectRef pod = ObjectRef.of(GroupKind.POD, "demo", "p");
    assertThat(blame.verdict(pod).orElseThrow().findings()).extracting(f -> f.reason())
        .contains(ReasonCode.OWNER_NOT_FOUND);
    assertThat(port.watched).containsExactlyInAnyOrder(GroupKind.EVENT, GroupKind.POD, GroupKind.REPLICA_SET);
    blame.close();
  }

  @Test
  void aCustomResourceShowsItsChildrenOfAnyKnownKind() {
    GroupKind database = GroupKind.of("example.dev", "Database");
    SeededPort port = new SeededPort().add(
        new GenericKubernetesResourceBuilder().withApiVersion("example.dev/v1").withKind("Database")
            .withNewMetadata().withName("db").withNamespace("demo").withUid("db-uid").endMetadata().build(),
        new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder().withNewMetadata().withName("db")
            .withNamespace("demo").addNewOwnerReference().withApiVersion("example.dev/v1").withKind("Database")
            .withName("db").withUid("db-uid").withController(true).endOwnerReference().endMetadata().build());
    // No analyzer names Databases, and none reads StatefulSets: only ownership relates the two.
    DefaultBlame blame = new DefaultBlame(engine(new WaitingContainersAnalyzer(), new Unrelated()),
        new ClusterSource(port, "demo", Set.of()));
    Explanation why = blame.explain(ObjectRef.of(database, "demo", "db"));
    assertThat(why.effects().children()).extracting(t -> t.ref().key())
        .containsExactly(ObjectRef.of(GroupKind.STATEFUL_SET, "demo", "db"));
    blame.close();
  }

  @Test
  void aWaitDecidesOnlyOnceTheKindsItInvolvesAreListed() {
    // Before the Deployment's ReplicaSets and pods are listed, it looks healthy and done; a wait must not say
    // COMPLETE from that: its first snapshot comes after the fixpoint, and sees the crash-looping pod.
    SeededPort port = web();
    DefaultBlame blame = new DefaultBlame(engine(new WaitingContainersAnalyzer(), new ChildrenAnalyzer()),
        new ClusterSource(port, "demo", Set.of()));
    WaitResult result = blame.waitFor(List.of(ObjectRef.of(GroupKind.DEPLOYMENT, "demo", "web")))
        .timeout(java.time.Duration.ZERO).await();
    assertThat(result.outcome()).isEqualTo(WaitOutcome.FAILED);
    assertThat(result.culprits()).extracting(f -> f.subject().name()).containsExactly("web-1-a");
    blame.close();
  }
}
