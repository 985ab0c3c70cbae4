package dev.blame.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blame.api.Blame;
import dev.blame.api.BlameException;
import dev.blame.api.Evidence;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import dev.blame.core.BlameEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flux-style healthCheckExprs, with Flux's documented shapes and semantics. */
class CelRuleTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path FLUX = Path.of("src/test/resources/cel/flux-kustomization.yaml");
  private static final GroupKind CERTIFICATE = GroupKind.of("cert-manager.io", "Certificate");
  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

  @TempDir
  Path tmp;

  static RuleAnalyzer flux() {
    return (RuleAnalyzer) new HealthRules().load(FLUX).get(0);
  }

  static Verdict judge(RuleAnalyzer analyzer, String yaml) throws IOException {
    JsonNode object = YAML.readTree(yaml);
    String apiVersion = object.path("apiVersion").asText();
    GroupKind kind = GroupKind.of(apiVersion.substring(0, apiVersion.indexOf('/')), object.path("kind").asText());
    return analyzer.ruleFor(kind).orElseThrow().judge(ObjectRef.of(kind, "ns", "x"), object, NOW);
  }

  static String certificate(String ready, String reason, long generation, long observed) {
    return """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata: {name: web-tls, namespace: shop, generation: %d}
        spec: {secretName: web-tls, dnsNames: [shop.example.com], issuerRef: {name: letsencrypt, kind: ClusterIssuer}}
        status:
          observedGeneration: %d
          conditions:
          - {type: Issuing, status: "False", reason: Failed}
          - {type: Ready, status: "%s", reason: %s, message: "Issuing certificate as Secret does not exist",
             lastTransitionTime: "2026-11-30T10:00:00Z", observedGeneration: %d}
        """.formatted(generation, observed, ready, reason, observed);
  }

  @Test
  void fluxCertificateShape() throws IOException {
    RuleAnalyzer rules = flux();
    assertThat(rules.kinds().toString()).contains("Certificate.cert-manager.io", "SealedSecret.bitnami.com",
        "Database.db.example.com");
    assertThat(judge(rules, certificate("True", "Ready", 2, 2)).health()).isEqualTo(Health.HEALTHY);
    assertThat(judge(rules, certificate("False", "DoesNotExist", 2, 2)).health()).isEqualTo(Health.DEGRADED);
    // A Ready condition that is neither True nor False: no expression true, in progress (Flux's default).
    assertThat(judge(rules, certificate("Unknown", "Pending", 2, 2)).health()).isEqualTo(Health.PROGRESSING);
  }

  @Test
  void generationNotObservedIsInProgressBeforeAnyExpression() throws IOException {
    Verdict verdict = judge(flux(), certificate("True", "Ready", 3, 2));
    assertThat(verdict.health()).isEqualTo(Health.PROGRESSING);
    assertThat(verdict.message()).contains("observedGeneration 2", "generation 3");
  }

  @Test
  void inProgressIsEvaluatedFirstThenFailedThenCurrent() throws IOException {
    RuleAnalyzer rules = flux();
    String db = "apiVersion: db.example.com/v1\nkind: Database\nmetadata: {name: orders}\nstatus: {phase: %s}\n";
    assertThat(judge(rules, db.formatted("Provisioning")).health()).isEqualTo(Health.PROGRESSING);
    assertThat(judge(rules, db.formatted("Failed")).health()).isEqualTo(Health.DEGRADED);
    Verdict running = judge(rules, db.formatted("Running"));
    assertThat(running.health()).isEqualTo(Health.HEALTHY);
    assertThat(running.findings().get(0).evidence()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(Evidence.Kind.RULE);
      assertThat(e.path()).isEqualTo(FLUX + " healthCheckExprs[2] [db.example.com/Database]");
      assertThat(e.value()).isEqualTo("current: status.phase == 'Running'");
    });
    assertThat(judge(rules, db.formatted("Rebooting")).health()).isEqualTo(Health.PROGRESSING);
  }

  @Test
  void optionalFieldAccessCopesWithNoConditionsYet() throws IOException {
    String sealed = "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: {name: db}\n"
        + "spec: {encryptedData: {password: AgBy}}\nstatus: {}\n";
    assertThat(judge(flux(), sealed).health()).isEqualTo(Health.PROGRESSING);
  }

  @Test
  void anObjectWithoutStatusYetCanBeJudgedWithOptionalAccess() throws IOException {
    Path rules = Files.writeString(tmp.resolve("db.yaml"), """
        - apiVersion: example.com/v1
          kind: Database
          inProgress: status.?phase.orValue('') in ['', 'Pending']
          current: status.phase == 'Running'
        """);
    RuleAnalyzer analyzer = (RuleAnalyzer) new HealthRules().load(rules).get(0);
    String fresh = "apiVersion: example.com/v1\nkind: Database\nmetadata: {name: orders}\nspec: {size: 1}\n";
    assertThat(judge(analyzer, fresh).health()).isEqualTo(Health.PROGRESSING);
  }

  @Test
  void anExpressionThatFailsOnAnObjectMakesItUnknownNamingTheExpression() throws IOException {
    // The Certificate entry reads status.conditions without has(): an object without them cannot be judged.
    Verdict verdict = judge(flux(), "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: x}\n"
        + "status: {}\n");
    assertThat(verdict.health()).isEqualTo(Health.UNKNOWN);
    assertThat(verdict.findings()).singleElement().satisfies(f -> {
      assertThat(f.reason()).isEqualTo(Rule.HEALTH_RULE_FAILED);
      assertThat(f.message()).contains(FLUX.toString(), "Certificate", "failed 'status.conditions.filter");
    });
  }

  @Test
  void aListOfEntriesAndTheLibraryBuilder() throws IOException {
    Path rules = Files.writeString(tmp.resolve("health.yaml"), """
        - apiVersion: cert-manager.io/v1
          kind: Certificate
          current: status.conditions.exists(c, c.type == 'Ready' && c.status == 'True')
          failed: status.conditions.exists(c, c.type == 'Ready' && c.status == 'False' && c.reason != 'Pending')
        """);
    try (Blame blame = BlameEngine.builder().manifests("cert.yaml", certificate("False", "DoesNotExist", 1, 1))
        .discoverAnalyzers(false).healthRules(rules).build()) {
      ObjectRef ref = ObjectRef.of(CERTIFICATE, "shop", "web-tls");
      assertThat(blame.verdict(ref).orElseThrow().health()).isEqualTo(Health.DEGRADED);
      assertThat(blame.analyzers()).singleElement().satisfies(a -> {
        assertThat(a.id()).isEqualTo("cel:" + rules);
        assertThat(a.kinds()).isEqualTo("[Certificate.cert-manager.io]");
      });
    }
  }

  @Test
  void anExpressionThatDoesNotCompileIsRefusedNamingFileAndExpression() throws IOException {
    Path rules = Files.writeString(tmp.resolve("bad.yaml"), """
        healthCheckExprs:
          - apiVersion: cert-manager.io/v1
            kind: Certificate
            current: status.conditions.exists(c, c.type == 'Ready' &&)
        """);
    assertThatThrownBy(() -> BlameEngine.builder().healthRules(rules))
        .isInstanceOf(BlameException.class)
        .hasMessageContaining(rules.toString())
        .hasMessageContaining("healthCheckExprs[0]")
        .hasMessageContaining("current 'status.conditions.exists(c, c.type == 'Ready' &&)' does not compile")
        .satisfies(e -> assertThat(((BlameException) e).kind()).isEqualTo(BlameException.Kind.BAD_INPUT));
  }

  @Test
  void anEntryWithoutCurrentOrKindIsRefused() throws IOException {
    Path noCurrent = Files.writeString(tmp.resolve("a.yaml"),
        "- {apiVersion: example.com/v1, kind: Widget, failed: \"status.phase == 'Failed'\"}\n");
    assertThatThrownBy(() -> new HealthRules().load(noCurrent)).hasMessageContaining("current is required");
    Path noKind = Files.writeString(tmp.resolve("b.yaml"), "- {apiVersion: example.com/v1, current: 'true'}\n");
    assertThatThrownBy(() -> new HealthRules().load(noKind)).hasMessageContaining("apiVersion and kind");
    Path unknownVariable = Files.writeString(tmp.resolve("c.yaml"),
        "- {apiVersion: example.com/v1, kind: Widget, current: \"self.status.ready\"}\n");
    assertThatThrownBy(() -> new HealthRules().load(unknownVariable)).hasMessageContaining("self.status.ready");
  }

  /** The ninth red team's four-byte characters on the CEL path: cel-java reads Java strings by code point. */
  @Test
  void fourByteCharactersInAnExpressionAndTheObjectAreOneCharacterEach() throws IOException {
    String tag = new String(Character.toChars(0xE0041));
    String expression = "status.msg == '\uD83D\uDE80" + tag + "' && size(status.msg) == 2";
    Path rules = Files.writeString(tmp.resolve("emoji.yaml"), "- apiVersion: example.com/v1\n  kind: Gadget\n"
        + "  current: \"" + expression.replace("\\", "\\\\") + "\"\n");
    RuleAnalyzer analyzer = (RuleAnalyzer) new HealthRules().load(rules).get(0);
    Verdict v = judge(analyzer, "apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\n"
        + "status: {msg: \"\uD83D\uDE80" + tag + "\"}\n");
    assertThat(v.health()).isEqualTo(Health.HEALTHY);
    assertThat(v.findings()).singleElement().satisfies(f -> assertThat(f.evidence()).singleElement()
        .satisfies(e -> assertThat(e.value()).isEqualTo("current: " + expression)));
    Verdict other = judge(analyzer, "apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\n"
        + "status: {msg: \"\uD83D\uDE80\"}\n");
    assertThat(other.health()).isNotEqualTo(Health.HEALTHY);
  }
}
