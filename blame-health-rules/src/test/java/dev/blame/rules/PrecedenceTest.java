package dev.blame.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.AnalyzerInfo;
import dev.blame.api.Blame;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.KindSelector;
import dev.blame.core.BlameEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules win over the fallback for the kinds they name (exactly or by pattern); an analyzer naming the same kind
 * (a plug-in) still runs and the verdicts merge, worst first.
 */
class PrecedenceTest {

  private static final GroupKind WIDGET = GroupKind.of("example.com", "Widget");
  private static final GroupKind BUCKET = GroupKind.of("s3.services.k8s.aws", "Bucket");
  private static final GroupKind OTHER = GroupKind.of("other.io", "Thing");

  /** Stands in for blame.Generic: calls everything Unknown. */
  static final class Fallback implements Analyzer {
    @Override
    public String id() {
      return "test.Fallback";
    }

    @Override
    public KindSelector kinds() {
      return KindSelector.any();
    }

    @Override
    public Verdict analyze(AnalysisContext context) {
      return Verdict.unknown(context.node().ref(), ReasonCode.of("Fallback"), "fallback");
    }
  }

  /** Stands in for a plug-in jar that knows Widgets: calls them Degraded. */
  static final class WidgetPlugin implements Analyzer {
    @Override
    public String id() {
      return "acme.Widget";
    }

    @Override
    public KindSelector kinds() {
      return KindSelector.of(WIDGET);
    }

    @Override
    public Verdict analyze(AnalysisContext context) {
      return Verdict.builder().health(Health.DEGRADED).status(ReconcileStatus.FAILED)
          .addFinding(Finding.of(context.node().ref(), Health.DEGRADED, ReasonCode.of("PluginSaysNo"), "no"))
          .build();
    }
  }

  @TempDir
  Path tmp;

  @Test
  void rulesReplaceTheFallbackAndMergeWithAPluginForTheSameKind() throws IOException {
    Path rules = tmp.resolve("rules");
    for (String dir : new String[] {"example.com/Widget", "_.services.k8s.aws/_"}) {
      Files.createDirectories(rules.resolve(dir));
      Files.writeString(rules.resolve(dir).resolve("health.lua"), "return {status = 'Healthy'}\n");
    }
    String manifests = """
        {apiVersion: example.com/v1, kind: Widget, metadata: {name: w, namespace: ns}}
        ---
        {apiVersion: s3.services.k8s.aws/v1alpha1, kind: Bucket, metadata: {name: b, namespace: ns}}
        ---
        {apiVersion: other.io/v1, kind: Thing, metadata: {name: t, namespace: ns}}
        """;
    try (Blame blame = BlameEngine.builder().manifests("m.yaml", manifests).discoverAnalyzers(false)
        .addAnalyzer(new Fallback()).addAnalyzer(new WidgetPlugin()).healthRules(rules).build()) {
      Verdict bucket = blame.verdict(ObjectRef.of(BUCKET, "ns", "b")).orElseThrow();
      assertThat(bucket.health()).isEqualTo(Health.HEALTHY);
      assertThat(bucket.findings()).extracting(Finding::reason).containsExactly(Rule.HEALTH_RULE);

      Verdict widget = blame.verdict(ObjectRef.of(WIDGET, "ns", "w")).orElseThrow();
      assertThat(widget.health()).isEqualTo(Health.DEGRADED);
      assertThat(widget.findings()).extracting(f -> f.reason().code())
          .containsExactlyInAnyOrder("PluginSaysNo", "HealthRule");

      assertThat(blame.verdict(ObjectRef.of(OTHER, "ns", "t")).orElseThrow().health()).isEqualTo(Health.UNKNOWN);

      assertThat(blame.analyzers()).filteredOn(a -> a.id().equals("lua:" + rules)).singleElement()
          .satisfies(a -> {
            assertThat(a.kinds()).isEqualTo("[Widget.example.com, *.services.k8s.aws/*]");
            assertThat(a.origin()).isEqualTo(AnalyzerInfo.Origin.REGISTERED);
          });
    }
  }

  @Test
  void withoutTheModuleTheBuilderSaysWhichArtifactIsMissing() {
    ClassLoader empty = new ClassLoader(null) { };
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> BlameEngine.builder().classLoader(empty).healthRules(tmp))
        .isInstanceOf(dev.blame.api.BlameException.class)
        .hasMessageContaining("dev.blame:blame-health-rules")
        .satisfies(e -> assertThat(((dev.blame.api.BlameException) e).kind())
            .isEqualTo(dev.blame.api.BlameException.Kind.CONFIGURATION));
  }
}
