package dev.blame.demo;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Tests on one demo cluster per test class, its controllers ticking every 30 ms (on a client of their own);
 * {@link #client} is the test's.
 */
abstract class OnDemoCluster {

  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static DemoCluster cluster;
  static ControllerSimulator simulator;
  static KubernetesClient client;

  @BeforeAll
  static void start() {
    cluster = DemoCluster.start();
    client = cluster.client();
    simulator = ControllerSimulator.builder(cluster.newClient()).tick(Duration.ofMillis(30)).start();
  }

  @AfterAll
  static void stop() {
    simulator.close();
    cluster.close();
  }
}
