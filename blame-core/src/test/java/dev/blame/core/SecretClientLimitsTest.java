package dev.blame.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blame.api.Blame;
import dev.blame.api.BlameException;
import dev.blame.api.GroupKind;
import dev.blame.testkit.WaitingContainersAnalyzer;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client blame-core builds for Secrets (metadata only) has the limits the CLI puts on its own client
 * ({@link HttpLimits}): a server that answers a Secret LIST with a body past the cap, or refuses every token, cannot
 * make the library read without end or re-run an exec credential plugin for every request. Until the eighth red team
 * this client had fabric8's defaults (no cap, a plugin run per 401), whatever the caller's client had.
 */
@EnableKubernetesMockClient
@Timeout(120)
class SecretClientLimitsTest {

  static final String SECRETS = "/api/v1/namespaces/demo/secrets?limit=500";

  KubernetesMockServer server;
  KubernetesClient client;

  @TempDir
  Path dir;

  private Blame blame(KubernetesClient with, long cap) {
    return BlameEngine.builder().client(with).namespace("demo").discoverAnalyzers(false).oneShot()
        .addAnalyzer(new WaitingContainersAnalyzer()).requestTimeout(Duration.ofSeconds(5)).maxResponseBytes(cap)
        .build();
  }

  /** A server that ignores the page size: the Secret LIST's body is four times the cap. */
  @Test
  void aSecretListLargerThanTheCapIsCutOffNamingTheRequest() {
    String padding = "x".repeat(4 << 20);
    server.expect().get().withPath(SECRETS).andReturn(200, "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":"
        + "{\"resourceVersion\":\"1\"},\"items\":[{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":"
        + "\"big\",\"namespace\":\"demo\",\"annotations\":{\"pad\":\"" + padding + "\"}}}]}").always();
    assertThatThrownBy(() -> {
      try (Blame blame = blame(client, 1 << 20)) {
        blame.list(GroupKind.SECRET, "demo");
      }
    })
        .isInstanceOf(BlameException.class)
        .hasMessageContaining("secrets in namespace demo")
        .hasMessageContaining("the response to GET /api/v1/namespaces/demo/secrets is larger than the limit of "
            + (1 << 20) + " bytes");
  }

  /** Under the cap the same LIST is read, so the cap is what refused it above. */
  @Test
  void aSecretListUnderTheCapIsRead() {
    server.expect().get().withPath(SECRETS).andReturn(200, "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":"
        + "{\"resourceVersion\":\"1\"},\"items\":[{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":"
        + "\"small\",\"namespace\":\"demo\"}}]}").always();
    try (Blame blame = blame(client, 1 << 20)) {
      assertThat(blame.list(GroupKind.SECRET, "demo")).hasSize(1);
    }
  }

  /**
   * An exec credential plugin whose token the server refuses on Secrets (401): fabric8's default refresh ran the
   * plugin again for every request answered 401. The plugin counts its runs: one to load the kubeconfig, at most one
   * more to refresh.
   */
  @Test
  void aRefusedTokenOnSecretsRunsTheExecPluginABoundedNumberOfTimes() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
    server.expect().get().withPath(SECRETS).andReturn(401, new StatusBuilder().withCode(401)
        .withReason("Unauthorized").withMessage("Unauthorized").build()).always();
    Path runs = dir.resolve("runs");
    Path plugin = dir.resolve("token.sh");
    Files.writeString(plugin, "#!/bin/sh\necho run >> '" + runs + "'\n"
        + "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\","
        + "\"status\":{\"token\":\"refused\"}}'\n");
    Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
    Config config = execPluginConfig(plugin);
    long loaded = Files.readAllLines(runs).size();
    List<String> failures = new ArrayList<>();
    try (KubernetesClient caller = new KubernetesClientBuilder().withConfig(config).build();
        Blame blame = BlameEngine.builder().client(caller).namespace("demo").discoverAnalyzers(false)
            .addAnalyzer(new WaitingContainersAnalyzer()).requestTimeout(Duration.ofSeconds(20)).build()) {
      // A live Blame: each query that involves Secrets starts their watch again (its LIST retried as a dropped
      // connection is), and each 401 was a reason for fabric8 to run the plugin.
      for (int query = 0; query < 3; query++) {
        try {
          blame.list(GroupKind.SECRET, "demo");
          failures.add("read");
        } catch (BlameException e) {
          failures.add(e.getMessage());
        }
      }
    }
    long refreshes = Files.readAllLines(runs).size() - loaded;
    System.out.println("the plugin ran " + loaded + " time(s) to load, " + refreshes + " to refresh: " + failures);
    assertThat(failures).hasSize(3).allSatisfy(m -> assertThat(m).contains("unauthorized (HTTP 401)"));
    // Once after the first 401; the refreshed token refused too, no more within a minute.
    assertThat(refreshes).as("plugin runs to refresh, three queries").isBetween(1L, 1L);
  }

  /**
   * A refresh that hangs past the request timeout is given up, and the library leaves its process alone: it cannot
   * tell the plugin's process from one its caller started meanwhile (stopping every child started during the refresh
   * is for the CLI only, {@link HttpLimits#apply(io.fabric8.kubernetes.client.http.HttpClient.Builder, Config, long,
   * Duration, java.util.function.Consumer, boolean)}). The plugin answers at once to load the kubeconfig, then hangs.
   */
  @Test
  void aRefreshGivenUpOnStopsNoProcessOfTheEmbeddingApplication() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
    server.expect().get().withPath(SECRETS).andReturn(401, new StatusBuilder().withCode(401)
        .withReason("Unauthorized").withMessage("Unauthorized").build()).always();
    Path runs = dir.resolve("runs");
    Path pid = dir.resolve("pid");
    Path plugin = dir.resolve("token.sh");
    Files.writeString(plugin, "#!/bin/sh\nif [ -f '" + runs + "' ]; then echo $$ > '" + pid + "'; sleep 60; fi\n"
        + "echo run >> '" + runs + "'\n"
        + "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\","
        + "\"status\":{\"token\":\"refused\"}}'\n");
    Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
    Config config = execPluginConfig(plugin);
    try (KubernetesClient caller = new KubernetesClientBuilder().withConfig(config).build();
        Blame blame = BlameEngine.builder().client(caller).namespace("demo").discoverAnalyzers(false).oneShot()
            .addAnalyzer(new WaitingContainersAnalyzer()).requestTimeout(Duration.ofSeconds(2)).build()) {
      assertThatThrownBy(() -> blame.list(GroupKind.SECRET, "demo")).isInstanceOf(BlameException.class);
      for (int wait = 0; wait < 50 && !Files.exists(pid); wait++) {
        Thread.sleep(100);
      }
      assertThat(Files.exists(pid)).as("the plugin was run again to refresh, and hung").isTrue();
      long hung = Long.parseLong(Files.readString(pid).trim());
      Thread.sleep(1000);
      assertThat(ProcessHandle.of(hung).map(ProcessHandle::isAlive))
          .as("the hung plugin's process, after the refresh was given up on").contains(true);
    } finally {
      if (Files.exists(pid)) {
        ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  /** The mock server's client configuration with its credentials from the exec plugin {@code plugin}. */
  private Config execPluginConfig(Path plugin) throws IOException {
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster: {server: "%s", insecure-skip-tls-verify: true}
        users:
        - name: u
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1beta1
              command: %s
              interactiveMode: Never
        contexts:
        - name: x
          context: {cluster: c, user: u, namespace: demo}
        current-context: x
        """.formatted(client.getConfiguration().getMasterUrl(), plugin));
    return Config.fromKubeconfig(null, kubeconfig.toFile());
  }
}
