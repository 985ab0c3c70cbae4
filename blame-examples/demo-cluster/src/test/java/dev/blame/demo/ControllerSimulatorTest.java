package dev.blame.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ControllerSimulatorTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  @Test
  void progressDeadlineIsMeasuredWithTheInjectedClock() {
    MutableClock clock = new MutableClock();
    try (DemoCluster cluster = DemoCluster.start();
        ControllerSimulator sim = ControllerSimulator.builder(cluster.newClient()).clock(clock)
            .tick(Duration.ofMillis(20)).start()) {
      KubernetesClient client = cluster.client();
      Deployment d = Scenarios.deployment("default", "slow", 1, "registry.example.invalid/slow:1", List.of());
      d.getSpec().setProgressDeadlineSeconds(30);
      client.apps().deployments().inNamespace("default").resource(d).create();
      Eventually.assertThat(TIMEOUT, () -> assertThat(client.pods().inNamespace("default").list().getItems())
          .singleElement().satisfies(p -> assertThat(p.getStatus().getContainerStatuses().get(0).getState()
              .getWaiting().getReason()).isEqualTo("ImagePullBackOff")));
      assertThat(progressing(client).getReason()).isEqualTo("ReplicaSetUpdated");

      clock.advance(Duration.ofSeconds(31));

      Eventually.assertThat(TIMEOUT, () -> {
        var c = progressing(client);
        assertThat(c.getStatus()).isEqualTo("False");
        assertThat(c.getReason()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(c.getMessage()).matches("ReplicaSet \"slow-[a-z0-9]+\" has timed out progressing\\.");
        assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:31Z");
      });
      assertThat(client.v1().events().inNamespace("default").list().getItems())
          .allSatisfy(e -> assertThat(e.getFirstTimestamp()).startsWith("2026-01-01T10:00"));
      assertThat(sim.errors()).isEmpty();
    }
  }

  private static io.fabric8.kubernetes.api.model.apps.DeploymentCondition progressing(KubernetesClient client) {
    return client.apps().deployments().inNamespace("default").withName("slow").get().getStatus().getConditions()
        .stream().filter(c -> c.getType().equals("Progressing")).findFirst().orElseThrow();
  }

  /**
   * {@code kubectl rollout pause}, then a template edit: no new ReplicaSet until {@code rollout resume}, and the
   * Progressing condition says DeploymentPaused (Unknown), as the Deployment controller's sync of a paused one does.
   */
  @Test
  void aPausedDeploymentRollsOutNothingUntilResumed() {
    try (DemoCluster cluster = DemoCluster.start();
        ControllerSimulator sim = ControllerSimulator.builder(cluster.newClient()).tick(Duration.ofMillis(20))
            .start()) {
      KubernetesClient client = cluster.client();
      var deployments = client.apps().deployments().inNamespace("default");
      deployments.resource(Scenarios.deployment("default", "web", 2, "nginx:1.25", List.of())).create();
      Eventually.assertThat(TIMEOUT, () -> assertThat(Scenarios.complete(client, "default", "web", 1)).isNull());

      Edits.retryingOnConflict(deployments.withName("web"), d -> {
        d.getSpec().setPaused(true);
        return d;
      });
      Edits.retryingOnConflict(deployments.withName("web"), d -> {
        d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:1.26");
        return d;
      });
      Eventually.assertThat(TIMEOUT, () -> assertThat(deployments.withName("web").get().getStatus().getConditions())
          .anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Progressing");
            assertThat(c.getStatus()).isEqualTo("Unknown");
            assertThat(c.getReason()).isEqualTo("DeploymentPaused");
          }));
      assertThat(client.apps().replicaSets().inNamespace("default").list().getItems()).singleElement()
          .satisfies(rs -> assertThat(rs.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
              .isEqualTo("nginx:1.25"));

      Edits.retryingOnConflict(deployments.withName("web"), d -> {
        d.getSpec().setPaused(false);
        return d;
      });
      Eventually.assertThat(TIMEOUT, () -> assertThat(Scenarios.complete(client, "default", "web", 2)).isNull());
    }
  }

  @Test
  void sameInputsGiveTheSameNames() {
    assertThat(namesAfterQuotaScenario()).isEqualTo(namesAfterQuotaScenario()).isNotEmpty();
  }

  @SuppressWarnings("try")
  private static List<String> namesAfterQuotaScenario() {
    try (DemoCluster cluster = DemoCluster.start();
        ControllerSimulator sim = ControllerSimulator.builder(cluster.newClient()).tick(Duration.ofMillis(20))
            .start()) {
      Scenario.QUOTA.play(cluster.client(), TIMEOUT);
      Scenario.QUOTA.awaitSettled(cluster.client(), TIMEOUT);
      return java.util.stream.Stream.concat(
          cluster.client().apps().replicaSets().inNamespace("quota").list().getItems().stream(),
          cluster.client().pods().inNamespace("quota").list().getItems().stream())
          .map(HasMetadata::getMetadata).map(m -> m.getName()).sorted().toList();
    }
  }

  @Test
  void scalingDownAndHealthyStatefulSetsFollowTheRules() {
    try (DemoCluster cluster = DemoCluster.start();
        ControllerSimulator sim = ControllerSimulator.builder(cluster.newClient()).tick(Duration.ofMillis(20))
            .start()) {
      KubernetesClient client = cluster.client();
      client.apps().deployments().inNamespace("default").resource(Scenarios.deployment("default", "web", 3,
          "nginx:1.25", List.of())).create();
      Eventually.assertThat(TIMEOUT, () -> assertThat(Scenarios.complete(client, "default", "web", 1)).isNull());
      client.apps().deployments().inNamespace("default").withName("web").scale(1);
      Eventually.assertThat(TIMEOUT, () -> assertThat(client.pods().inNamespace("default").list().getItems())
          .hasSize(1));

      var sts = new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder().withNewMetadata().withName("kv")
          .withNamespace("default").endMetadata().withNewSpec().withReplicas(3).withServiceName("kv")
          .withNewSelector().addToMatchLabels("app", "kv").endSelector().withNewTemplate().withNewMetadata()
          .addToLabels("app", "kv").endMetadata().withNewSpec().addNewContainer().withName("kv")
          .withImage("redis:7").endContainer().endSpec().endTemplate().endSpec().build();
      client.apps().statefulSets().inNamespace("default").resource(sts).create();
      Eventually.assertThat(TIMEOUT, () -> assertThat(client.apps().statefulSets().inNamespace("default")
          .withName("kv").get().getStatus().getReadyReplicas()).isEqualTo(3));
      List<String> creations = client.v1().events().inNamespace("default").list().getItems().stream()
          .filter(e -> "SuccessfulCreate".equals(e.getReason()) && "kv".equals(e.getInvolvedObject().getName()))
          .map(e -> e.getMessage()).toList();
      assertThat(creations).containsExactlyInAnyOrder("create Pod kv-0 in StatefulSet kv successful",
          "create Pod kv-1 in StatefulSet kv successful", "create Pod kv-2 in StatefulSet kv successful");
      assertThat(sim.errors()).isEmpty();
    }
  }

  /**
   * The disruption controller fills a budget's status from the pods it selects (they were all zeros): minAvailable 1
   * of a Deployment's 2 ready pods allows 1 disruption; maxUnavailable 50% counts the Deployment's replicas (3, of which
   * 1 pod cannot be scheduled) and rounds up: desired 3 - 2 = 1, 2 healthy; a Job's pod has no scale: SyncFailed.
   */
  @Test
  void disruptionBudgetsCountTheSelectedPods() {
    try (DemoCluster cluster = DemoCluster.start();
        ControllerSimulator sim = ControllerSimulator.builder(cluster.newClient()).tick(Duration.ofMillis(20))
            .start()) {
      KubernetesClient client = cluster.client();
      client.apps().deployments().inNamespace("default").resource(Scenarios.deployment("default", "web", 2,
          "nginx:1.25", List.of())).create();
      Deployment big = Scenarios.deployment("default", "big", 3, "nginx:1.25", List.of());
      big.getSpec().getTemplate().getSpec().getContainers().get(0).setResources(
          new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder()
              .addToRequests("cpu", new io.fabric8.kubernetes.api.model.Quantity("1500m")).build());
      client.apps().deployments().inNamespace("default").resource(big).create();
      client.batch().v1().jobs().inNamespace("default").resource(new io.fabric8.kubernetes.api.model.batch.v1
          .JobBuilder().withNewMetadata().withName("task").endMetadata().withNewSpec().withNewTemplate().withNewSpec()
          .withRestartPolicy("Never").addNewContainer().withName("c").withImage("busybox:1.36")
          .withCommand("sh", "-c", "sleep 3600").endContainer().endSpec().endTemplate().endSpec().build()).create();
      var pdbs = client.policy().v1().podDisruptionBudget().inNamespace("default");
      pdbs.resource(pdb("web-pdb", "app", "web", new io.fabric8.kubernetes.api.model.IntOrString(1), null)).create();
      pdbs.resource(pdb("big-pdb", "app", "big", null, new io.fabric8.kubernetes.api.model.IntOrString("50%")))
          .create();
      pdbs.resource(pdb("task-pdb", "job-name", "task", null, new io.fabric8.kubernetes.api.model.IntOrString(1)))
          .create();
      pdbs.resource(pdb("none-pdb", "app", "nothing", new io.fabric8.kubernetes.api.model.IntOrString(1), null))
          .create();
      // A pod without a controller: left out of a scale (maxUnavailable), counted by a number (minAvailable: 1).
      client.pods().inNamespace("default").resource(new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata()
          .withName("loner").addToLabels("tier", "solo").endMetadata().withNewSpec().addNewContainer().withName("c")
          .withImage("nginx:1.25").endContainer().endSpec().build()).create();
      pdbs.resource(pdb("solo-scaled", "tier", "solo", null, new io.fabric8.kubernetes.api.model.IntOrString(1)))
          .create();
      pdbs.resource(pdb("solo-counted", "tier", "solo", new io.fabric8.kubernetes.api.model.IntOrString(1), null))
          .create();

      Eventually.assertThat(TIMEOUT, () -> {
        var web = pdbs.withName("web-pdb").get().getStatus();
        assertThat(List.of(web.getCurrentHealthy(), web.getDesiredHealthy(), web.getExpectedPods(),
            web.getDisruptionsAllowed())).containsExactly(2, 1, 2, 1);
        assertThat(web.getConditions()).singleElement().satisfies(c -> {
          assertThat(c.getType()).isEqualTo("DisruptionAllowed");
          assertThat(c.getStatus()).isEqualTo("True");
          assertThat(c.getReason()).isEqualTo("SufficientPods");
        });
        var bigStatus = pdbs.withName("big-pdb").get().getStatus();
        assertThat(List.of(bigStatus.getCurrentHealthy(), bigStatus.getDesiredHealthy(), bigStatus.getExpectedPods(),
            bigStatus.getDisruptionsAllowed())).containsExactly(2, 1, 3, 1);
        var task = pdbs.withName("task-pdb").get().getStatus();
        assertThat(task.getDisruptionsAllowed()).isZero();
        assertThat(task.getConditions()).singleElement().satisfies(c -> {
          assertThat(c.getStatus()).isEqualTo("False");
          assertThat(c.getReason()).isEqualTo("SyncFailed");
          assertThat(c.getMessage()).matches("found no controllers for pod \"task-[a-z0-9]{5}\"");
        });
        // trySync's events (there were none): `describe pdb` shows them
        assertThat(pdbEvents(client, "none-pdb")).containsExactly("Normal NoPods controllermanager: No matching pods "
            + "found");
        assertThat(pdbEvents(client, "task-pdb")).singleElement().asString().matches("Warning "
            + "CalculateExpectedPodCountFailed controllermanager: Failed to calculate the number of expected pods: "
            + "found no controllers for pod \"task-[a-z0-9]{5}\"");
        assertThat(pdbEvents(client, "web-pdb")).isEmpty();
        assertThat(pdbEvents(client, "solo-scaled")).containsExactly("Warning UnmanagedPods controllermanager: Pods "
            + "selected by this PodDisruptionBudget (selector: &LabelSelector{MatchLabels:map[string]string{tier: solo,"
            + "},MatchExpressions:[]LabelSelectorRequirement{},}) were found to be unmanaged. As a result, the status "
            + "of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these "
            + "pods please set \".spec.minAvailable\" field of the PDB to an integer value.");
        assertThat(pdbs.withName("solo-scaled").get().getStatus().getExpectedPods()).isZero();
        assertThat(pdbs.withName("solo-counted").get().getStatus().getExpectedPods()).isEqualTo(1);
        assertThat(pdbEvents(client, "solo-counted")).isEmpty();
      });
      assertThat(sim.errors()).isEmpty();
    }
  }

  /**
   * {@code kubectl cordon} then {@code uncordon}: the kubelet records NodeNotSchedulable, then NodeSchedulable, about
   * its node reference (uid = the node's name), where {@code describe node} finds them (it showed "Events: none").
   */
  @Test
  void cordoningTheNodeIsRecordedByTheKubelet() {
    try (DemoCluster cluster = DemoCluster.start();
        ControllerSimulator sim = ControllerSimulator.builder(cluster.newClient()).tick(Duration.ofMillis(20))
            .start()) {
      KubernetesClient client = cluster.client();
      var node = client.nodes().withName(ControllerSimulator.NODE_NAME);
      node.edit(n -> {
        n.getSpec().setUnschedulable(true);
        return n;
      });
      Eventually.assertThat(TIMEOUT, () -> assertThat(nodeEvents(client)).containsExactly(
          "Normal NodeNotSchedulable kubelet demo-node/demo-node: Node demo-node status is now: NodeNotSchedulable"));
      node.edit(n -> {
        n.getSpec().setUnschedulable(null);
        return n;
      });
      Eventually.assertThat(TIMEOUT, () -> assertThat(nodeEvents(client)).containsExactlyInAnyOrder(
          "Normal NodeNotSchedulable kubelet demo-node/demo-node: Node demo-node status is now: NodeNotSchedulable",
          "Normal NodeSchedulable kubelet demo-node/demo-node: Node demo-node status is now: NodeSchedulable"));
      assertThat(sim.errors()).isEmpty();
    }
  }

  /**
   * {@code kubectl taint nodes demo-node dedicated=demo:NoSchedule}: a pod without a matching toleration stays Pending
   * with the TaintToleration filter's reason (it was scheduled); one that tolerates the taint is scheduled.
   */
  @Test
  void anUntoleratedTaintKeepsPodsPending() {
    try (DemoCluster cluster = DemoCluster.start();
        ControllerSimulator sim = ControllerSimulator.builder(cluster.newClient()).tick(Duration.ofMillis(20))
            .start()) {
      KubernetesClient client = cluster.client();
      client.nodes().withName(ControllerSimulator.NODE_NAME).edit(n -> {
        n.getSpec().setTaints(List.of(new io.fabric8.kubernetes.api.model.TaintBuilder().withKey("dedicated")
            .withValue("demo").withEffect("NoSchedule").build()));
        return n;
      });
      var pods = client.pods().inNamespace("default");
      pods.resource(new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata().withName("plain").endMetadata()
          .withNewSpec().addNewContainer().withName("c").withImage("nginx:1.25").endContainer().endSpec().build())
          .create();
      pods.resource(new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata().withName("tolerant")
          .endMetadata().withNewSpec().addNewContainer().withName("c").withImage("nginx:1.25").endContainer()
          .addNewToleration().withKey("dedicated").withOperator("Equal").withValue("demo").withEffect("NoSchedule")
          .endToleration().endSpec().build()).create();
      Eventually.assertThat(TIMEOUT, () -> {
        assertThat(pods.withName("tolerant").get().getSpec().getNodeName()).isEqualTo(ControllerSimulator.NODE_NAME);
        var plain = pods.withName("plain").get();
        assertThat(plain.getSpec().getNodeName()).isNull();
        assertThat(plain.getStatus().getConditions()).anySatisfy(c -> {
          assertThat(c.getType()).isEqualTo("PodScheduled");
          assertThat(c.getReason()).isEqualTo("Unschedulable");
          assertThat(c.getMessage()).isEqualTo("0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: "
              + "demo}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.");
        });
      });
      client.nodes().withName(ControllerSimulator.NODE_NAME).edit(n -> {
        n.getSpec().setTaints(null);
        return n;
      });
      Eventually.assertThat(TIMEOUT, () -> assertThat(pods.withName("plain").get().getSpec().getNodeName())
          .isEqualTo(ControllerSimulator.NODE_NAME));
      assertThat(sim.errors()).isEmpty();
    }
  }

  /**
   * {@code kubectl cordon}: the node lifecycle controller adds the taint
   * {@code node.kubernetes.io/unschedulable:NoSchedule} with its {@code timeAdded} (the node had no taint); a pod
   * without a toleration for it stays Pending "node(s) were unschedulable", a pod tolerating it is scheduled on the
   * cordoned node (it was refused); {@code uncordon} removes the taint and keeps the node's other taints.
   */
  @Test
  void cordoningTaintsTheNodeAndLetsTolerantPodsIn() {
    Clock clock = Clock.fixed(Instant.parse("2026-12-07T03:30:00Z"), ZoneOffset.UTC);
    try (DemoCluster cluster = DemoCluster.start();
        ControllerSimulator sim = ControllerSimulator.builder(cluster.newClient()).clock(clock)
            .tick(Duration.ofMillis(20)).start()) {
      KubernetesClient client = cluster.client();
      var node = client.nodes().withName(ControllerSimulator.NODE_NAME);
      Taint other = new TaintBuilder().withKey("team").withValue("blue").withEffect("PreferNoSchedule").build();
      node.edit(n -> {
        n.getSpec().setUnschedulable(true);
        n.getSpec().setTaints(List.of(other));
        return n;
      });
      Eventually.assertThat(TIMEOUT, () -> assertThat(node.get().getSpec().getTaints()).containsExactly(other,
          new TaintBuilder().withKey("node.kubernetes.io/unschedulable").withEffect("NoSchedule")
              .withTimeAdded("2026-12-07T03:30:00Z").build()));
      var pods = client.pods().inNamespace("default");
      pods.resource(new PodBuilder().withNewMetadata().withName("plain").endMetadata().withNewSpec()
          .addNewContainer().withName("c").withImage("nginx:1.25").endContainer().endSpec().build()).create();
      pods.resource(new PodBuilder().withNewMetadata().withName("tolerant").endMetadata().withNewSpec()
          .addNewContainer().withName("c").withImage("nginx:1.25").endContainer().addNewToleration()
          .withKey("node.kubernetes.io/unschedulable").withOperator("Exists").withEffect("NoSchedule")
          .endToleration().endSpec().build()).create();
      Eventually.assertThat(TIMEOUT, () -> {
        assertThat(pods.withName("tolerant").get().getSpec().getNodeName()).isEqualTo(ControllerSimulator.NODE_NAME);
        var plain = pods.withName("plain").get();
        assertThat(plain.getSpec().getNodeName()).isNull();
        assertThat(plain.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getMessage()).isEqualTo(
            "0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: "
                + "1 Preemption is not helpful for scheduling."));
      });
      node.edit(n -> {
        n.getSpec().setUnschedulable(null);
        return n;
      });
      Eventually.assertThat(TIMEOUT, () -> assertThat(node.get().getSpec().getTaints()).containsExactly(other));
      Eventually.assertThat(TIMEOUT, () -> assertThat(pods.withName("plain").get().getSpec().getNodeName())
          .isEqualTo(ControllerSimulator.NODE_NAME));
      assertThat(sim.errors()).isEmpty();
    }
  }

  private static List<String> nodeEvents(KubernetesClient client) {
    return client.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> "Node".equals(e.getInvolvedObject().getKind()))
        .map(e -> e.getType() + " " + e.getReason() + " " + e.getSource().getComponent() + " "
            + e.getInvolvedObject().getName() + "/" + e.getInvolvedObject().getUid() + ": " + e.getMessage())
        .toList();
  }

  private static List<String> pdbEvents(KubernetesClient client, String name) {
    return client.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> "PodDisruptionBudget".equals(e.getInvolvedObject().getKind())
            && name.equals(e.getInvolvedObject().getName()))
        .map(e -> e.getType() + " " + e.getReason() + " " + e.getSource().getComponent() + ": " + e.getMessage())
        .toList();
  }

  private static io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget pdb(String name, String key,
      String value, io.fabric8.kubernetes.api.model.IntOrString minAvailable,
      io.fabric8.kubernetes.api.model.IntOrString maxUnavailable) {
    return new io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder().withNewMetadata()
        .withName(name).endMetadata().withNewSpec().withNewSelector().addToMatchLabels(key, value).endSelector()
        .withMinAvailable(minAvailable).withMaxUnavailable(maxUnavailable).endSpec().build();
  }
}
