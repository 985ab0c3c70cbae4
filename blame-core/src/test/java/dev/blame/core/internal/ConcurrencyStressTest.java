package dev.blame.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Explanation;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.core.testing.ChildrenAnalyzer;
import dev.blame.testkit.WaitingContainersAnalyzer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Queries racing a stream of watch updates see whole batches: every update flips which of two pods is
 * crashing in one batch, so at any moment exactly one of them crashes, and the ReplicaSet's verdict always
 * agrees with its pods'.
 */
@Timeout(60)
class ConcurrencyStressTest {

  static final Duration RUN = Duration.ofSeconds(3);
  static final ObjectRef RS = ObjectRef.of(GroupKind.REPLICA_SET, "ns", "rs");
  static final ObjectRef A = ObjectRef.of(GroupKind.POD, "ns", "a");
  static final ObjectRef B = ObjectRef.of(GroupKind.POD, "ns", "b");

  @Test
  void queriesSeeWholeBatchesWhileThousandsOfUpdatesArrive() throws Exception {
    GraphEngine engine = new GraphEngine(AnalyzerRegistry.create(
        List.of(new WaitingContainersAnalyzer(), new ChildrenAnalyzer()), false, getClass().getClassLoader()),
        Clock.systemUTC());
    engine.apply(List.of(engine.ingest().change(new ReplicaSetBuilder().withNewMetadata().withName("rs").withNamespace("ns")
        .withUid("rs-uid").endMetadata().build()), engine.ingest().change(pod("a", true)), engine.ingest().change(pod("b", false))));

    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong updates = new AtomicLong();
    AtomicLong queries = new AtomicLong();
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      Future<?> writer = threads.submit(() -> {
        boolean aCrashes = true;
        while (!stop.get()) {
          aCrashes = !aCrashes;
          engine.apply(List.of(engine.ingest().change(pod("a", aCrashes)), engine.ingest().change(pod("b", !aCrashes))));
          updates.addAndGet(2);
        }
      });
      List<Future<?>> readers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        readers.add(threads.submit(() -> {
          while (!stop.get()) {
            Explanation why = engine.readStore(store -> Explainer.explain(engine, store, RS, Clock.systemUTC().instant()));
            Health a = why.effects().find(A).orElseThrow().verdict().health();
            Health b = why.effects().find(B).orElseThrow().verdict().health();
            assertThat(a == Health.DEGRADED ^ b == Health.DEGRADED)
                .as("exactly one pod crashes in every snapshot (a=%s, b=%s)", a, b).isTrue();
            assertThat(why.health()).isEqualTo(Health.DEGRADED);
            assertThat(why.culprits()).hasSize(1);
            queries.incrementAndGet();
          }
          return null;
        }));
      }
      Thread.sleep(RUN.toMillis());
      stop.set(true);
      writer.get();
      for (Future<?> reader : readers) {
        reader.get();
      }
    } finally {
      stop.set(true);
      threads.shutdownNow();
    }
    double seconds = RUN.toMillis() / 1000.0;
    System.out.printf("stress: %d updates (%.0f/s) and %d consistent queries (%.0f/s)%n",
        updates.get(), updates.get() / seconds, queries.get(), queries.get() / seconds);
    // Throughput is measured by the benchmarks, not asserted here; this test only needs a real race.
    assertThat(updates.get()).as("updates applied").isGreaterThan(50);
    assertThat(queries.get()).as("queries answered").isGreaterThan(50);
  }

  private static Pod pod(String name, boolean crashing) {
    PodBuilder pod = new PodBuilder().withNewMetadata().withName(name).withNamespace("ns")
        .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName("rs").withUid("rs-uid")
        .withController(true).endOwnerReference().endMetadata();
    if (crashing) {
      pod.withNewStatus().addNewContainerStatus().withName("main").withNewState().withNewWaiting()
          .withReason("CrashLoopBackOff").endWaiting().endState().endContainerStatus().endStatus();
    }
    return pod.build();
  }
}
