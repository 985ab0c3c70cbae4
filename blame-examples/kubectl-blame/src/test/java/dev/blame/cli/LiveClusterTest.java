package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blame.core.testing.WebRollout;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The plugin against fabric8's mock API server in CRUD mode, through a kubeconfig file, as kubectl runs it. */
@EnableKubernetesMockClient(crud = true)
@Timeout(60)
class LiveClusterTest {

  static final String NS = "demo";

  KubernetesClient client;

  @TempDir
  Path dir;

  Path kubeconfig;

  @BeforeEach
  void createObjects() throws IOException {
    WebRollout.create(client, NS, true);
    kubeconfig = kubeconfig(dir, client.getMasterUrl().toString(), "default");
  }

  @Test
  void explainsADeploymentCreatedThroughTheClient() throws IOException {
    Run run = Run.of("deploy/web", "--kubeconfig", kubeconfig.toString(), "-n", NS, "-o", "json");

    assertThat(run.code()).as(run.toString()).isZero();
    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.path("target").path("apiVersion").asText()).isEqualTo("apps/v1");
    assertThat(doc.path("target").path("kind").asText()).isEqualTo("Deployment");
    assertThat(doc.path("target").path("namespace").asText()).isEqualTo(NS);
    assertThat(doc.path("target").path("name").asText()).isEqualTo("web");
    assertThat(doc.path("health").asText()).isEqualTo("Degraded");
    assertThat(doc.path("culprits")).hasSize(1);
    JsonNode culprit = doc.path("culprits").get(0);
    assertThat(culprit.path("kind").asText()).isEqualTo("Pod");
    assertThat(culprit.path("name").asText()).isEqualTo("web-abc-1");
    assertThat(culprit.path("container").asText()).isEqualTo("main");
    assertThat(culprit.path("reason").asText()).isEqualTo("CrashLoopBackOff");
    assertThat(doc.path("effects").path("children").get(0).path("object").path("name").asText())
        .isEqualTo("web-abc");
  }

  @Test
  void theContextNamespaceIsTheDefault() throws IOException {
    Path withNamespace = kubeconfig(dir.resolve("ns"), client.getMasterUrl().toString(), NS);
    Run run = Run.of("deployment", "web", "--kubeconfig", withNamespace.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("Deployment web -n demo is Degraded");

    Run elsewhere = Run.of("deploy/web", "--kubeconfig", kubeconfig.toString());
    assertThat(elsewhere.code()).isEqualTo(3);
    assertThat(elsewhere.err()).isEqualTo("error: deployments.apps \"web\" not found in namespace \"default\"\n");
  }

  @Test
  void statusListsTheNamespace() {
    Run run = Run.of("status", "--kubeconfig", kubeconfig.toString(), "-n", NS, "--now", "2026-11-22T12:00:00Z");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("deployment.apps/web", "replicaset.apps/web-abc", "pod/web-abc-1",
        "CrashLoopBackOff");
  }

  /** A kubeconfig with one context pointing at the server. */
  static Path kubeconfig(Path dir, String server, String namespace) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("kubeconfig");
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster:
            server: %s
            insecure-skip-tls-verify: true
        contexts:
        - name: mock
          context: {cluster: mock, user: mock, namespace: %s}
        current-context: mock
        users:
        - name: mock
          user: {token: not-a-secret}
        """.formatted(server, namespace));
    return file;
  }

  /**
   * A kubeconfig at {@code file} whose user gets its token from {@code command}, an exec credential plugin
   * ({@code client.authentication.k8s.io/v1beta1}, never interactive); the context's namespace when not null.
   */
  static Path execKubeconfig(Path file, String server, String namespace, Path command) throws IOException {
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster: {server: "%s"}
        users:
        - name: u
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1beta1
              command: %s
              interactiveMode: Never
        contexts:
        - name: x
          context: {cluster: c, user: u%s}
        current-context: x
        """.formatted(server, command, namespace == null ? "" : ", namespace: " + namespace));
    return file;
  }

  /** An executable shell script at {@code file}. */
  static Path script(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  /** The shell line with which an exec plugin prints its ExecCredential: {@code token} may be a shell word. */
  static String printCredential(String token) {
    return "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\","
        + "\"status\":{\"token\":\"" + token + "\"}}'\n";
  }
}
