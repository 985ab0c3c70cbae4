package dev.blame.cli.testing;

import dev.blame.api.EdgeKind;
import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.KindSelector;

/**
 * Test fallback for every kind without a specific analyzer: as healthy as the worst owned child, with a
 * ChildFailing finding. Keeps the CLI's golden files independent of the built-in analyzers.
 */
public final class ChildrenAnalyzer implements Analyzer {

  @Override
  public String id() {
    return "test.Children";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.any();
  }

  @Override
  public Verdict analyze(AnalysisContext context) {
    Health worst = Health.HEALTHY;
    Node worstChild = null;
    for (Node child : context.graph().targets(context.node().ref(), EdgeKind.OWNS)) {
      Health health = context.graph().verdict(child.ref()).map(Verdict::health).orElse(Health.UNKNOWN);
      if (health.isWorseThan(worst)) {
        worst = health;
        worstChild = child;
      }
    }
    if (worstChild == null) {
      return Verdict.of(Health.HEALTHY, ReconcileStatus.CURRENT, "");
    }
    return Verdict.builder()
        .health(worst)
        .status(worst == Health.DEGRADED ? ReconcileStatus.FAILED : ReconcileStatus.IN_PROGRESS)
        .addFinding(Finding.of(context.node().ref(), worst, ReasonCode.CHILD_FAILING,
            worstChild.ref().display() + " is " + worst))
        .build();
  }
}
