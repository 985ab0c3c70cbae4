package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.demo.DemoCluster;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code blame --watch -o json} outside a terminal against the demo API server (fabric8's CRUD mock): JSON Lines,
 * a line only when the verdict or findings change, and when the server goes away a line on stderr and a
 * {@code "connection": "Lost"} record instead of a stale verdict.
 */
@Timeout(120)
class WatchTest {

  @Test
  void jsonLinesOnChangeAndTheLostConnectionSaidOnStderrAndInTheView() throws Exception {
    DemoCluster cluster = DemoCluster.start(0);
    StringBuffer out = new StringBuffer();
    StringWriter err = new StringWriter();
    Thread watcher = null;
    DemoCluster restarted = null;
    try {
      cluster.client().apps().deployments().inNamespace("shop").resource(new DeploymentBuilder()
          .withNewMetadata().withName("web").endMetadata()
          .withNewSpec().withReplicas(1).endSpec().build()).create();
      Path kubeconfig = cluster.writeKubeconfig("shop");
      Cli cli = new Cli(new PrintWriter(new KubectlUserTest.BufferWriter(out), true), new PrintWriter(err, true),
          new ByteArrayInputStream(new byte[0]), Map.of(), false, Run.TEST_ANALYZERS);
      watcher = new Thread(() -> BlameCli.run(cli, "deploy/web", "--kubeconfig", kubeconfig.toString(), "--watch",
          "-o", "json", "--watch-interval", "100"), "watch-test");
      watcher.start();
      await(() -> out.toString().contains("\n"), "a first record");
      // Ten ticks with nothing new: no second record (ages alone are no news outside a terminal).
      Thread.sleep(1000);
      assertThat(lines(out)).hasSize(1);
      Schema.assertValid("blame", lines(out).get(0));

      cluster.close();
      await(() -> out.toString().contains("\"connection\":\"Lost\""), "a connection-lost record");
      await(() -> err.toString().contains("lost the connection"), "a warning on stderr");
      assertThat(err.toString()).doesNotContain("Exception").doesNotContain("java.");
      List<String> records = lines(out);
      assertThat(records.get(records.size() - 1)).contains("\"connection\":\"Lost\"");
      Schema.assertValid("connectionLost", records.get(records.size() - 1));
      for (String record : records) {
        Schema.assertValid(record.contains("\"connection\"") ? "connectionLost" : "blame", record);
      }

      // The server comes back on the same port: the watch says so and reads everything afresh.
      int port = java.net.URI.create(cluster.url()).getPort();
      int before = records.size();
      restarted = DemoCluster.start(port);
      restarted.client().apps().deployments().inNamespace("shop").resource(new DeploymentBuilder()
          .withNewMetadata().withName("web").endMetadata()
          .withNewSpec().withReplicas(1).endSpec().build()).create();
      await(() -> err.toString().contains("reconnected"), "a reconnection on stderr");
      await(() -> lines(out).size() > before, "a verdict after the reconnection");
      String after = lines(out).get(before);
      Schema.assertValid("blame", after);
    } finally {
      if (watcher != null) {
        watcher.interrupt();
        watcher.join(20_000);
        assertThat(watcher.isAlive()).isFalse();
      }
      cluster.close();
      if (restarted != null) {
        restarted.close();
      }
    }
  }

  private static List<String> lines(StringBuffer out) {
    return out.toString().lines().filter(l -> !l.isBlank()).toList();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what + " within 60 s");
      }
      Thread.sleep(50);
    }
  }
}
