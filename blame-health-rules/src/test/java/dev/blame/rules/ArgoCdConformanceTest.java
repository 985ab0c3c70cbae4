package dev.blame.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blame.api.Blame;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import dev.blame.api.spi.Analyzer;
import dev.blame.core.BlameEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Argo CD's own health tests (blame-analyzers' test resources, argocd-crds-train: 564 cases of 118
 * customizations) run through our Lua runtime, each with its customization's health.lua, loaded as a
 * resource_customizations directory (wildcards included). Prints the agreement and every miss.
 */
class ArgoCdConformanceTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path corpus() {
    return Path.of(System.getProperty("argocd.corpus",
        "../blame-analyzers/src/test/resources/argocd-crds-train"));
  }

  record Case(Path dir, JsonNode object, JsonNode expected) {
    String name() {
      return dir.getFileName().toString();
    }

    Health health() {
      return Health.valueOf(expected.path("normalized").asText().toUpperCase(Locale.ROOT));
    }

    GroupKind kind() {
      String apiVersion = object.path("apiVersion").asText();
      return GroupKind.of(apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "",
          object.path("kind").asText());
    }
  }

  static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(corpus())) {
      for (Path dir : dirs.sorted().toList()) {
        if (Files.isRegularFile(dir.resolve("expected.json"))) {
          cases.add(new Case(dir, YAML.readTree(dir.resolve("object.yaml").toFile()),
              JSON.readTree(dir.resolve("expected.json").toFile())));
        }
      }
    }
    return cases;
  }

  static RuleAnalyzer rules() {
    List<Analyzer> analyzers = new HealthRules().load(corpus().resolve("_lua"));
    assertThat(analyzers).hasSize(1);
    return (RuleAnalyzer) analyzers.get(0);
  }

  @Test
  void everyCaseThroughItsOwnScript() throws IOException {
    List<Case> cases = cases();
    assertThat(cases).hasSize(564);
    RuleAnalyzer analyzer = rules();
    assertThat(analyzer.rules()).hasSize(118);
    Instant now = Instant.parse("2026-12-01T00:00:00Z");
    int agree = 0;
    int messages = 0;
    int messagesAgree = 0;
    List<String> misses = new ArrayList<>();
    for (Case c : cases) {
      Optional<Rule> rule = analyzer.ruleFor(c.kind());
      assertThat(rule).as(c.name()).isPresent();
      String customization = c.expected().path("customization").asText();
      assertThat(rule.get().key()).as(c.name()).isEqualTo(HealthRules.wildcards(customization));
      Verdict verdict = rule.get().judge(ObjectRef.of(c.kind(), "ns", "x"), c.object(), now);
      boolean same = verdict.health() == c.health();
      if (same) {
        agree++;
      } else {
        misses.add(c.name() + ": expected " + c.health() + ", got " + verdict);
      }
      if (c.expected().path("message_asserted").asBoolean(false)) {
        messages++;
        if (verdict.message().equals(c.expected().path("message").asText(""))
            || verdict.health() == Health.UNKNOWN) {
          messagesAgree += verdict.message().equals(c.expected().path("message").asText("")) ? 1 : 0;
        }
        if (same && !verdict.message().equals(c.expected().path("message").asText(""))) {
          misses.add(c.name() + ": message differs: expected '" + c.expected().path("message").asText()
              + "', got '" + verdict.message() + "'");
        }
      }
    }
    System.out.printf("Lua runtime vs Argo CD: %d/%d verdicts agree (%.1f%%); messages %d/%d%n", agree,
        cases.size(), 100.0 * agree / cases.size(), messagesAgree, messages);
    misses.forEach(m -> System.out.println("  miss " + m));
    assertThat(100.0 * agree / cases.size()).isGreaterThanOrEqualTo(99.0);
  }

  /**
   * The same cases through the engine: manifests read by blame-core (each case in its own namespace, named
   * when Argo CD's fixture has no name), rules registered on the builder, verdicts as blame-core stores them.
   */
  @Test
  void everyCaseThroughTheEngine() throws IOException {
    List<Case> cases = cases();
    BlameEngine.Builder builder = BlameEngine.builder().discoverAnalyzers(false)
        .healthRules(corpus().resolve("_lua"))
        .clock(java.time.Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), java.time.ZoneOffset.UTC));
    List<ObjectRef> refs = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      com.fasterxml.jackson.databind.node.ObjectNode object = cases.get(i).object().deepCopy();
      com.fasterxml.jackson.databind.node.ObjectNode meta = object.with("metadata");
      if (!meta.hasNonNull("name")) {
        meta.put("name", "case");
      }
      meta.put("namespace", "case-" + i);
      builder.manifests(cases.get(i).name(), JSON.writeValueAsString(object));
      refs.add(ObjectRef.of(cases.get(i).kind(), "case-" + i, meta.get("name").asText()));
    }
    int agree = 0;
    int ruleAgree = 0;
    List<String> misses = new ArrayList<>();
    try (Blame blame = builder.build()) {
      for (int i = 0; i < cases.size(); i++) {
        Case c = cases.get(i);
        Verdict verdict = blame.verdict(refs.get(i)).orElseThrow();
        // The rule's own finding: the merged verdict also carries the engine's findings (an owner missing
        // from the manifests), which Argo CD's tests do not model.
        Health rule = verdict.findings().stream()
            .filter(f -> f.reason().equals(Rule.HEALTH_RULE) || f.reason().equals(Rule.HEALTH_RULE_FAILED))
            .map(dev.blame.api.Finding::health).findFirst().orElse(null);
        ruleAgree += rule == c.health() ? 1 : 0;
        if (verdict.health() == c.health()) {
          agree++;
        } else {
          misses.add(c.name() + ": expected " + c.health() + ", rule said " + rule + ", verdict " + verdict
              + " " + verdict.findings().stream().map(f -> f.reason() + "=" + f.health()).toList());
        }
      }
    }
    System.out.printf("Engine with healthRules(..) vs Argo CD: rule findings %d/%d agree (%.1f%%), merged "
        + "verdicts %d/%d (%.1f%%)%n", ruleAgree, cases.size(), 100.0 * ruleAgree / cases.size(), agree,
        cases.size(), 100.0 * agree / cases.size());
    misses.forEach(m -> System.out.println("  miss " + m));
    assertThat(100.0 * ruleAgree / cases.size()).isGreaterThanOrEqualTo(99.0);
  }
}
