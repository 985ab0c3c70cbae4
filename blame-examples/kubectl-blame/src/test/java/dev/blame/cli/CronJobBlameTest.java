package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blame.demo.ControllerSimulator;
import dev.blame.demo.DemoCluster;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CronJob whose Jobs fail, scheduled by the demo cluster's CronJob controller (its clock runs 61 s ahead, so
 * "* * * * *" fires at once), explained live with the built-in analyzers: the CronJob is Degraded and the
 * culprit is the failed pod of its latest Job.
 */
@Timeout(180)
class CronJobBlameTest {

  @TempDir
  Path dir;

  @Test
  void aCronJobWhoseJobsFailIsDegradedAndNamesThePod() throws Exception {
    try (DemoCluster cluster = DemoCluster.start();
        ControllerSimulator sim = ControllerSimulator.builder(cluster.newClient())
            .clock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(61))).tick(Duration.ofMillis(50)).start()) {
      KubernetesClient client = cluster.client();
      client.resource(client.getKubernetesSerialization().unmarshal("""
          apiVersion: batch/v1
          kind: CronJob
          metadata: {name: nightly-report, namespace: default}
          spec:
            schedule: "* * * * *"
            concurrencyPolicy: Forbid
            jobTemplate:
              spec:
                backoffLimit: 1
                template:
                  spec:
                    restartPolicy: Never
                    containers:
                    - {name: report, image: busybox:1.36, command: ["sh", "-c", "echo cannot reach db; exit 3"]}
          """, CronJob.class)).create();
      awaitFailedJob(client);
      Path kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"));

      Run text = Run.withBuiltInAnalyzers("cronjob/nightly-report", "--kubeconfig", kubeconfig.toString());
      assertThat(text.err()).isEmpty();
      assertThat(text.out().lines().findFirst().orElse("")).as(text.out())
          .matches("CronJob nightly-report -n default is Degraded .*latest Job nightly-report-\\d+ failed");
      assertThat(text.out()).contains("Container [report] exited with code 3");

      Run json = Run.withBuiltInAnalyzers("cronjob/nightly-report", "--kubeconfig", kubeconfig.toString(),
          "-o", "json");
      JsonNode doc = new ObjectMapper().readTree(json.out());
      assertThat(doc.path("health").asText()).as(json.out()).isEqualTo("Degraded");
      JsonNode culprit = doc.path("culprits").get(0);
      assertThat(culprit.path("kind").asText()).as(json.out()).isEqualTo("Pod");
      assertThat(culprit.path("name").asText()).startsWith("nightly-report-");
      assertThat(sim.errors()).isEmpty();
    }
  }

  private static void awaitFailedJob(KubernetesClient client) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      boolean failed = client.batch().v1().jobs().inNamespace("default").list().getItems().stream()
          .anyMatch(j -> j.getStatus() != null && j.getStatus().getConditions().stream()
              .anyMatch(c -> c.getType().equals("Failed") && c.getStatus().equals("True")));
      if (failed) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no Job of the CronJob failed within 60 s: "
        + client.batch().v1().jobs().inNamespace("default").list().getItems());
  }
}
