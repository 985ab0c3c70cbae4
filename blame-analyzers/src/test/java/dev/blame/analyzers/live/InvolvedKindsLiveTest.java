package dev.blame.analyzers.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Blame;
import dev.blame.api.EdgeKind;
import dev.blame.api.Explanation;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.core.BlameEngine;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With every built-in analyzer, against fabric8's CRUD mock: blaming one Deployment lists and watches the kinds
 * it involves, each once, paginated and in its namespace; what points at its pods (a Service, the Ingress
 * routing to that Service) is watched when a pod's causes are asked for; namespace-wide queries watch the rest.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(180)
class InvolvedKindsLiveTest {

  static final String NS = "shop";
  static final ObjectRef DEPLOYMENT = ObjectRef.of(GroupKind.DEPLOYMENT, NS, "web");
  static final ObjectRef POD = ObjectRef.of(GroupKind.POD, NS, "web-abc-1");
  static final ObjectRef SERVICE = ObjectRef.of(GroupKind.SERVICE, NS, "web");
  static final ObjectRef INGRESS = ObjectRef.of(GroupKind.of("networking.k8s.io", "Ingress"), NS, "web");

  KubernetesMockServer server;
  KubernetesClient client;

  @Test
  void aDeploymentInvolvesItsOwnKindsAndAPodTheServiceAndIngressPointingAtIt() throws Exception {
    Deployment deployment = client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder()
        .withNewMetadata().withName("web").endMetadata().withNewSpec().withReplicas(2).withNewSelector()
        .addToMatchLabels("app", "web").endSelector().endSpec().build()).create();
    ReplicaSet rs = client.apps().replicaSets().inNamespace(NS).resource(new ReplicaSetBuilder()
        .withNewMetadata().withName("web-abc").withOwnerReferences(owner(deployment)).endMetadata()
        .withNewSpec().withReplicas(2).endSpec().build()).create();
    for (String name : List.of("web-abc-1", "web-abc-2")) {
      client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName(name)
          .addToLabels("app", "web").withOwnerReferences(owner(rs)).endMetadata()
          .withNewSpec().addNewContainer().withName("main").withImage("web:1").endContainer()
          .addNewVolume().withName("config").withNewConfigMap().withName("web-config").endConfigMap().endVolume()
          .endSpec().withNewStatus().withPhase("Running").endStatus().build()).create();
    }
    client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName("web-config")
        .endMetadata().build()).create();
    client.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName("web").endMetadata()
        .withNewSpec().addToSelector("app", "web").addNewPort().withPort(80).endPort().endSpec().build()).create();
    client.network().v1().ingresses().inNamespace(NS).resource(new IngressBuilder().withNewMetadata()
        .withName("web").endMetadata().withNewSpec().withNewDefaultBackend().withNewService().withName("web")
        .withNewPort().withNumber(80).endPort().endService().endDefaultBackend().endSpec().build()).create();
    client.apps().statefulSets().inNamespace(NS).resource(new StatefulSetBuilder().withNewMetadata()
        .withName("db").endMetadata().build()).create();
    drain();

    // Every kind of the namespace is listed and watched at once at the end: on a loaded machine the mock server can
    // take longer than fabric8's default 10 s to accept a connection, which says nothing about what is tested here.
    try (KubernetesClient patient = new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration())
            .withConnectionTimeout(60_000).withRequestTimeout(60_000).build()).build();
        Blame blame = BlameEngine.builder().client(patient).namespace(NS).build()) {
      assertThat(drain()).as("nothing read before a query").isEmpty();

      Explanation deploymentWhy = blame.explain(DEPLOYMENT);
      assertThat(deploymentWhy.effects().children()).extracting(t -> t.ref().key())
          .containsExactly(ObjectRef.of(GroupKind.REPLICA_SET, NS, "web-abc"));
      List<String> requests = drain();
      // The Deployment and Events, what its analyzer reads (ReplicaSets, pods), what the pods' analyzers read
      // (ConfigMaps, Secrets' metadata, claims, service accounts, nodes), and what may point at a shown object: autoscalers at the
      // Deployment and ReplicaSet, Services and disruption budgets at the pods.
      Set<String> involved = Set.of(
          "/api/v1/namespaces/shop/events", "/apis/apps/v1/namespaces/shop/deployments",
          "/apis/apps/v1/namespaces/shop/replicasets", "/api/v1/namespaces/shop/pods",
          "/api/v1/namespaces/shop/configmaps", "/api/v1/namespaces/shop/secrets",
          "/api/v1/namespaces/shop/persistentvolumeclaims",
          "/api/v1/namespaces/shop/serviceaccounts", "/api/v1/nodes",
          "/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers", "/api/v1/namespaces/shop/services",
          "/apis/policy/v1/namespaces/shop/poddisruptionbudgets");
      assertThat(lists(requests)).containsExactlyInAnyOrderElementsOf(involved);
      assertThat(watches(requests)).containsExactlyInAnyOrderElementsOf(involved);
      assertThat(requests).filteredOn(r -> !r.contains("watch=true")).allMatch(r -> r.contains("limit=500"));

      // Asking again reads only the graph.
      blame.explain(DEPLOYMENT);
      blame.waitFor(List.of(DEPLOYMENT)).timeout(java.time.Duration.ZERO).await();
      assertThat(drain()).isEmpty();

      // The pod's causes: the Service selecting it shows upstream, so what may route to a Service is watched now
      // (Ingresses, APIServices) and what a Service reads (EndpointSlices, Endpoints).
      Explanation podWhy = blame.explain(POD);
      List<ObjectRef> causes = new ArrayList<>();
      podWhy.causes().forEach(t -> causes.add(t.ref().key()));
      assertThat(causes).contains(DEPLOYMENT, SERVICE, INGRESS);
      assertThat(podWhy.causes().find(INGRESS).orElseThrow().via()).contains(EdgeKind.ROUTES_TO);
      requests = drain();
      assertThat(lists(requests)).contains("/apis/networking.k8s.io/v1/namespaces/shop/ingresses",
          "/apis/discovery.k8s.io/v1/namespaces/shop/endpointslices", "/api/v1/namespaces/shop/endpoints")
          .doesNotContain("/apis/apps/v1/namespaces/shop/statefulsets")
          .doesNotContainAnyElementsOf(involved);

      // Every finding of the namespace: every kind is watched, StatefulSets included.
      blame.findings().list();
      assertThat(lists(drain())).contains("/apis/apps/v1/namespaces/shop/statefulsets",
          "/apis/batch/v1/namespaces/shop/jobs");
    }
  }

  private static OwnerReference owner(HasMetadata owner) {
    return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withController(true).build();
  }

  private static Set<String> lists(List<String> requests) {
    return paths(requests, false);
  }

  private static Set<String> watches(List<String> requests) {
    return paths(requests, true);
  }

  /** The paths of LISTs (paginated GETs) or WATCHes; a path twice would be a second LIST of one kind. */
  private static Set<String> paths(List<String> requests, boolean watch) {
    Set<String> paths = new TreeSet<>();
    for (String request : requests) {
      String query = request.contains("?") ? request.split("\\?", 2)[1] : "";
      if (request.startsWith("GET ") && (watch ? query.contains("watch=true")
          : query.contains("limit=") && !query.contains("watch=true"))) {
        assertThat(paths.add(request.substring(4).split("\\?", 2)[0])).as("once: %s", request).isTrue();
      }
    }
    return paths;
  }

  private List<String> drain() throws InterruptedException {
    List<String> requests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
      requests.add(request.getMethod() + " " + request.getPath());
    }
    return requests;
  }
}
