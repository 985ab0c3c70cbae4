package dev.blame.examples.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.ReasonCode;
import dev.blame.api.Tolerance;
import dev.blame.api.WaitOutcome;
import dev.blame.api.WaitResult;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Watches that break mid-wait: the connection dropped (the client reconnects) and a 410 Gone on an open watch
 * (the informer re-lists). Either way the crash that happens meanwhile is still the verdict.
 */
@Timeout(60)
class WatchFaultTest extends OnDemoCluster {

  @Test
  void theConnectionDroppedMidWait() throws Exception {
    try (FaultProxy proxy = FaultProxy.to(cluster.port())) {
      WaitResult result = crashWhile(proxy, "dropped", () -> proxy.dropAll());
      assertCrashLoop(result);
    }
  }

  @Test
  void aGoneOnTheOpenPodWatch() throws Exception {
    try (FaultProxy proxy = FaultProxy.to(cluster.port())) {
      int[] sent = {0};
      WaitResult result = crashWhile(proxy, "gone", () -> {
        // The wait watches pods once it has looked at the Deployment: inject into that watch.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!proxy.watching("/pods?") && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        sent[0] = proxy.gone("/pods?");
      });
      assertThat(sent[0]).as("410 frames injected").isPositive();
      assertCrashLoop(result);
    }
  }

  interface Fault {
    void inject() throws Exception;
  }

  /** Applies a crashing Deployment through the proxy, injects the fault while the wait runs, returns the verdict. */
  private static WaitResult crashWhile(FaultProxy proxy, String ns, Fault fault) throws Exception {
    namespace(ns);
    // The vert.x client: its watches are WebSockets on their own connections, which the proxy can single out.
    // (The JDK client streams watches over reused keep-alive connections; the proxy reads only a connection's
    // first request.)
    try (KubernetesClient client = new KubernetesClientBuilder().withHttpClientFactory(new VertxHttpClientFactory())
        .withConfig(new ConfigBuilder(cluster.config())
            .withMasterUrl(proxy.url()).withWatchReconnectInterval(50).withWatchReconnectLimit(-1).build()).build();
        DeployTool deploy = new DeployTool(client, ns, Tolerance.defaults())) {
      DeployTool.Applied applied = deploy.apply(DeployToolTest.manifest("web-crash.yaml"));
      CompletableFuture<WaitResult> wait = CompletableFuture.supplyAsync(
          () -> applied.await(Duration.ofSeconds(40), s -> { }));
      Thread.sleep(400);
      assertThat(wait).as("still waiting when the fault is injected").isNotDone();
      fault.inject();
      return wait.get(45, TimeUnit.SECONDS);
    }
  }

  private static void assertCrashLoop(WaitResult result) {
    assertThat(result.outcome()).as(result.toString()).isEqualTo(WaitOutcome.FAILED);
    Finding culprit = result.culprits().get(0);
    assertThat(culprit.subject().groupKind()).isEqualTo(GroupKind.POD);
    assertThat(culprit.subject().name()).startsWith("web-");
    assertThat(culprit.reason()).isEqualTo(ReasonCode.of("CrashLoopBackOff"));
  }
}
