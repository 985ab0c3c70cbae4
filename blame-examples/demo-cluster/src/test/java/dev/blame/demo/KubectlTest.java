package dev.blame.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's kubectl (v1.20) against the demo cluster; skipped when /usr/bin/kubectl is absent. */
class KubectlTest {

  private static final Path KUBECTL = Path.of("/usr/bin/kubectl");
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  @TempDir
  static Path tmp;
  private static DemoCluster cluster;
  private static ControllerSimulator simulator;
  private static KubernetesClient client;
  private static Path kubeconfig;

  record Result(int exitCode, String out, String err) {
  }

  @BeforeAll
  static void start() {
    assumeTrue(Files.isExecutable(KUBECTL), "kubectl not installed at " + KUBECTL
        + " (Debian package kubernetes-client; .ci/run installs it): skipping the kubectl tests");
    cluster = DemoCluster.start();
    client = cluster.client();
    simulator = ControllerSimulator.builder(cluster.newClient()).tick(Duration.ofMillis(50)).start();
    kubeconfig = cluster.writeKubeconfig(tmp.resolve("kubeconfig"));
  }

  @AfterAll
  static void stop() {
    if (simulator != null) {
      simulator.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private static Result kubectl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(KUBECTL.toString(), "--cache-dir", tmp.resolve("cache")
        .toString(), "--request-timeout=10s"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(tmp.resolve("out").toFile())
        .redirectError(tmp.resolve("err").toFile());
    pb.environment().put("KUBECONFIG", kubeconfig.toString());
    pb.environment().put("HOME", tmp.toString());
    Process p = pb.start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in 30 s");
    }
    return new Result(p.exitValue(), Files.readString(tmp.resolve("out"), StandardCharsets.UTF_8),
        Files.readString(tmp.resolve("err"), StandardCharsets.UTF_8));
  }

  /** {@link #ok} for use inside {@code Eventually} assertions. */
  private static Result okNow(String... args) {
    try {
      return ok(args);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Result ok(String... args) throws IOException, InterruptedException {
    Result r = kubectl(args);
    assertThat(r.exitCode()).as("kubectl %s failed: %s", String.join(" ", args), r.err()).isZero();
    return r;
  }

  @Test
  @SuppressWarnings("deprecation")
  void getPodsAsJson() throws Exception {
    Scenario.IMAGE_PULL_ERROR.play(client, TIMEOUT);
    Scenario.IMAGE_PULL_ERROR.awaitSettled(client, TIMEOUT);

    JsonNode list = Serialization.jsonMapper().readTree(ok("get", "pods", "-n", "image-pull-error", "-o", "json")
        .out());

    assertThat(list.path("kind").asText()).isEqualTo("List");
    assertThat(list.path("items")).hasSize(1);
    assertThat(list.path("items").get(0).path("status").path("containerStatuses").get(0).path("state")
        .path("waiting").path("reason").asText()).isEqualTo("ImagePullBackOff");
    String table = ok("get", "pods", "-n", "image-pull-error").out();
    assertThat(table.lines().findFirst().orElseThrow()).matches("NAME\\s+READY\\s+STATUS\\s+RESTARTS\\s+AGE");
    assertThat(table).contains("0/1", "ImagePullBackOff");
    String described = ok("describe", "pods", "-n", "image-pull-error").out();
    assertThat(described).contains("Reason:       ImagePullBackOff", "Failed to pull image \"registry.example.invalid",
        "default-scheduler  Successfully assigned image-pull-error/checkout-");
    assertThat(ok("get", "pods", "-A", "-l", "app in (checkout,other)", "-o", "name").out().trim())
        .startsWith("pod/checkout-");
    assertThat(ok("get", "pods", "-A", "-l", "app notin (checkout)", "-o", "name").out()).isBlank();
  }

  @Test
  void createPatchAndDeleteADeployment() throws Exception {
    Path manifest = tmp.resolve("deployment.yaml");
    Files.writeString(manifest, """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: hello
          namespace: default
        spec:
          replicas: 1
          selector:
            matchLabels: {app: hello}
          template:
            metadata:
              labels: {app: hello}
            spec:
              containers:
              - name: hello
                image: nginx:1.25
        """);

    assertThat(ok("create", "-f", manifest.toString()).out()).contains("deployment.apps/hello created");
    Eventually.assertThat(TIMEOUT, () -> {
      List<ReplicaSet> rs = client.apps().replicaSets().inNamespace("default").withLabel("app", "hello").list()
          .getItems();
      assertThat(rs).singleElement().satisfies(r -> assertThat(r.getStatus().getReadyReplicas()).isEqualTo(1));
    });

    assertThat(ok("patch", "deployment", "hello", "--type=merge", "-p", "{\"spec\":{\"replicas\":2}}").out())
        .contains("patched");
    Eventually.assertThat(TIMEOUT, () -> assertThat(client.pods().inNamespace("default").withLabel("app", "hello")
        .list().getItems()).hasSize(2).allSatisfy(p -> assertThat(Kubelet.isReady(p)).isTrue()));
    // The Deployment's status counts ready pods on the simulator's next tick.
    Eventually.assertThat(TIMEOUT, () ->
        assertThat(okNow("get", "deployment", "hello", "-o", "jsonpath={.status.readyReplicas}").out()).isEqualTo("2"));

    assertThat(ok("scale", "deployment", "hello", "--replicas=1").out()).contains("scaled");
    Eventually.assertThat(TIMEOUT, () -> assertThat(client.pods().inNamespace("default").withLabel("app", "hello")
        .list().getItems()).hasSize(1));
    Eventually.assertThat(TIMEOUT, () ->
        assertThat(okNow("get", "deployments").out()).containsPattern("hello\\s+1/1\\s+1\\s+1"));

    assertThat(ok("delete", "deployment", "hello", "--wait=false").out()).contains("deleted");
    Eventually.assertThat(TIMEOUT, () -> {
      assertThat(client.apps().replicaSets().inNamespace("default").withLabel("app", "hello").list().getItems())
          .isEmpty();
      assertThat(client.pods().inNamespace("default").withLabel("app", "hello").list().getItems()).isEmpty();
    });
  }

  @Test
  void errorsReadAsTheyDoOnARealCluster() throws Exception {
    Result missing = kubectl("get", "pod", "nope", "-n", "default");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("Error from server (NotFound): pods \"nope\" not found");
    Result exists = kubectl("create", "namespace", "default");
    assertThat(exists.err()).contains("Error from server (AlreadyExists): namespaces \"default\" already exists");
    assertThat(ok("get", "pod", "nope", "-n", "default", "--ignore-not-found").out()).isEmpty();
    assertThat(ok("auth", "can-i", "list", "pods", "-n", "default").out().trim()).isEqualTo("yes");
  }

  @Test
  void discoveryAnswersApiResources() throws Exception {
    String out = ok("api-resources", "-o", "name").out();
    assertThat(out.lines()).contains("pods", "deployments.apps", "replicasets.apps", "events.events.k8s.io",
        "customresourcedefinitions.apiextensions.k8s.io");
  }
}
