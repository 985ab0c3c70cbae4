package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.blame.demo.ControllerSimulator;
import dev.blame.demo.DemoCluster;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl changes a Deployment on the demo cluster (apply, set image, edit), the API server records real
 * managedFields, and live blame names the field manager of the revision that broke the rollout.
 * Skipped when there is no kubectl on PATH (or {@code -Dblame.kubectl}).
 */
@Timeout(300)
class KubectlWritesBlameTest {

  @TempDir
  static Path dir;
  private static DemoCluster cluster;
  private static ControllerSimulator simulator;
  private static Path kubeconfig;
  private static Path kubectl;

  private static String manifest(String image, String script) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: shop, namespace: default}
        spec:
          replicas: 1
          selector: {matchLabels: {app: shop}}
          template:
            metadata: {labels: {app: shop}}
            spec:
              containers:
              - name: shop
                image: %s
                command: ["sh", "-c", "%s"]
        """.formatted(image, script);
  }

  @BeforeAll
  static void start() throws IOException {
    kubectl = find().orElse(null);
    assumeTrue(kubectl != null, "no kubectl on PATH (nor -Dblame.kubectl): skipping kubectl writes + blame");
    cluster = DemoCluster.start();
    simulator = ControllerSimulator.builder(cluster.newClient()).tick(Duration.ofMillis(50)).start();
    kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"));
    Path editor = dir.resolve("editor.sh");
    Files.writeString(editor, "#!/bin/sh\nsed -i 's#echo serving; sleep 3600#exit 4#' \"$1\"\n");
    editor.toFile().setExecutable(true);
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

  private static Optional<Path> find() {
    String explicit = System.getProperty("blame.kubectl", "");
    if (!explicit.isBlank()) {
      return Optional.of(Path.of(explicit));
    }
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, "kubectl"))) {
        return Optional.of(Path.of(d, "kubectl"));
      }
    }
    return Optional.empty();
  }

  private static String kubectl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(kubectl.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("KUBECONFIG", kubeconfig.toString());
    pb.environment().put("HOME", dir.toString());
    pb.environment().put("KUBE_EDITOR", dir.resolve("editor.sh").toString());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("kubectl %s: %s", String.join(" ", args), output).isZero();
    return output;
  }

  private static Run blame() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Cli cli = new Cli(new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0]), Map.of(),
        false, builder -> { });
    int code = BlameCli.run(cli, "deploy/shop", "--kubeconfig", kubeconfig.toString());
    return new Run(code, out.toString(), err.toString());
  }

  /** Polls blame until its effect -> cause view names {@code manager} for a revision (the rollout must fail first). */
  private static Run awaitBlame(String manager) throws InterruptedException {
    return awaitRevisionLine("Edited \\S+ ago by " + manager + "\\b");
  }

  /** Polls blame until a revision line of its effect -> cause view ({@code revision N: ...}) matches. */
  private static Run awaitRevisionLine(String regex) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    Run last = null;
    while (System.nanoTime() < deadline) {
      last = blame();
      if (last.out().matches("(?s).*revision \\d+: " + regex + ".*")) {
        return last;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("blame never printed a revision line matching " + regex + "; last output:\n" + last);
  }

  @Test
  void blameNamesTheFieldManagerOfEachKubectlChange() throws Exception {
    Path file = dir.resolve("shop.yaml");
    Files.writeString(file, manifest("busybox:1.36", "echo serving; sleep 3600"));
    assertThat(kubectl("apply", "-f", file.toString())).contains("created");
    assertThat(kubectl("rollout", "status", "deployment/shop", "--timeout=90s")).contains("successfully rolled out");

    // set image to an image that cannot be pulled: blame says kubectl-set made the change
    kubectl("set", "image", "deployment/shop", "shop=registry.example.invalid/shop:2");
    Run afterSet = awaitBlame("kubectl-set");
    int unpullable = revision();
    assertThat(afterSet.out()).contains("Image registry.example.invalid/shop:2 (updated from busybox:1.36)")
        .doesNotContain("stripped when the objects were read");

    // re-apply the manifest with a crashing command: kubectl-client-side-apply
    Files.writeString(file, manifest("busybox:1.36", "exit 3"));
    kubectl("apply", "-f", file.toString());
    Run afterApply = awaitBlame("kubectl-client-side-apply");
    assertThat(afterApply.out()).contains("Command [sh -c exit 3]");

    // apply the good manifest again, then break it with kubectl edit: kubectl-edit
    Files.writeString(file, manifest("busybox:1.36", "echo serving; sleep 3600"));
    kubectl("apply", "-f", file.toString());
    assertThat(kubectl("rollout", "status", "deployment/shop", "--timeout=90s")).contains("successfully rolled out");
    kubectl("edit", "deployment/shop");
    Run afterEdit = awaitBlame("kubectl-edit");
    assertThat(afterEdit.out()).contains("Command [sh -c exit 4]");
    assertThat(afterEdit.err()).isEmpty();
    int edited = revision();

    // rollout restart of the crashing template: a restart-only revision by kubectl-rollout
    assertThat(kubectl("rollout", "restart", "deployment/shop")).contains("restarted");
    Run afterRestart = awaitBlame("kubectl-rollout");
    assertThat(afterRestart.out()).contains("Restart only (kubectl rollout restart at ");
    assertThat(revision()).isEqualTo(edited + 1);

    // rollout undo to the unpullable image's revision (its ReplicaSet is reused and renumbered): blame says it
    // was a rollback, to which revision, and who did it, from the managedFields the undo left. undo sends no
    // fieldManager, so the API server names the User-Agent's product: the binary's name, "kubectl" (or
    // "kubectl.1.32" for the Cloud SDK's versioned binaries); it owns the fields the undo
    // changed (image, command). (An Update that only removes fields, such as undoing a restart, owns nothing, as
    // structured-merge-diff computes an Update's fields: blame then says who rolled back is not recorded.)
    Thread.sleep(1100); // managedFields times have whole seconds: the undo must be newer than the restart
    assertThat(kubectl("rollout", "undo", "deployment/shop", "--to-revision=" + unpullable)).contains("rolled back");
    Run afterUndo = awaitRevisionLine("Rolled back to revision " + unpullable + " \\S+ ago by kubectl(\\.[0-9.]+)?\n");
    assertThat(revision()).isEqualTo(edited + 2);
    assertThat(afterUndo.out()).contains("registry.example.invalid/shop:2").doesNotContain("Restart only");
    assertThat(afterUndo.err()).isEmpty();
  }

  /** The Deployment's current revision (deployment.kubernetes.io/revision, kept by the deployment controller). */
  private static int revision() {
    return Integer.parseInt(cluster.client().apps().deployments().inNamespace("default").withName("shop").get()
        .getMetadata().getAnnotations().getOrDefault("deployment.kubernetes.io/revision", "0"));
  }
}
