package dev.blame.core.testing;

import dev.blame.api.EdgeKind;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.KindSelector;

/** Test analyzer for owners: as healthy as the worst owned child, with a ChildFailing finding. */
public class ChildrenAnalyzer implements Analyzer {

  @Override
  public String id() {
    return "test.Children";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.DEPLOYMENT, GroupKind.REPLICA_SET);
  }

  /** Its owned children: a Deployment's ReplicaSets, a ReplicaSet's pods. */
  @Override
  public java.util.Set<GroupKind> reads() {
    return java.util.Set.of(GroupKind.REPLICA_SET, GroupKind.POD);
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
        .status(ReconcileStatus.IN_PROGRESS)
        .addFinding(Finding.of(context.node().ref(), worst, ReasonCode.CHILD_FAILING,
            worstChild.ref().display() + " is " + worst))
        .build();
  }
}
