package dev.blame.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every scenario reaches its documented state; all share one cluster (each has its own namespace). */
class ScenariosTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static DemoCluster cluster;
  private static ControllerSimulator simulator;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    cluster = DemoCluster.start();
    client = cluster.client();
    simulator = ControllerSimulator.builder(cluster.newClient()).tick(Duration.ofMillis(50)).start();
  }

  @AfterEach
  void noSimulatorErrors() {
    assertThat(simulator.errors()).isEmpty();
  }

  @AfterAll
  static void stop() {
    simulator.close();
    cluster.close();
  }

  private static void play(Scenario scenario) {
    scenario.play(client, TIMEOUT);
    scenario.awaitSettled(client, TIMEOUT);
    assertThat(Scenarios.settled(scenario, client)).isNull();
  }

  private static List<Event> events(String ns) {
    return client.v1().events().inNamespace(ns).list().getItems();
  }

  private static Map<String, String> revisions(String ns) {
    return client.apps().replicaSets().inNamespace(ns).list().getItems().stream().collect(Collectors.toMap(
        rs -> rs.getMetadata().getName(), rs -> rs.getMetadata().getAnnotations().get(DeploymentController.REVISION)));
  }

  @Test
  void talk() {
    play(Scenario.TALK);
    String ns = "talk";
    assertThat(client.namespaces().withName(ns).get().getMetadata().getLabels())
        .containsEntry("istio-injection", "enabled");
    assertThat(revisions(ns).values()).containsExactlyInAnyOrder("1", "2");
    ReplicaSet rev2 = client.apps().replicaSets().inNamespace(ns).list().getItems().stream()
        .filter(rs -> "2".equals(rs.getMetadata().getAnnotations().get(DeploymentController.REVISION)))
        .findFirst().orElseThrow();
    String hash = rev2.getMetadata().getLabels().get("pod-template-hash");
    assertThat(rev2.getMetadata().getName()).isEqualTo("my-busybox-" + hash);
    assertThat(rev2.getMetadata().getOwnerReferences().get(0).getKind()).isEqualTo("Deployment");
    assertThat(rev2.getMetadata().getOwnerReferences().get(0).getController()).isTrue();

    Pod crashing = client.pods().inNamespace(ns).withLabel("pod-template-hash", hash).list().getItems().get(0);
    assertThat(crashing.getMetadata().getName()).matches("my-busybox-" + hash + "-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(crashing.getSpec().getInitContainers()).extracting(c -> c.getName()).containsExactly("istio-init");
    assertThat(crashing.getMetadata().getAnnotations()).containsKey("sidecar.istio.io/status");
    // an init container that exited 0 is ready (the kubelet's prober manager; `describe pod` says "Ready: True")
    var init = crashing.getStatus().getInitContainerStatuses().get(0);
    assertThat(init.getState().getTerminated().getExitCode()).isZero();
    assertThat(init.getReady()).isTrue();
    var status = crashing.getStatus().getContainerStatuses().get(0);
    assertThat(status.getImage()).isEqualTo("busybox:v3");
    assertThat(status.getRestartCount()).isGreaterThanOrEqualTo(1);
    assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(1);
    assertThat(status.getLastState().getTerminated().getReason()).isEqualTo("Error");

    Deployment d = client.apps().deployments().inNamespace(ns).withName("my-busybox").get();
    assertThat(d.getMetadata().getAnnotations()).containsEntry(DeploymentController.REVISION, "2");
    assertThat(d.getStatus().getObservedGeneration()).isEqualTo(2L);
    assertThat(d.getStatus().getReplicas()).isEqualTo(3);
    assertThat(d.getStatus().getUpdatedReplicas()).isEqualTo(1);
    assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(2);
    assertThat(d.getStatus().getConditions()).anySatisfy(c -> {
      assertThat(c.getType()).isEqualTo("Progressing");
      assertThat(c.getReason()).isEqualTo("ReplicaSetUpdated");
      assertThat(c.getMessage()).isEqualTo("ReplicaSet \"" + rev2.getMetadata().getName() + "\" is progressing.");
    });

    assertThat(events(ns)).anySatisfy(e -> {
      assertThat(e.getReason()).isEqualTo("BackOff");
      assertThat(e.getType()).isEqualTo("Warning");
      assertThat(e.getInvolvedObject().getUid()).isEqualTo(crashing.getMetadata().getUid());
      assertThat(e.getInvolvedObject().getFieldPath()).isEqualTo("spec.containers{busybox}");
      assertThat(e.getSource().getComponent()).isEqualTo("kubelet");
      assertThat(e.getFirstTimestamp()).isNotNull();
      assertThat(e.getLastTimestamp()).isNotNull();
      assertThat(e.getCount()).isGreaterThanOrEqualTo(1);
    });
    assertThat(events(ns)).anySatisfy(e -> {
      assertThat(e.getReason()).isEqualTo("ScalingReplicaSet");
      assertThat(e.getMessage()).isEqualTo("Scaled up replica set " + rev2.getMetadata().getName() + " to 1");
      assertThat(e.getSource().getComponent()).isEqualTo("deployment-controller");
    });
  }

  @Test
  void imagePullError() {
    play(Scenario.IMAGE_PULL_ERROR);
    Pod pod = client.pods().inNamespace("image-pull-error").list().getItems().get(0);
    var waiting = pod.getStatus().getContainerStatuses().get(0).getState().getWaiting();
    assertThat(waiting.getReason()).isEqualTo("ImagePullBackOff");
    assertThat(waiting.getMessage()).isEqualTo(
        "Back-off pulling image \"registry.example.invalid/shop/checkout:2.0.0\"");
    assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(events("image-pull-error")).extracting(Event::getReason)
        .contains("Scheduled", "Pulling", "Failed", "BackOff");
    assertThat(events("image-pull-error")).anySatisfy(e -> assertThat(e.getMessage())
        .startsWith("Failed to pull image \"registry.example.invalid/shop/checkout:2.0.0\": rpc error"));
  }

  @Test
  void unschedulable() {
    play(Scenario.UNSCHEDULABLE);
    Pod pod = client.pods().inNamespace("unschedulable").list().getItems().get(0);
    assertThat(pod.getSpec().getNodeName()).isNull();
    assertThat(pod.getStatus().getConditions()).singleElement().satisfies(c -> {
      assertThat(c.getType()).isEqualTo("PodScheduled");
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getMessage()).startsWith("0/1 nodes are available: 1 Insufficient cpu.");
    });
    assertThat(events("unschedulable")).anySatisfy(e -> {
      assertThat(e.getReason()).isEqualTo("FailedScheduling");
      assertThat(e.getSource().getComponent()).isEqualTo("default-scheduler");
    });
  }

  @Test
  void quota() {
    play(Scenario.QUOTA);
    ReplicaSet rs = client.apps().replicaSets().inNamespace("quota").list().getItems().get(0);
    assertThat(rs.getStatus().getReplicas()).isEqualTo(2);
    assertThat(rs.getStatus().getConditions()).singleElement().satisfies(c -> {
      assertThat(c.getType()).isEqualTo("ReplicaFailure");
      assertThat(c.getReason()).isEqualTo("FailedCreate");
      assertThat(c.getMessage()).contains("is forbidden: exceeded quota: pod-quota, requested: pods=1, used: "
          + "pods=2, limited: pods=2");
    });
    assertThat(events("quota")).anySatisfy(e -> {
      assertThat(e.getReason()).isEqualTo("FailedCreate");
      assertThat(e.getMessage()).startsWith("Error creating: pods \"web-");
    });
    Eventually.assertThat(TIMEOUT, () -> {
      Deployment d = client.apps().deployments().inNamespace("quota").withName("web").get();
      assertThat(d.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getType()).isEqualTo("ReplicaFailure"));
      assertThat(client.resourceQuotas().inNamespace("quota").withName("pod-quota").get().getStatus().getUsed()
          .get("pods").getAmount()).isEqualTo("2");
    });
  }

  @Test
  void crashloopStatefulSet() {
    play(Scenario.CRASHLOOP_STATEFULSET);
    String ns = "crashloop-statefulset";
    assertThat(DemoClusterTest.names(client.pods().inNamespace(ns).list().getItems())).containsExactly("db-0");
    var sts = client.apps().statefulSets().inNamespace(ns).withName("db").get();
    var revision = client.apps().controllerRevisions().inNamespace(ns).list().getItems().get(0);
    assertThat(sts.getStatus().getUpdateRevision()).isEqualTo(revision.getMetadata().getName());
    assertThat(sts.getStatus().getCurrentRevision()).isEqualTo(revision.getMetadata().getName());
    assertThat(revision.getRevision()).isEqualTo(1L);
    Pod db0 = client.pods().inNamespace(ns).withName("db-0").get();
    assertThat(db0.getMetadata().getLabels()).containsEntry("controller-revision-hash",
        revision.getMetadata().getName());
    assertThat(db0.getStatus().getContainerStatuses().get(0).getLastState().getTerminated().getExitCode())
        .isEqualTo(2);
  }

  @Test
  void serviceSelectsNothing() {
    play(Scenario.SERVICE_SELECTS_NOTHING);
    assertThat(client.endpoints().inNamespace("service-selects-nothing").withName("frontend").get().getSubsets())
        .isEmpty();
    assertThat(client.pods().inNamespace("service-selects-nothing").list().getItems()).hasSize(2)
        .allSatisfy(p -> assertThat(Kubelet.isReady(p)).isTrue());
    // the endpointslice controller writes a slice without endpoints for a Service that selects nothing
    Eventually.assertThat(java.time.Duration.ofSeconds(10), () -> assertThat(client.discovery().v1().endpointSlices()
        .inNamespace("service-selects-nothing").withLabel("kubernetes.io/service-name", "frontend").list()
        .getItems()).singleElement().satisfies(slice -> {
          assertThat(slice.getEndpoints()).isNullOrEmpty();
          assertThat(slice.getAddressType()).isEqualTo("IPv4");
          assertThat(slice.getMetadata().getOwnerReferences()).singleElement()
              .satisfies(o -> assertThat(o.getKind()).isEqualTo("Service"));
        }));
  }

  @Test
  void customResourceNotReady() {
    play(Scenario.CUSTOM_RESOURCE_NOT_READY);
    String ns = "custom-resource-not-ready";
    GenericKubernetesResource app = client.genericKubernetesResources(Scenarios.WEBAPPS).inNamespace(ns)
        .withName("shop").get();
    List<Map<String, Object>> conditions = app.get("status", "conditions");
    assertThat(conditions).singleElement().satisfies(c -> {
      assertThat(c).containsEntry("type", "Ready").containsEntry("status", "False");
    });
    Deployment backend = client.apps().deployments().inNamespace(ns).withName("shop-backend").get();
    assertThat(backend.getMetadata().getOwnerReferences().get(0).getUid()).isEqualTo(app.getMetadata().getUid());
    assertThat(client.getApiResources("example.dev/v1").getResources()).extracting(r -> r.getName())
        .contains("webapps");
  }

  @Test
  void healthyRollout() {
    play(Scenario.HEALTHY_ROLLOUT);
    String ns = "healthy-rollout";
    assertThat(revisions(ns).values()).containsExactlyInAnyOrder("1", "2");
    Eventually.assertThat(TIMEOUT, () -> {
      List<Pod> pods = client.pods().inNamespace(ns).list().getItems();
      assertThat(pods).hasSize(3).allSatisfy(p -> {
        assertThat(Kubelet.isReady(p)).isTrue();
        assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.26");
      });
    });
    assertThat(client.apps().replicaSets().inNamespace(ns).list().getItems())
        .filteredOn(rs -> "1".equals(rs.getMetadata().getAnnotations().get(DeploymentController.REVISION)))
        .singleElement().satisfies(rs -> assertThat(rs.getSpec().getReplicas()).isZero());
  }

  @Test
  void empty() {
    play(Scenario.EMPTY);
    assertThat(client.nodes().withName("demo-node").get().getStatus().getAllocatable().get("cpu").getAmount())
        .isEqualTo("4");
  }

  @Test
  void unknownScenarioNamesTheKnownOnes() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scenario.byId("nope"))
        .hasMessageContaining("talk").hasMessageContaining("custom-resource-not-ready");
  }
}
