package dev.blame.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.BlameTree;
import dev.blame.api.Explanation;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.core.testing.ChildrenAnalyzer;
import dev.blame.core.testing.ContainerStateAnalyzer;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The live source through an in-memory {@link ClusterPort}: what happens when a watch stops for good. */
class ClusterSourceTest {

  /** Serves every kind, delivers nothing until told, and remembers the listeners to fail them later. */
  static final class FakePort implements ClusterPort {
    final Map<GroupKind, WatchListener> listeners = new HashMap<>();
    final List<GroupKind> closed = new ArrayList<>();

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
    GraphEngine engine = new GraphEngine(AnalyzerRegistry.create(List.of(new ContainerStateAnalyzer(),
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
  void aFailureReportedWhileClosingIsIgnored() {
    FakePort port = new FakePort();
    GraphEngine engine = new GraphEngine(AnalyzerRegistry.create(List.of(new ContainerStateAnalyzer()), false,
        getClass().getClassLoader()), Clock.systemUTC());
    ClusterSource source = new ClusterSource(port, "demo", Set.of());
    new DefaultBlame(engine, source).findings();
    source.close();
    port.listeners.get(GroupKind.POD).failed(GroupKind.POD, new IllegalStateException("closed"));
    Explanation why = engine.readStore(store -> Explainer.explain(store, ObjectRef.of(GroupKind.POD, "demo", "x"),
        Clock.systemUTC().instant()));
    assertThat(why.causes()).extracting(BlameTree::verdict).extracting(v -> v.health()).isEqualTo(Health.MISSING);
  }
}
