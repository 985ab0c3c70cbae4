package dev.blame.examples.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.RevisionChange;
import dev.blame.api.Tolerance;
import dev.blame.api.WaitOutcome;
import dev.blame.api.WaitResult;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The example deploy step against the demo cluster: apply, then wait; one namespace per test. */
@Timeout(60)
class DeployToolTest extends OnDemoCluster {

  static Path manifest(String name) {
    try {
      return Path.of(DeployToolTest.class.getResource("/manifests/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aHealthyRolloutCompletesAndAnUpdateIsNotDoneBeforeItsNewPodsAre() throws Exception {
    KubernetesClient client = namespace("healthy");
    try (DeployTool deploy = new DeployTool(client, "healthy", Tolerance.defaults())) {
      WaitResult first = deploy.apply(manifest("web-v1.yaml")).await(Duration.ofSeconds(30), s -> { });
      assertThat(first.outcome()).as(first.toString()).isEqualTo(WaitOutcome.COMPLETE);
      assertThat(first.states()).extracting(s -> s.ref().kind()).containsExactly("Deployment", "Service");

      // Apply, then wait at once: the old status still says available, and the graph may not have the update.
      DeployTool.Applied update = deploy.apply(manifest("web-v2.yaml"));
      WaitResult second = update.await(Duration.ofSeconds(30), s -> { });
      assertThat(second.outcome()).as(second.toString()).isEqualTo(WaitOutcome.COMPLETE);
      Deployment now = client.apps().deployments().inNamespace("healthy").withName("web").get();
      assertThat(now.getStatus().getObservedGeneration()).isEqualTo(now.getMetadata().getGeneration());
      assertThat(now.getStatus().getUpdatedReplicas()).isEqualTo(2);
      assertThat(now.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "2");
      assertThat(client.pods().inNamespace("healthy").list().getItems())
          .filteredOn(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
          .allSatisfy(p -> assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.26"));
    }
  }

  @Test
  void aCrashingUpdateFailsNamingThePodTheReasonAndTheRevisionChange() throws Exception {
    KubernetesClient client = namespace("crash");
    try (DeployTool deploy = new DeployTool(client, "crash", Tolerance.defaults())) {
      assertThat(deploy.apply(manifest("web-v1.yaml")).await(Duration.ofSeconds(30), s -> { }).outcome())
          .isEqualTo(WaitOutcome.COMPLETE);
      WaitResult result = deploy.apply(manifest("web-crash.yaml")).await(Duration.ofSeconds(30), s -> { });

      assertThat(result.outcome()).as(result.toString()).isEqualTo(WaitOutcome.FAILED);
      Finding culprit = result.culprits().get(0);
      assertThat(culprit.subject().groupKind()).isEqualTo(GroupKind.POD);
      assertThat(culprit.reason()).isEqualTo(ReasonCode.of("CrashLoopBackOff"));
      assertThat(culprit.container()).contains("web");
      assertThat(result.states().get(0).ref()).isEqualTo(ObjectRef.of(GroupKind.DEPLOYMENT, "crash", "web"));
      assertThat(result.revisionDiffs()).singleElement().satisfies(diff -> {
        assertThat(diff.revision().number()).isEqualTo(2);
        assertThat(diff.changes()).extracting(RevisionChange::path)
            .anyMatch(p -> p.contains("image"));
      });
    }
  }
}
