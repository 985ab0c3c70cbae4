package dev.blame.testkit;

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
 * A deliberately small fallback analyzer for the same kind of tests as {@link WaitingContainersAnalyzer}: every
 * kind without a specific analyzer is as healthy as its worst owned child, with a {@code ChildFailing} finding
 * naming it.
 */
public final class WorstChildAnalyzer implements Analyzer {

  @Override
  public String id() {
    return "testkit.WorstChild";
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
