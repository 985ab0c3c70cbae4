package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blame.api.Escape;
import dev.blame.demo.DemoCluster;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --watch -o json} writes JSON Lines with the same escapes as {@code -o json}: an Event message holding C1
 * controls (CSI U+009B, OSC U+009D, NEL U+0085), DEL, bidi overrides, zero-width characters, line separators and
 * a CI runner command reaches the terminal as {@code \}{@code uXXXX} escapes, one record per line, and parses back
 * to the same text.
 */
@Timeout(120)
class WatchJsonHostileTextTest {

  static final String HOSTILE = "boom\u009b2J\u009d0;title\u009c\u0085NEL\u007f\u202eenod\u202c\u2066x\u2069"
      + "\u200b\ufeff\u2028\u2029 ##[error]forged";

  @Test
  void watchJsonLinesEscapeWhatPlainJsonEscapes() throws Exception {
    DemoCluster cluster = DemoCluster.start(0);
    StringBuffer out = new StringBuffer();
    StringWriter err = new StringWriter();
    Thread watcher = null;
    try {
      Deployment web = cluster.client().apps().deployments().inNamespace("shop").resource(new DeploymentBuilder()
          .withNewMetadata().withName("web").endMetadata()
          .withNewSpec().withReplicas(1).endSpec().build()).create();
      cluster.client().v1().events().inNamespace("shop").resource(new EventBuilder()
          .withNewMetadata().withName("web.hostile").withNamespace("shop").endMetadata()
          .withNewInvolvedObject().withKind("Deployment").withApiVersion("apps/v1").withNamespace("shop")
          .withName("web").withUid(web.getMetadata().getUid()).endInvolvedObject()
          .withType("Warning").withReason("Hostile").withMessage(HOSTILE).withCount(1)
          .withLastTimestamp(Instant.now().toString()).build()).create();
      Path kubeconfig = cluster.writeKubeconfig("shop");
      Cli cli = new Cli(new PrintWriter(new KubectlUserTest.BufferWriter(out), true), new PrintWriter(err, true),
          new ByteArrayInputStream(new byte[0]), Map.of(), false, Run.TEST_ANALYZERS);
      watcher = new Thread(() -> BlameCli.run(cli, "deploy/web", "--kubeconfig", kubeconfig.toString(), "--watch",
          "-o", "json", "--watch-interval", "100"), "watch-json-hostile");
      watcher.start();
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!out.toString().contains("\n") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      String record = out.toString().lines().filter(l -> !l.isBlank()).findFirst().orElseThrow();
      assertThat(record.codePoints().noneMatch(Escape::isUnsafe)).as(record).isTrue();
      assertThat(record).doesNotContain("##[");
      JsonNode doc = new ObjectMapper().readTree(record);
      assertThat(doc.path("effects").path("events").findValuesAsText("message")).as(record).contains(HOSTILE);
    } finally {
      if (watcher != null) {
        watcher.interrupt();
        watcher.join(20_000);
      }
      cluster.close();
    }
  }
}
