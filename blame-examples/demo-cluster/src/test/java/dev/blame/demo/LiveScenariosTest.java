package dev.blame.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The scenarios that real images and a real scheduler reproduce, played against the demo cluster (default, CI) or,
 * with {@code mvn verify -Pcluster -Dblame.kubeconfig=PATH}, against the cluster of that kubeconfig: each in its
 * own namespace, which is deleted afterwards. See docs/demo-cluster.md, "Against a real cluster".
 */
class LiveScenariosTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static DemoCluster cluster;
  private static ControllerSimulator simulator;
  private static KubernetesClient client;

  @BeforeAll
  static void start() throws IOException {
    String kubeconfig = System.getProperty("blame.kubeconfig", "");
    if (kubeconfig.isBlank()) {
      cluster = DemoCluster.start();
      simulator = ControllerSimulator.start(cluster);
      client = cluster.client();
    } else {
      client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null,
          Files.readString(Path.of(kubeconfig)), kubeconfig)).build();
    }
  }

  @AfterAll
  static void stop() {
    if (simulator != null) {
      simulator.close();
    }
    if (cluster != null) {
      cluster.close();
    } else if (client != null) {
      client.close();
    }
  }

  /** Scenarios whose images and conditions exist on a real cluster (the talk's busybox:v2/v3 tags do not). */
  @ParameterizedTest
  @EnumSource(value = Scenario.class, names = {"IMAGE_PULL_ERROR", "SERVICE_SELECTS_NOTHING", "HEALTHY_ROLLOUT",
      "QUOTA"})
  void scenarioSettlesAndIsCleanedUp(Scenario scenario) throws InterruptedException {
    try {
      scenario.play(client, TIMEOUT);
      scenario.awaitSettled(client, TIMEOUT);
    } finally {
      client.namespaces().withName(scenario.namespace()).delete();
    }
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (client.namespaces().withName(scenario.namespace()).get() != null && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(500);
    }
    assertThat(client.namespaces().withName(scenario.namespace()).get()).as("namespace %s deleted",
        scenario.namespace()).isNull();
    assertThat(client.pods().inNamespace(scenario.namespace()).list().getItems()).isEqualTo(List.of());
  }
}
