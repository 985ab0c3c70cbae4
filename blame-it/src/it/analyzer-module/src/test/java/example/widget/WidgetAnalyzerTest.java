package example.widget;

import static dev.blame.testkit.BlameAssertions.assertThat;
import static dev.blame.testkit.BlameAssertions.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blame.api.Blame;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.KindSelector;
import dev.blame.testkit.BlameFixture;
import org.junit.jupiter.api.Test;

/** The analyzer through the testkit, outside the kubectl-blame build. */
class WidgetAnalyzerTest {

  static final String WIDGET = """
      apiVersion: example.dev/v1
      kind: Widget
      metadata: {name: w, namespace: shop, uid: 7b4c0f9e-0000-4000-8000-000000000001}
      status: {ready: false}
      """;
  static final ObjectRef W = ref("Widget.example.dev/shop/w");

  @Test
  void isDiscoveredBesideTheBuiltInAnalyzers() {
    try (Blame blame = BlameFixture.yaml(WIDGET).build()) {
      assertTrue(blame.analyzers().stream().anyMatch(a -> a.id().equals("example.Widget")));
      assertTrue(blame.analyzers().stream().anyMatch(a -> a.id().equals("blame.Generic")));
      assertThat(blame.verdict(W).orElseThrow()).hasHealth(Health.DEGRADED).hasReason(WidgetAnalyzer.NOT_READY);
    }
  }

  /** The testkit turns strict reads on: an analyzer reading a kind it did not declare fails here, not live. */
  @Test
  void anAnalyzerReadingAnUndeclaredKindFailsInTheTestkit() {
    Analyzer sloppy = new Analyzer() {
      @Override
      public String id() {
        return "example.Sloppy";
      }

      @Override
      public KindSelector kinds() {
        return KindSelector.of(WidgetAnalyzer.WIDGET);
      }

      @Override
      public Verdict analyze(AnalysisContext context) {
        context.graph().list(GroupKind.CONFIG_MAP, "shop"); // not in reads()
        return new WidgetAnalyzer().analyze(context);
      }
    };
    Verdict verdict = BlameFixture.yaml(WIDGET).analyzers(sloppy).verdict(W);
    assertEquals(Health.UNKNOWN, verdict.health());
    assertTrue(verdict.message().contains("does not declare it in reads()"), verdict.message());
  }
}
