package dev.blame.testkit;

import static dev.blame.testkit.BlameAssertions.assertThat;
import static dev.blame.testkit.BlameAssertions.deployment;
import static dev.blame.testkit.BlameAssertions.pod;
import static dev.blame.testkit.BlameAssertions.replicaSet;

import dev.blame.api.Blame;
import dev.blame.api.Edge;
import dev.blame.api.EdgeKind;
import dev.blame.api.Health;
import dev.blame.api.ReasonCode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class ScenariosTest {

  @Test
  void aDeploymentComesWithItsReplicaSetAndPodsWiredAsTheControllersLeaveThem() {
    var web = Scenarios.deployment("shop", "web").replicas(3).pod(0, PodScenario::crashLooping);
    List<HasMetadata> objects = web.objects();
    Assertions.assertThat(objects).hasSize(5);
    Deployment d = (Deployment) objects.get(0);
    ReplicaSet rs = (ReplicaSet) objects.get(1);
    Assertions.assertThat(d.getStatus().getReadyReplicas()).isEqualTo(2);
    Assertions.assertThat(rs.getMetadata().getOwnerReferences().get(0).getUid()).isEqualTo(d.getMetadata().getUid());
    Assertions.assertThat(rs.getMetadata().getName()).isEqualTo(web.replicaSetName());
    Pod crashing = (Pod) objects.get(2);
    Assertions.assertThat(crashing.getMetadata().getLabels()).containsEntry("app", "web")
        .containsKey("pod-template-hash");
    Assertions.assertThat(crashing.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason())
        .isEqualTo("CrashLoopBackOff");

    try (Blame blame = BlameFixture.objects(objects).analyzers(new WaitingAnalyzer()).build()) {
      Assertions.assertThat(blame.edges(replicaSet("shop", web.replicaSetName())))
          .contains(Edge.of(deployment("shop", "web"), EdgeKind.OWNS, replicaSet("shop", web.replicaSetName())))
          .filteredOn(e -> e.kind() == EdgeKind.OWNS).hasSize(4);
      assertThat(blame.explain(deployment("shop", "web"))).isFound()
          .hasCulprit(pod("shop", web.podNames().get(0))).withReason(ReasonCode.of("CrashLoopBackOff"))
          .withContainer("main");
    }
  }

  @Test
  void podFailuresSetWhatTheKubeletOrSchedulerWould() {
    Assertions.assertThat(waiting(Scenarios.pod("shop", "a").imagePullFailing().build()))
        .isEqualTo("ImagePullBackOff");
    Pod oom = Scenarios.pod("shop", "b").oomKilled().build();
    Assertions.assertThat(oom.getStatus().getContainerStatuses().get(0).getLastState().getTerminated().getReason())
        .isEqualTo("OOMKilled");
    Pod pending = Scenarios.pod("shop", "c").unschedulable().build();
    Assertions.assertThat(pending.getStatus().getPhase()).isEqualTo("Pending");
    Assertions.assertThat(pending.getStatus().getConditions()).singleElement()
        .satisfies(c -> Assertions.assertThat(c.getReason()).isEqualTo("Unschedulable"));
    assertThat(BlameFixture.objects(oom).analyzers(new WaitingAnalyzer()).verdict(pod("shop", "b")))
        .hasHealth(Health.DEGRADED).isWellFormedFor(pod("shop", "b"));
  }

  @Test
  void servicesAndCustomResources() {
    var svc = Scenarios.service("shop", "web").selector("app", "web").port(80, 8080).build();
    Assertions.assertThat(svc.getSpec().getSelector()).isEqualTo(Map.of("app", "web"));
    GenericKubernetesResource db = Scenarios.customResource("example.dev/v1", "Database", "shop", "orders")
        .spec("replicas", 3).status("phase", "Ready").condition("Ready", "False", "Degraded", "1 of 3").build();
    @SuppressWarnings("unchecked")
    Map<String, Object> status = (Map<String, Object>) db.getAdditionalProperties().get("status");
    Assertions.assertThat(status).containsEntry("phase", "Ready").containsEntry("observedGeneration", 1L)
        .containsKey("conditions");
  }

  private static String waiting(Pod pod) {
    return pod.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason();
  }
}
