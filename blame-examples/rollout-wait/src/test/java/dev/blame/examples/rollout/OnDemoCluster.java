package dev.blame.examples.rollout;

import dev.blame.demo.ControllerSimulator;
import dev.blame.demo.DemoCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests on a demo cluster with its simulated controllers, started once per test class. */
abstract class OnDemoCluster {

  static DemoCluster cluster;
  static ControllerSimulator simulator;

  @BeforeAll
  static void start() {
    cluster = DemoCluster.start();
    simulator = ControllerSimulator.start(cluster);
  }

  @AfterAll
  static void stop() {
    simulator.close();
    cluster.close();
  }

  /** Creates the namespace; returns the cluster's client. */
  static KubernetesClient namespace(String ns) {
    cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata()
        .build()).create();
    return cluster.client();
  }
}
