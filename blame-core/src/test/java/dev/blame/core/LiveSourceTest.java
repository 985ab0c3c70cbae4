package dev.blame.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blame.api.Blame;
import dev.blame.api.BlameTree;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import dev.blame.core.testing.MockRequests;
import dev.blame.core.testing.ChildrenAnalyzer;
import dev.blame.core.testing.WebRollout;
import dev.blame.testkit.WaitingContainersAnalyzer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The live source against fabric8's mock API server in CRUD mode: objects created, updated and deleted
 * through the client show up in query results, with one LIST and one WATCH per kind a query involves, started
 * when a query first needs it, and no polling.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(60)
class LiveSourceTest {

  static final String NS = "demo";
  static final ObjectRef DEPLOYMENT = ObjectRef.of(GroupKind.DEPLOYMENT, NS, "web");
  static final ObjectRef RS = ObjectRef.of(GroupKind.REPLICA_SET, NS, "web-abc");
  static final ObjectRef POD = ObjectRef.of(GroupKind.POD, NS, "web-abc-1");

  KubernetesMockServer server;
  KubernetesClient client;

  @Test
  void followsCreatesUpdatesAndDeletesWithOneListAndOneWatchPerKind() throws Exception {
    Pod pod = WebRollout.create(client, NS, false).pod();
    drainRequests();

    try (Blame blame = BlameEngine.builder().client(client).namespace(NS).discoverAnalyzers(false)
        .addAnalyzer(new WaitingContainersAnalyzer()).addAnalyzer(new ChildrenAnalyzer())
        .addAnalyzer(new StatefulSets()).build()) {
      // Nothing is read before a query needs it.
      assertThat(drainRequests()).isEmpty();
      // Present at once: explain() returns after the initial LISTs of the kinds it involves.
      BlameTree effects = blame.explain(DEPLOYMENT).effects();
      assertThat(effects.children()).extracting(BlameTree::ref).containsExactly(RS);
      assertThat(effects.children().get(0).children()).extracting(BlameTree::ref).containsExactly(POD);
      assertThat(blame.explain(DEPLOYMENT).health()).isEqualTo(Health.HEALTHY);

      // An update: the pod's container starts crash-looping; the Deployment turns Degraded.
      client.pods().inNamespace(NS).resource(new PodBuilder(pod).editStatus().addNewContainerStatus()
          .withName("main").withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting()
          .endState().endContainerStatus().endStatus().build()).updateStatus();
      await(() -> blame.verdict(DEPLOYMENT).map(Verdict::health).orElse(null) == Health.DEGRADED);
      assertThat(blame.explain(DEPLOYMENT).culprits()).extracting(f -> f.subject()).containsExactly(POD);

      // An Event about the pod is attached to it.
      client.v1().events().inNamespace(NS).resource(new EventBuilder()
          .withNewMetadata().withName("web-abc-1.1").endMetadata()
          .withNewInvolvedObject().withApiVersion("v1").withKind("Pod").withName("web-abc-1").withNamespace(NS)
          .withUid(pod.getMetadata().getUid()).endInvolvedObject()
          .withReason("BackOff").withType("Warning").withMessage("Back-off restarting failed container")
          .build()).create();
      await(() -> !blame.explain(POD).causes().events().isEmpty());

      // A delete: the pod goes away and the Deployment recovers.
      client.pods().inNamespace(NS).withName("web-abc-1").delete();
      await(() -> blame.node(POD).isEmpty());
      await(() -> blame.verdict(DEPLOYMENT).map(Verdict::health).orElse(null) == Health.HEALTHY);
      assertThat(blame.explain(RS).effects().children()).isEmpty();

      // Another namespace is not watched.
      client.configMaps().inNamespace("other").resource(new ConfigMapBuilder()
          .withNewMetadata().withName("x").endMetadata().build()).create();

      Map<String, Integer> lists = new TreeMap<>();
      Map<String, Integer> watches = new TreeMap<>();
      List<String> others = new ArrayList<>();
      List<String> requests = drainRequests();
      List<String> listQueries =
          requests.stream().filter(r -> r.startsWith("GET") && !r.contains("watch=true")).toList();
      classify(requests, lists, watches, others);
      Map<String, Integer> once = Map.of(
          "/api/v1/namespaces/demo/events", 1,
          "/api/v1/namespaces/demo/pods", 1,
          "/apis/apps/v1/namespaces/demo/deployments", 1,
          "/apis/apps/v1/namespaces/demo/replicasets", 1);
      // The kinds the Deployment involves, each listed (paginated) and watched once; not StatefulSets, which
      // an analyzer handles but nothing here involves.
      assertThat(lists).isEqualTo(once);
      assertThat(watches).isEqualTo(once);
      assertThat(others).allMatch(r -> !r.startsWith("GET"), "no other reads: " + others);
      assertThat(listQueries).allMatch(q -> q.contains("limit=500"), "paginated: " + listQueries);

      // No polling: a quiet second brings no requests, and asking again reads only the graph.
      int before = server.getRequestCount();
      Thread.sleep(1_000);
      blame.explain(DEPLOYMENT);
      blame.explain(POD);
      assertThat(server.getRequestCount()).isEqualTo(before);

      // A namespace-wide query watches every kind an analyzer handles or reads: here StatefulSets too.
      assertThat(blame.findings().list()).isEmpty();
      lists.clear();
      watches.clear();
      classify(drainRequests(), lists, watches, others);
      assertThat(lists).isEqualTo(Map.of("/apis/apps/v1/namespaces/demo/statefulsets", 1));
      assertThat(watches).isEqualTo(Map.of("/apis/apps/v1/namespaces/demo/statefulsets", 1));
    }
  }

