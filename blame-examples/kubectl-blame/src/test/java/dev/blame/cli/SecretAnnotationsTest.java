package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Secret's annotations other than a few known metadata keys reach no output with their values, live or from a
 * file, even through a health rule that prints them (a Lua script judging Secrets is the user's code; it sees
 * what the graph keeps). Before, only three known keys were emptied: {@code example.com/dsn} went to the output.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(120)
class SecretAnnotationsTest {

  static final String CANARY = "canary-annotation-password-918";
  static final String LUA = """
      hs = {}
      hs.status = "Degraded"
      local a = obj.metadata.annotations or {}
      hs.message = "dsn=" .. tostring(a["example.com/dsn"]) .. " sa=" .. tostring(a["kubernetes.io/service-account.name"])
      return hs
      """;

  KubernetesClient client;

  @TempDir
  Path dir;

  Path rule() throws IOException {
    return Files.writeString(dir.resolve("secret.lua"), LUA);
  }

  void assertShownWithoutTheValue(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("dsn= sa=builder").doesNotContain(CANARY);
    assertThat(run.err()).doesNotContain(CANARY);
  }

  @Test
  void fromAFile() throws IOException {
    Path file = Files.writeString(dir.resolve("secret.yaml"), """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          namespace: shop
          annotations:
            example.com/dsn: "postgres://app:%s@db:5432/shop"
            kubernetes.io/service-account.name: builder
        type: Opaque
        """.formatted(CANARY));
    String rule = "Secret=" + rule();
    for (String format : new String[] {"tree", "json", "yaml"}) {
      assertShownWithoutTheValue(Run.of("status", "-f", file.toString(), "--health-rules", rule, "-o", format));
      assertShownWithoutTheValue(Run.of("secret/db", "-n", "shop", "-f", file.toString(), "--health-rules", rule,
          "-o", format));
    }
  }

  @Test
  void live() throws IOException {
    client.secrets().inNamespace("shop").resource(new SecretBuilder().withNewMetadata().withName("db")
        .addToAnnotations("example.com/dsn", "postgres://app:" + CANARY + "@db:5432/shop")
        .addToAnnotations("kubernetes.io/service-account.name", "builder").endMetadata().withType("Opaque")
        .build()).createOr(existing -> existing.update());
    Path kubeconfig = LiveClusterTest.kubeconfig(dir, client.getMasterUrl().toString(), "shop");
    String rule = "Secret=" + rule();
    for (String format : new String[] {"tree", "json"}) {
      assertShownWithoutTheValue(Run.of("secret/db", "--kubeconfig", kubeconfig.toString(), "--health-rules", rule,
          "-o", format));
      assertShownWithoutTheValue(Run.of("status", "secrets", "--kubeconfig", kubeconfig.toString(),
          "--health-rules", rule, "-o", format));
    }
  }
}
