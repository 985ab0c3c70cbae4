package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --health-rules} and {@code --argocd-namespace} on the commands that judge objects. */
@EnableKubernetesMockClient(crud = true)
@Timeout(60)
class HealthRulesCliTest {

  /**
   * Argo CD's health customizations and their test objects, as blame-analyzers keeps them (source, commit and
   * licence in that folder's README.md and LICENSES/).
   */
  static final Path CORPUS = Path.of("../../blame-analyzers/src/test/resources/argocd-crds-train").toAbsolutePath()
      .normalize();
  /** Argo CD's {@code degraded_abortedRollout.yaml}: its health_test.yaml asserts Degraded, "Rollout is aborted". */
  static final String ROLLOUT = CORPUS.resolve("argoproj.io__Rollout__degraded_abortedRollout/object.yaml").toString();
  static final String SCRIPT = CORPUS.resolve("_lua/argoproj.io/Rollout/health.lua").toString();
  private static final ObjectMapper JSON = new ObjectMapper();

  KubernetesClient client;

  @TempDir
  Path dir;

  /** A rules folder in Argo CD's layout ({@code <group>/<Kind>/health.lua}) holding only the Rollout script. */
  Path argoCd() throws IOException {
    Path script = dir.resolve("argocd/argoproj.io/Rollout/health.lua");
    Files.createDirectories(script.getParent());
    Files.copy(Path.of(SCRIPT), script);
    return dir.resolve("argocd");
  }

  static JsonNode json(Run run) throws IOException {
    assertThat(run.code()).as(run.toString()).isZero();
    return JSON.readTree(run.out());
  }

  @Test
  void statusJudgesACustomResourceWithArgoCdsLuaScript() throws IOException {
    String argocd = argoCd().toString();
    JsonNode rows = json(Run.of("status", "-f", ROLLOUT, "--health-rules", argocd, "-o", "json"));
    JsonNode rollout = rows.get(0);
    assertThat(rollout.path("kind").asText()).isEqualTo("Rollout");
    assertThat(rollout.path("health").asText()).isEqualTo("Degraded");
    assertThat(rollout.path("reason").asText()).isEqualTo("HealthRule");
    assertThat(rollout.path("message").asText()).isEqualTo("Rollout is aborted");
    // The evidence names the rule: file and kind key.
    JsonNode finding = json(Run.of("rollout/canary-demo", "-f", ROLLOUT, "--health-rules", argocd, "-o", "json"))
        .path("findings").get(0);
    assertThat(finding.path("reason").asText()).isEqualTo("HealthRule");
    JsonNode evidence = finding.path("evidence").get(0);
    assertThat(evidence.path("kind").asText()).isEqualTo("Rule");
    assertThat(evidence.path("path").asText())
        .isEqualTo(Path.of(argocd, "argoproj.io/Rollout/health.lua") + " [argoproj.io/Rollout]");
  }

  @Test
  void oneScriptForAKindNamedOnTheCommandLine() throws IOException {
    JsonNode rows = json(Run.of("status", "-f", ROLLOUT, "--health-rules", "argoproj.io/Rollout=" + SCRIPT,
        "-o", "json"));
    assertThat(rows.get(0).path("health").asText()).isEqualTo("Degraded");
  }

  @Test
  void fluxCelRulesFromAFile() throws IOException {
    Path rules = Files.writeString(dir.resolve("health.yaml"), """
        healthCheckExprs:
          - apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            failed: status.?abort.orValue(false)
            current: status.phase == 'Healthy'
        """);
    JsonNode rows = json(Run.of("status", "-f", ROLLOUT, "--health-rules", rules.toString(), "-o", "json"));
    assertThat(rows.get(0).path("health").asText()).isEqualTo("Degraded");
    JsonNode finding = json(Run.of("rollout/canary-demo", "-f", ROLLOUT, "--health-rules", rules.toString(),
        "-o", "json")).path("findings").get(0);
    assertThat(finding.path("evidence").get(0).path("path").asText())
        .isEqualTo(rules + " healthCheckExprs[0] [argoproj.io/Rollout]");
    assertThat(finding.path("evidence").get(0).path("value").asText())
        .isEqualTo("failed: status.?abort.orValue(false)");
  }

  /**
   * Ninth red team: a four-byte character in a Lua script's string (an emoji, a tag character) came back from
   * LuaJ as another character and NULs ({@code ship ߚ\u0000\u0000}). Now exact in JSON, and in the tree as the
   * terminal escapes show it; an encoded surrogate and a byte that is not UTF-8 are U+FFFD.
   */
  @Test
  void aScriptsMessageKeepsFourByteCharactersExactlyInJsonAndTheTree() throws IOException {
    String tag = new String(Character.toChars(0xE0041));
    Path script = dir.resolve("argocd/argoproj.io/Rollout/health.lua");
    Files.createDirectories(script.getParent());
    Files.writeString(script, "return {status = 'Degraded', message = 'ship \uD83D\uDE80 " + tag
        + " \\237\\160\\128 \\255'}\n");
    String argocd = dir.resolve("argocd").toString();
    String exact = "ship \uD83D\uDE80 " + tag + " \uFFFD\uFFFD\uFFFD \uFFFD";
    JsonNode row = json(Run.of("status", "-f", ROLLOUT, "--health-rules", argocd, "-o", "json")).get(0);
    assertThat(row.path("message").asText()).isEqualTo(exact);
    JsonNode blame = json(Run.of("rollout/canary-demo", "-f", ROLLOUT, "--health-rules", argocd, "-o", "json"));
    assertThat(blame.path("findings").get(0).path("message").asText()).isEqualTo(exact);
    Run tree = Run.of("rollout/canary-demo", "-f", ROLLOUT, "--health-rules", argocd);
    assertThat(tree.code()).as(tree.toString()).isZero();
    assertThat(tree.out()).contains("ship \uD83D\uDE80 \\udb40\\udc41 \uFFFD\uFFFD\uFFFD \uFFFD")
        .doesNotContain("\\u0000", "\u07da", tag);
  }

