package dev.blame.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blame.api.Blame;
import dev.blame.api.BlameException;
import dev.blame.api.BlameTree;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import dev.blame.core.testing.MockRequests;
import dev.blame.core.testing.ChildrenAnalyzer;
import dev.blame.testkit.WaitingContainersAnalyzer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Blame fed from informers the caller already runs, against fabric8's mock API server in CRUD mode: the fed
 * kinds cost no request at all (the server's log is read request by request), the kinds they involve and that
 * nothing feeds are listed and watched once each, and the graph follows the fed informers' updates and deletes.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(90)
class FeedTest {

  static final String NS = "demo";
  static final ObjectRef DEPLOYMENT = ObjectRef.of(GroupKind.DEPLOYMENT, NS, "web");
  static final ObjectRef RS = ObjectRef.of(GroupKind.REPLICA_SET, NS, "web-abc");
  static final ObjectRef POD = ObjectRef.of(GroupKind.POD, NS, "web-abc-1");

  static final String OPERATOR = "operator-under-test";

  KubernetesMockServer server;
  KubernetesClient client;

  @Test
  void fedKindsCostNoRequestAndUnfedInvolvedKindsAreListedAndWatchedOnce() throws Exception {
    Pod pod = createChain();
    // The operator's own informers, on Deployments and Pods, through the operator's client (its requests are told
    // apart by their User-Agent: a loaded machine may make an informer re-list while the test runs).
    try (KubernetesClient operatorClient = operatorClient();
        SharedIndexInformer<Deployment> deployments = operatorClient.apps().deployments().inNamespace(NS).inform();
        SharedIndexInformer<Pod> pods = operatorClient.pods().inNamespace(NS).inform()) {
      Deployment cached = deployments.getStore().getByKey(NS + "/web");
      String cachedBefore = client.getKubernetesSerialization().asJson(cached);
      drainRequests();

      try (Blame blame = BlameEngine.builder().client(client).namespace(NS).discoverAnalyzers(false)
          .addAnalyzer(new WaitingContainersAnalyzer()).addAnalyzer(new ChildrenAnalyzer())
          .feed(deployments).feed(pods).build()) {
        BlameTree effects = blame.explain(DEPLOYMENT).effects();
        assertThat(effects.children()).extracting(BlameTree::ref).containsExactly(RS);
        assertThat(effects.children().get(0).children()).extracting(BlameTree::ref).containsExactly(POD);
        assertThat(blame.explain(DEPLOYMENT).health()).isEqualTo(Health.HEALTHY);

        // An update the operator's pod informer sees reaches the graph through the feed.
        client.pods().inNamespace(NS).resource(new PodBuilder(pod).editStatus().addNewContainerStatus()
            .withName("main").withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting()
            .endState().endContainerStatus().endStatus().build()).updateStatus();
        await(() -> blame.verdict(DEPLOYMENT).map(Verdict::health).orElse(null) == Health.DEGRADED);
        assertThat(blame.explain(DEPLOYMENT).culprits()).extracting(f -> f.subject()).containsExactly(POD);

        // And a delete.
        client.pods().inNamespace(NS).withName("web-abc-1").delete();
        await(() -> blame.node(POD).isEmpty());
        await(() -> blame.verdict(DEPLOYMENT).map(Verdict::health).orElse(null) == Health.HEALTHY);

        // The operator's cached object is as it was, and the graph shares no part of it: it trimmed a copy.
        Deployment cachedNow = deployments.getStore().getByKey(NS + "/web");
        assertThat(client.getKubernetesSerialization().asJson(cachedNow)).isEqualTo(cachedBefore);
        HasMetadata kept = blame.node(DEPLOYMENT).orElseThrow().object();
        assertThat(kept).isNotSameAs(cachedNow);
        assertThat(kept.getMetadata()).isNotSameAs(cachedNow.getMetadata());
        assertThat(kept.getMetadata().getOwnerReferences()).isNotSameAs(cachedNow.getMetadata().getOwnerReferences());

        Map<String, Integer> reads = new TreeMap<>();
        Map<String, Integer> watches = new TreeMap<>();
        List<String> requests = drainRequests();
        classify(requests, reads, watches);
        // Blame's own requests: the kinds it needs and nothing feeds, each listed and watched once.
        Map<String, Integer> once = Map.of(
            "/api/v1/namespaces/demo/events", 1,
            "/apis/apps/v1/namespaces/demo/replicasets", 1);
        assertThat(reads).isEqualTo(once);
        assertThat(watches).isEqualTo(once);
        // None about the fed kinds (the test's own writes are PUT/DELETE): no LIST, no WATCH, no GET, no discovery.
        assertThat(requests).noneMatch(r -> r.startsWith("GET") && (r.contains("/pods") || r.contains("/deployments")
            || r.endsWith("/api") || r.endsWith("/apis") || r.contains("/apis/apps/v1?") || r.endsWith("/apis/apps/v1")));
      }
      // Closing the Blame unregisters the feeds: the operator's informers go on.
      assertThat(deployments.isRunning()).isTrue();
      assertThat(pods.isRunning()).isTrue();
    }
  }

  @Test
  void aPushFeedServesItsKindFromTheCallersSnapshotAndCalls() throws Exception {
    createChain();
    // A cache of the caller's (an operator framework's event source) that forwards its handler's calls.
    try (KubernetesClient operatorClient = operatorClient();
        SharedIndexInformer<Deployment> informer = operatorClient.apps().deployments().inAnyNamespace().inform()) {
      Feed<Deployment> feed = Feed.of(Deployment.class, () -> informer.getStore().list());
      assertThat(feed.kind()).isEqualTo(GroupKind.DEPLOYMENT);
      informer.addEventHandler(feed);
      // Another namespace's Deployment in the same cache: not this Blame's.
      client.apps().deployments().inNamespace("other").resource(new DeploymentBuilder()
          .withNewMetadata().withName("elsewhere").endMetadata().build()).create();
      await(() -> informer.getStore().getByKey("other/elsewhere") != null);
      Deployment current = informer.getStore().getByKey(NS + "/web");
      drainRequests();

      try (Blame blame = BlameEngine.builder().client(client).namespace(NS).discoverAnalyzers(false)
          .addAnalyzer(new WaitingContainersAnalyzer()).addAnalyzer(new ChildrenAnalyzer()).feed(feed).build()) {
        assertThat(blame.explain(DEPLOYMENT).effects().children()).extracting(BlameTree::ref).containsExactly(RS);
        assertThat(blame.list(GroupKind.DEPLOYMENT, NS)).extracting(Node::ref).containsExactly(DEPLOYMENT);

        client.resource(new DeploymentBuilder(current).editMetadata().addToLabels("tier", "front").endMetadata()
            .build()).update();
        await(() -> blame.node(DEPLOYMENT).map(n -> "front".equals(n.labels().get("tier"))).orElse(false));

        List<String> requests = drainRequests();
        assertThat(requests).noneMatch(r -> r.startsWith("GET") && r.contains("/deployments"));
        assertThat(requests).anyMatch(r -> r.startsWith("GET") && r.contains("/replicasets") && r.contains("watch=true"));
      }
    }
  }

  @Test
  void oneShotReadsAFedKindFromTheCache() throws Exception {
    createChain();
    try (KubernetesClient operatorClient = operatorClient();
        SharedIndexInformer<Pod> pods = operatorClient.pods().inNamespace(NS).inform()) {
      drainRequests();
      try (Blame blame = BlameEngine.builder().client(client).namespace(NS).oneShot().discoverAnalyzers(false)
          .addAnalyzer(new WaitingContainersAnalyzer()).addAnalyzer(new ChildrenAnalyzer()).feed(pods).build()) {
        assertThat(blame.explain(DEPLOYMENT).effects().children().get(0).children()).extracting(BlameTree::ref)
            .containsExactly(POD);
      }
      List<String> requests = drainRequests();
      assertThat(requests).noneMatch(r -> r.contains("/pods"));
      assertThat(requests).anyMatch(r -> r.startsWith("GET") && r.contains("/deployments"));
    }
  }

  @Test
  void anInformerThatNeverSyncsFailsTheQueryNamingTheKind() {
    // Built, never started.
    SharedIndexInformer<Pod> pods = client.pods().inNamespace(NS).runnableInformer(0);
    try (Blame blame = BlameEngine.builder().client(client).namespace(NS).discoverAnalyzers(false)
        .addAnalyzer(new WaitingContainersAnalyzer()).requestTimeout(Duration.ofMillis(500)).feed(pods).build()) {
      // list() of one kind involves that kind alone (explain() would also list Events, whose 500 ms LIST may time
      // out first on a loaded machine).
      assertThatThrownBy(() -> blame.list(GroupKind.POD, NS))
          .isInstanceOfSatisfying(BlameException.class, e -> assertThat(e.kind()).isEqualTo(BlameException.Kind.TIMEOUT))
          .hasMessageContaining("informer fed for Pod has not synced").hasMessageContaining("not running");
    }
  }

  @Test
  void twoFeedsOfOneKindOrFeedsWithoutAClientAreRefused() {
    SharedIndexInformer<Pod> pods = client.pods().inNamespace(NS).runnableInformer(0);
    assertThatThrownBy(() -> BlameEngine.builder().client(client).feed(pods).feed(Feed.of(Pod.class, List::of))
        .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two feeds serve kind Pod");
    assertThatThrownBy(() -> BlameEngine.builder().objects(List.of()).feed(pods).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("feeds need a client");
    assertThatThrownBy(() -> Feed.of(io.fabric8.kubernetes.api.model.GenericKubernetesResource.class, List::of))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no kind");
  }

  /** A Deployment, its ReplicaSet and a running pod; the Deployment carries a managedFields entry of its status. */
  private Pod createChain() {
    Deployment deployment = client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder()
        .withNewMetadata().withName("web").withManagedFields(new ManagedFieldsEntryBuilder()
            .withManager("kube-controller-manager").withOperation("Update").withSubresource("status")
            .withApiVersion("apps/v1").withFieldsType("FieldsV1").withNewFieldsV1()
            .addToAdditionalProperties("f:status", Map.of("f:replicas", Map.of())).endFieldsV1().build())
        .endMetadata().withNewSpec().withReplicas(1).endSpec().build()).create();
    ReplicaSet rs = client.apps().replicaSets().inNamespace(NS).resource(new ReplicaSetBuilder()
        .withNewMetadata().withName("web-abc").withOwnerReferences(owner(deployment)).endMetadata()
        .build()).create();
    return client.pods().inNamespace(NS).resource(new PodBuilder()
        .withNewMetadata().withName("web-abc-1").withOwnerReferences(owner(rs)).endMetadata()
        .withNewStatus().withPhase("Running").withPodIP("10.0.0.7").endStatus().build()).create();
  }

  private static OwnerReference owner(HasMetadata owner) {
    return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withController(true).build();
  }

  /** GETs by path: watches, and every other GET (a LIST, paginated or not). */
  private static void classify(List<String> requests, Map<String, Integer> reads, Map<String, Integer> watches) {
    for (String request : requests) {
      String[] parts = request.split(" ", 2);
      if (!parts[0].equals("GET")) {
        continue;
      }
      String path = parts[1].split("\\?", 2)[0];
      String query = parts[1].contains("?") ? parts[1].split("\\?", 2)[1] : "";
      (query.contains("watch=true") ? watches : reads).merge(path, 1, Integer::sum);
    }
  }

  /** A client of the mock server whose requests {@link #drainRequests} leaves out: the operator's. */
  private KubernetesClient operatorClient() {
    return new io.fabric8.kubernetes.client.KubernetesClientBuilder()
        .withConfig(new io.fabric8.kubernetes.client.ConfigBuilder(client.getConfiguration()).withUserAgent(OPERATOR)
            .build()).build();
  }

  private List<String> drainRequests() throws InterruptedException {
    return MockRequests.drain(server, Duration.ofMillis(100), r -> !String.valueOf(r.getHeader("User-Agent")).contains(OPERATOR));
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    MockRequests.await(condition, Duration.ofSeconds(30));
  }
}