  @Test
  void aKindNamedByAQueryIsWatchedOnDemand() throws Exception {
    client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder()
        .withNewMetadata().withName("settings").endMetadata().build()).create();
    try (Blame blame = BlameEngine.builder().client(client).namespace(NS).discoverAnalyzers(false)
        .addAnalyzer(new WaitingContainersAnalyzer()).build()) {
      ObjectRef settings = ObjectRef.of(GroupKind.CONFIG_MAP, NS, "settings");
      assertThat(blame.explain(settings).found()).isTrue();
      assertThat(blame.explain(settings).found()).isTrue();
      // Requests of the kinds watched from the start may still be arriving on a loaded machine: count only
      // ConfigMap requests, and wait until the on-demand WATCH has been seen before counting.
      List<String> requests = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (requests.stream().noneMatch(r -> r.contains("/configmaps") && r.contains("watch=true"))
          && System.nanoTime() < deadline) {
        requests.addAll(drainRequests());
      }
      requests.addAll(drainRequests());
      requests.removeIf(r -> !r.contains("/configmaps"));
      Map<String, Integer> lists = new TreeMap<>();
      Map<String, Integer> watches = new TreeMap<>();
      classify(requests, lists, watches, new ArrayList<>());
      assertThat(lists).isEqualTo(Map.of("/api/v1/namespaces/demo/configmaps", 1));
      assertThat(watches).isEqualTo(Map.of("/api/v1/namespaces/demo/configmaps", 1));
    }
  }

  @Test
  void aForbiddenKindLeavesTheRestWorkingAndSaysWhatItAffects() throws Exception {
    server.expect().get().withPath("/apis/apps/v1/namespaces/demo/replicasets?limit=500")
        .andReturn(403, new io.fabric8.kubernetes.api.model.StatusBuilder().withCode(403).withReason("Forbidden")
            .withMessage("replicasets.apps is forbidden: User \"ci\" cannot list resource \"replicasets\"")
            .build())
        .always();
    Deployment deployment = client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder()
        .withNewMetadata().withName("web").endMetadata().build()).create();
    client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("web-abc-1")
        .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName("web-abc")
        .withUid("rs-uid").withController(true).endOwnerReference().endMetadata().build()).create();

    try (Blame blame = BlameEngine.builder().client(client).namespace(NS).discoverAnalyzers(false)
        .addAnalyzer(new WaitingContainersAnalyzer()).addAnalyzer(new ReadsReplicaSets()).build()) {
      // Pods and Deployments still work.
      assertThat(blame.explain(POD).found()).isTrue();
      assertThat(blame.explain(DEPLOYMENT).found()).isTrue();
      // The pod's owner cannot be read: said so, not "not found".
      BlameTree owner = blame.explain(POD).causes().children().get(0);
      assertThat(owner.verdict().health()).isEqualTo(Health.UNKNOWN);
      assertThat(owner.verdict().findings()).singleElement().satisfies(f -> {
        assertThat(f.reason()).isEqualTo(dev.blame.api.ReasonCode.FORBIDDEN);
        assertThat(f.message()).contains("forbidden: cannot list replicasets.apps in namespace demo");
      });
      // The Deployment's analyzer reads ReplicaSets: its verdict says it may be incomplete.
      assertThat(blame.verdict(DEPLOYMENT).orElseThrow().findings()).anySatisfy(f -> {
        assertThat(f.health()).isEqualTo(Health.UNKNOWN);
        assertThat(f.message()).isEqualTo(
            "forbidden: cannot list replicasets.apps in namespace demo; this verdict may be incomplete");
      });
      assertThat(deployment.getMetadata().getUid()).isNotNull();
      // Listing the refused kind is refused too: an empty list would read as "there are none".
      assertThat(blame.list(GroupKind.DEPLOYMENT, NS)).extracting(n -> n.ref().name()).containsExactly("web");
      assertThatThrownBy(() -> blame.list(GroupKind.REPLICA_SET, NS)).isInstanceOfSatisfying(
          dev.blame.api.BlameException.class, e -> {
            assertThat(e.kind()).isEqualTo(dev.blame.api.BlameException.Kind.FORBIDDEN);
            assertThat(e.getMessage()).contains("forbidden: cannot list replicasets.apps in namespace demo");
          });
    }
  }

  /** Handles a kind none of the objects in these tests involves. */
  static final class StatefulSets extends ChildrenAnalyzer {
    @Override
    public String id() {
      return "test.StatefulSets";
    }

    @Override
    public java.util.Set<GroupKind> reads() {
      return java.util.Set.of();
    }

    @Override
    public dev.blame.api.spi.KindSelector kinds() {
      return dev.blame.api.spi.KindSelector.of(GroupKind.STATEFUL_SET);
    }
  }

  /** Reads ReplicaSets, to show what a forbidden kind does to the analyzers that need it. */
  static final class ReadsReplicaSets extends ChildrenAnalyzer {
    @Override
    public java.util.Set<GroupKind> reads() {
      return java.util.Set.of(GroupKind.REPLICA_SET);
    }

    @Override
    public dev.blame.api.spi.KindSelector kinds() {
      return dev.blame.api.spi.KindSelector.of(GroupKind.DEPLOYMENT);
    }
  }

  private static void classify(List<String> requests, Map<String, Integer> lists, Map<String, Integer> watches,
      List<String> others) {
    for (String request : requests) {
      String[] parts = request.split(" ", 2);
      String path = parts[1].split("\\?", 2)[0];
      String query = parts[1].contains("?") ? parts[1].split("\\?", 2)[1] : "";
      if (parts[0].equals("GET") && query.contains("watch=true")) {
        watches.merge(path, 1, Integer::sum);
      } else if (parts[0].equals("GET") && query.contains("limit=")) {
        lists.merge(path, 1, Integer::sum);
      } else {
        others.add(request);
      }
    }
  }

  private List<String> drainRequests() throws InterruptedException {
    return MockRequests.drain(server, Duration.ofMillis(50), r -> true);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    MockRequests.await(condition, Duration.ofSeconds(10));
  }
}