  @Test
  void analyzersListsTheRulesWithTheirKinds() throws IOException {
    String argocd = argoCd().toString();
    Run run = Run.of("analyzers", "--health-rules", argocd);
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("lua:" + argocd, "[Rollout.argoproj.io]", "Registered");
  }

  @Test
  void anExpressionThatDoesNotCompileIsRefusedWithExit3() throws IOException {
    Path rules = Files.writeString(dir.resolve("bad.yaml"),
        "- {apiVersion: argoproj.io/v1alpha1, kind: Rollout, current: \"status.phase ==\"}\n");
    Run run = Run.of("status", "-f", ROLLOUT, "--health-rules", rules.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("error: " + rules + ": healthCheckExprs[0] (argoproj.io/Rollout): current "
        + "'status.phase ==' does not compile").hasLineCount(1);
  }

  @Test
  void aRulesPathThatDoesNotExistIsRefusedWithExit3() {
    Run run = Run.of("status", "-f", ROLLOUT, "--health-rules", "no/such/rules");
    assertThat(run.code()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).startsWith("error: no/such/rules: no such file or directory").hasLineCount(1);
  }

  @Test
  void argoCdNamespaceNeedsACluster() {
    Run run = Run.of("status", "-f", ROLLOUT, "--argocd-namespace", "argocd");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).startsWith("error: --argocd-namespace reads Argo CD's ConfigMap from a cluster")
        .hasLineCount(1);
  }

  /** Live: the health checks of argocd-cm, read with a GET; a key for a core kind, as Argo CD's docs show. */
  @Test
  void liveRulesFromArgoCdsConfigMap() throws IOException {
    client.configMaps().inNamespace("argocd").resource(new ConfigMapBuilder().withNewMetadata()
        .withName("argocd-cm").endMetadata()
        .addToData("resource.customizations.health.ConfigMap", """
            hs = {}
            hs.status = "Healthy"
            if obj.data ~= nil and obj.data.TRIANGLE_COLOR == "white" then
              hs.status = "Degraded"
              hs.message = "Use a different color for TRIANGLE"
            end
            return hs
            """).build()).create();
    client.configMaps().inNamespace("demo").resource(new ConfigMapBuilder().withNewMetadata()
        .withName("shapes").endMetadata().addToData("TRIANGLE_COLOR", "white").build()).create();
    Path kubeconfig = LiveClusterTest.kubeconfig(dir, client.getMasterUrl().toString(), "demo");
    JsonNode rows = json(Run.of("status", "cm/shapes", "--kubeconfig", kubeconfig.toString(),
        "--argocd-namespace", "argocd", "-o", "json"));
    assertThat(rows.get(0).path("health").asText()).isEqualTo("Degraded");
    JsonNode finding = json(Run.of("cm/shapes", "--kubeconfig", kubeconfig.toString(), "--argocd-namespace",
        "argocd", "-o", "json")).path("findings").get(0);
    assertThat(finding.path("message").asText()).isEqualTo("Use a different color for TRIANGLE");
    assertThat(finding.path("evidence").get(0).path("path").asText())
        .isEqualTo("argocd/argocd-cm resource.customizations.health.ConfigMap [ConfigMap]");

    Run missing = Run.of("status", "cm/shapes", "--kubeconfig", kubeconfig.toString(), "--argocd-namespace",
        "elsewhere");
    assertThat(missing.code()).isEqualTo(3);
    assertThat(missing.err()).isEqualTo("error: --argocd-namespace elsewhere: no ConfigMap argocd-cm in "
        + "namespace \"elsewhere\"\n");
  }

  @Test
  void waitFailsOnWhatTheRuleCallsDegradedAndCompletesOnHealthy() throws IOException {
    Path script = Files.writeString(dir.resolve("cm-health.lua"), """
        hs = {status = "Healthy"}
        if obj.data ~= nil and obj.data.TRIANGLE_COLOR == "white" then
          hs = {status = "Degraded", message = "Use a different color for TRIANGLE"}
        end
        return hs
        """);
    client.configMaps().inNamespace("demo").resource(new ConfigMapBuilder().withNewMetadata()
        .withName("white").endMetadata().addToData("TRIANGLE_COLOR", "white").build()).create();
    client.configMaps().inNamespace("demo").resource(new ConfigMapBuilder().withNewMetadata()
        .withName("red").endMetadata().addToData("TRIANGLE_COLOR", "red").build()).create();
    Path kubeconfig = LiveClusterTest.kubeconfig(dir, client.getMasterUrl().toString(), "demo");

    Run failed = Run.of("wait", "cm/white", "--kubeconfig", kubeconfig.toString(), "--health-rules",
        "ConfigMap=" + script, "--timeout", "30s");
    assertThat(failed.code()).as(failed.toString()).isEqualTo(1);
    assertThat(failed.out()).contains("Use a different color for TRIANGLE");

    Run complete = Run.of("wait", "cm/red", "--kubeconfig", kubeconfig.toString(), "--health-rules",
        "ConfigMap=" + script, "--timeout", "30s");
    assertThat(complete.code()).as(complete.toString()).isZero();
  }
}
