package dev.blame.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Blame;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.api.RolloutWait;
import dev.blame.api.WaitOutcome;
import dev.blame.api.WaitResult;
import dev.blame.api.WaitState;
import dev.blame.core.testing.ChildrenAnalyzer;
import dev.blame.testkit.WaitingContainersAnalyzer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Waiting for a rollout against the CRUD mock server: done, doomed, or out of time. */
@EnableKubernetesMockClient(crud = true)
@Timeout(60)
class RolloutWaitTest {

  static final String NS = "demo";
  static final ObjectRef RS = ObjectRef.of(GroupKind.REPLICA_SET, NS, "web-1");

  KubernetesClient client;

  private Blame live() {
    return BlameEngine.builder().client(client).namespace(NS).discoverAnalyzers(false)
        .addAnalyzer(new WaitingContainersAnalyzer()).addAnalyzer(new ChildrenAnalyzer()).build();
  }

  private Pod createPodOf(ReplicaSet rs) {
    return client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("web-1-a")
        .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName("web-1")
        .withUid(rs.getMetadata().getUid()).withController(true).endOwnerReference().endMetadata().build()).create();
  }

  private ReplicaSet createReplicaSet() {
    return client.apps().replicaSets().inNamespace(NS).resource(new ReplicaSetBuilder()
        .withNewMetadata().withName("web-1").endMetadata().build()).create();
  }

  @Test
  void completesWhenEverythingIsCurrentAndHealthy() {
    createPodOf(createReplicaSet());
    try (Blame blame = live()) {
      List<List<WaitState>> progress = new CopyOnWriteArrayList<>();
      WaitResult result = blame.waitFor(List.of(RS)).timeout(Duration.ofSeconds(10)).onProgress(progress::add).await();
      assertThat(result.outcome()).isEqualTo(WaitOutcome.COMPLETE);
      assertThat(result.states()).extracting(WaitState::phase).containsExactly(WaitState.Phase.DONE);
      assertThat(result.culprits()).isEmpty();
      assertThat(progress).isNotEmpty();
    }
  }

  @Test
  void failsTheMomentAPodIsDoomedAndNamesIt() throws Exception {
    Pod pod = createPodOf(createReplicaSet());
    try (Blame blame = live()) {
      long[] writtenAt = new long[1];
      CompletableFuture<Void> crash = CompletableFuture.runAsync(() -> {
        sleep(300);
        writtenAt[0] = System.nanoTime();
        client.pods().inNamespace(NS).resource(new PodBuilder(pod).editStatus().addNewContainerStatus()
            .withName("main").withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
            .endContainerStatus().endStatus().build()).updateStatus();
      });
      // The pod is created healthy, so the wait would complete at once: wait for a pod that is not there yet
      // instead, then see the crash of the existing one fail the wait through its ReplicaSet.
      ObjectRef missing = ObjectRef.of(GroupKind.POD, NS, "web-1-b");
      WaitResult result = blame.waitFor(List.of(RS, missing)).timeout(Duration.ofSeconds(20)).await();
      long decidedAfterMillis = (System.nanoTime() - writtenAt[0]) / 1_000_000;
      crash.get();
      assertThat(result.outcome()).isEqualTo(WaitOutcome.FAILED);
      assertThat(result.states()).extracting(WaitState::phase)
          .containsExactly(WaitState.Phase.DOOMED, WaitState.Phase.PENDING);
      assertThat(result.culprits()).extracting(Finding::subject)
          .containsExactly(ObjectRef.of(GroupKind.POD, NS, "web-1-a"));
      System.out.println("wait decided " + decidedAfterMillis + " ms after the status update was written");
      assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(20));
    }
  }

  @Test
  void timesOutNamingWhatIsStillPending() {
    try (Blame blame = live()) {
      WaitResult result = blame.waitFor(List.of(RS)).timeout(Duration.ofMillis(1500)).await();
      assertThat(result.outcome()).isEqualTo(WaitOutcome.TIMED_OUT);
      assertThat(result.states()).singleElement().satisfies(s -> {
        assertThat(s.phase()).isEqualTo(WaitState.Phase.PENDING);
        assertThat(s.message()).isEqualTo("ReplicaSet web-1 does not exist yet");
      });
      assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }
  }

  /**
   * The race after an apply: the graph (watching since before the apply) still holds the old object, Healthy and
   * Current. Given what the apply returned, the wait stays pending until the watch delivers that generation.
   */
  @Test
  void anAppliedGenerationTheGraphHasNotSeenIsPending() throws Exception {
    ReplicaSet rs = createReplicaSet();
    createPodOf(rs);
    try (Blame blame = live()) {
      // What the apply will return; the write reaches the server (and the watch) only later.
      ReplicaSet applied = nextGeneration(rs);
      CompletableFuture<Long> write = writeLater(rs);
      WaitResult result = blame.waitFor(List.of(RS)).applied(List.of(applied)).timeout(Duration.ofSeconds(20)).await();
      long decidedAt = System.nanoTime();
      long writtenAt = write.get();
      assertThat(result.outcome()).isEqualTo(WaitOutcome.COMPLETE);
      assertThat(decidedAt).as("completed before the applied generation was written").isGreaterThan(writtenAt);
      assertThat(blame.node(RS).orElseThrow().generation()).isGreaterThanOrEqualTo(applied.getMetadata().getGeneration());
    }
  }

  @Test
  void withoutTheAppliedObjectsTheGraphAsItIsDecides() {
    ReplicaSet rs = createReplicaSet();
    createPodOf(rs);
    try (Blame blame = live()) {
      ReplicaSet recreated = new ReplicaSetBuilder(rs).editMetadata().withUid("another-uid").endMetadata().build();
      WaitResult pending = blame.waitFor(List.of(RS)).applied(List.of(recreated)).timeout(Duration.ofMillis(300)).await();
      assertThat(pending.outcome()).isEqualTo(WaitOutcome.TIMED_OUT);
      assertThat(pending.states().get(0).message()).startsWith("Waiting to observe the applied ReplicaSet web-1");
      assertThat(blame.waitFor(List.of(RS)).await().outcome()).isEqualTo(WaitOutcome.COMPLETE);
    }
  }

  @Test
  void refsOfManifestsDefaultTheNamespaceOfNamespacedKinds() {
    String yaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: other}
        ---
        apiVersion: example.dev/v1
        kind: WebApp
        metadata: {name: shop}
        """;
    List<ObjectRef> refs = BlameEngine.refsOf("shop", dev.blame.core.internal.ManifestReader.read("m.yaml", yaml));
    assertThat(refs).containsExactly(ObjectRef.of(GroupKind.DEPLOYMENT, "shop", "web"),
        ObjectRef.of(GroupKind.NAMESPACE, "", "shop"), ObjectRef.of(GroupKind.SERVICE, "other", "web"),
        ObjectRef.of(GroupKind.of("example.dev", "WebApp"), "shop", "shop"));
  }

  @Test
  void anOfflineGraphDecidesAtOnce() {
    try (Blame blame = BlameEngine.builder().discoverAnalyzers(false).addAnalyzer(new WaitingContainersAnalyzer())
        .manifests("dump", "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: demo}\n").build()) {
      WaitResult result = blame.waitFor(List.of(ObjectRef.of(GroupKind.POD, NS, "p"))).await();
      assertThat(result.outcome()).isEqualTo(WaitOutcome.COMPLETE);
      assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(5));
    }
  }

  /** Fail-fast stops at the crash; settle-all waits until the missing pod appears, then reports both. */
  @Test
  void settleAllWaitsForEveryObjectWhereFailFastStopsAtTheFirstDoomedOne() throws Exception {
    Pod pod = createPodOf(createReplicaSet());
    client.pods().inNamespace(NS).resource(new PodBuilder(pod).editStatus().addNewContainerStatus()
        .withName("main").withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
        .endContainerStatus().endStatus().build()).updateStatus();
    ObjectRef later = ObjectRef.of(GroupKind.POD, NS, "web-1-b");
    try (Blame blame = live()) {
      WaitResult fast = blame.waitFor(List.of(RS, later)).timeout(Duration.ofSeconds(20)).await();
      assertThat(fast.outcome()).isEqualTo(WaitOutcome.FAILED);
      assertThat(fast.states()).extracting(WaitState::phase)
          .containsExactly(WaitState.Phase.DOOMED, WaitState.Phase.PENDING);

      long[] createdAt = new long[1];
      CompletableFuture<Void> create = CompletableFuture.runAsync(() -> {
        sleep(700);
        createdAt[0] = System.nanoTime();
        client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("web-1-b").endMetadata()
            .build()).create();
      });
      WaitResult all = blame.waitFor(List.of(RS, later)).mode(RolloutWait.Mode.SETTLE_ALL)
          .timeout(Duration.ofSeconds(20)).await();
      long decidedAt = System.nanoTime();
      create.get();
      assertThat(all.outcome()).isEqualTo(WaitOutcome.FAILED);
      assertThat(decidedAt).as("decided only once the last object settled").isGreaterThan(createdAt[0]);
      assertThat(all.states()).extracting(WaitState::phase)
          .containsExactly(WaitState.Phase.DOOMED, WaitState.Phase.DONE);
      assertThat(all.culprits()).extracting(Finding::subject)
          .containsExactly(ObjectRef.of(GroupKind.POD, NS, "web-1-a"));
    }
  }

  @Test
  void settleAllCompletesWhenEverythingIsDone() {
    createPodOf(createReplicaSet());
    try (Blame blame = live()) {
      WaitResult result = blame.waitFor(List.of(RS)).mode(RolloutWait.Mode.SETTLE_ALL)
          .timeout(Duration.ofSeconds(10)).await();
      assertThat(result.outcome()).isEqualTo(WaitOutcome.COMPLETE);
    }
  }

  /** The one-call safe wait: refs and the applied generations from the objects the apply returned. */
  @Test
  void waitForAppliedIsPendingUntilTheAppliedGenerationIsSeen() throws Exception {
    ReplicaSet rs = createReplicaSet();
    createPodOf(rs);
    try (Blame blame = live()) {
      ReplicaSet applied = nextGeneration(rs);
      CompletableFuture<Long> write = writeLater(rs);
      WaitResult result = blame.waitForApplied(List.of(applied)).timeout(Duration.ofSeconds(20)).await();
      long decidedAt = System.nanoTime();
      long writtenAt = write.get();
      assertThat(result.outcome()).isEqualTo(WaitOutcome.COMPLETE);
      assertThat(result.states()).extracting(WaitState::ref).extracting(ObjectRef::key).containsExactly(RS);
      assertThat(decidedAt).as("completed before the applied generation was written").isGreaterThan(writtenAt);
    }
  }

  @Test
  void waitForAppliedRefusesManifestsThatWereNotApplied() {
    ReplicaSet manifest = new ReplicaSetBuilder().withNewMetadata().withName("web-1").withNamespace(NS).endMetadata()
        .build();
    try (Blame blame = live()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> blame.waitForApplied(List.of(manifest)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ReplicaSet demo/web-1 has no metadata.uid");
    }
  }

  /** What an apply that labels {@code rs} rev=2 returns: the next generation, not yet on the server. */
  private static ReplicaSet nextGeneration(ReplicaSet rs) {
    return new ReplicaSetBuilder(rs).editMetadata().withGeneration(rs.getMetadata().getGeneration() + 1)
        .addToLabels("rev", "2").endMetadata().editOrNewSpec().withReplicas(1).endSpec().build();
  }

  /** That apply's write, reaching the server 700 ms from now; completes with the moment it was sent. */
  private CompletableFuture<Long> writeLater(ReplicaSet rs) {
    return CompletableFuture.supplyAsync(() -> {
      sleep(700);
      long writtenAt = System.nanoTime();
      client.apps().replicaSets().inNamespace(NS).resource(new ReplicaSetBuilder(rs).editMetadata()
          .withResourceVersion(null).addToLabels("rev", "2").endMetadata().editOrNewSpec().withReplicas(1).endSpec()
          .build()).update();
      return writtenAt;
    });
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
