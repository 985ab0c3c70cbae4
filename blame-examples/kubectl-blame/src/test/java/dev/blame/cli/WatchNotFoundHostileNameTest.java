package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Escape;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code --watch} view's line for an object that went away ({@code deployment.apps "NAME" not found}) is
 * terminal text like every other line of the view: a name holding an OSC 52 clipboard write, a line break with a
 * workflow command after it and a bidi override reaches the terminal as escapes. fabric8's mock server in CRUD
 * mode takes such a name (the API server and the demo cluster refuse it, so it is a name from a server that does
 * not validate, or a proxy in between). Left by the fifth red team; fails on the old code.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(120)
class WatchNotFoundHostileNameTest {

  static final String NAME = "web\u001b]52;c;SGk=\u0007\n::error::forged\u202eexe.gnp\u009b2J";

  KubernetesClient client;

  @TempDir
  Path dir;

  @Test
  void theNotFoundLineOfAWatchedObjectThatWentAwayIsEscaped() throws Exception {
    try {
      client.apps().deployments().inNamespace("demo").resource(new DeploymentBuilder()
          .withNewMetadata().withName(NAME).withNamespace("demo").addToLabels("app", "hostile").endMetadata()
          .withNewSpec().withReplicas(1).endSpec().build()).create();
    } catch (KubernetesClientException e) {
      // On a loaded machine the client may send the POST again after a slow answer: the first one created it.
      assertThat(e.getCode()).as(e.toString()).isEqualTo(409);
    }
    Path kubeconfig = LiveClusterTest.kubeconfig(dir, client.getMasterUrl().toString(), "demo");
    StringBuffer out = new StringBuffer();
    StringWriter err = new StringWriter();
    Cli cli = new Cli(new PrintWriter(new KubectlUserTest.BufferWriter(out), true), new PrintWriter(err, true),
        new ByteArrayInputStream(new byte[0]), Map.of(), false, Run.TEST_ANALYZERS);
    Thread watcher = new Thread(() -> BlameCli.run(cli, "deploy", "--kubeconfig", kubeconfig.toString(), "--watch",
        "--watch-interval", "100"), "watch-not-found");
    watcher.start();
    try {
      await(() -> out.toString().contains("Deployment"), "a first view", out, err);
      // By label: a request path cannot hold the name (the client refuses its controls as an illegal URI).
      client.apps().deployments().inNamespace("demo").withLabel("app", "hostile").delete();
      await(() -> out.toString().contains("not found"), "the not-found line", out, err);
      String text = out.toString();
      String line = text.lines().filter(l -> l.contains("not found")).findFirst().orElseThrow();
      assertThat(line).startsWith("deployment.apps \"" + Escape.terminal(NAME) + "\" not found in namespace \"demo\"");
      assertThat(text.codePoints().filter(Escape::isUnsafe).filter(c -> c != '\n').toArray()).as(text).isEmpty();
      assertThat(text.lines().map(String::strip)).noneMatch(l -> l.startsWith("::"));
    } finally {
      watcher.interrupt();
      watcher.join(20_000);
    }
  }

  private static void await(BooleanSupplier condition, String what, StringBuffer out, StringWriter err)
      throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what + "; out: " + out + "; err: " + err)
          .isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
