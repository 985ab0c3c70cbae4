package dev.blame.testkit;

import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.KindSelector;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;

/** A pod analyzer for the testkit's own tests: a waiting container is DEGRADED; the message says "now". */
final class WaitingAnalyzer implements Analyzer {

  @Override
  public String id() {
    return "testkit.Waiting";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.POD);
  }

  @Override
  public Verdict analyze(AnalysisContext ctx) {
    Pod pod = ctx.node().as(Pod.class).orElseThrow();
    var verdict = Verdict.builder().health(Health.HEALTHY).status(ReconcileStatus.CURRENT)
        .message("judged at " + ctx.now());
    if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
      for (ContainerStatus c : pod.getStatus().getContainerStatuses()) {
        if (c.getState() != null && c.getState().getWaiting() != null) {
          String reason = c.getState().getWaiting().getReason();
          verdict.health(Health.DEGRADED).status(ReconcileStatus.FAILED).addFinding(Finding.builder()
              .subject(ctx.node().ref()).container(c.getName()).health(Health.DEGRADED)
              .reason(ReasonCode.of(reason)).message("container [" + c.getName() + "] " + reason)
              .addEvidence(Evidence.field("status.containerStatuses[" + c.getName() + "].state.waiting", reason))
              .build());
        }
      }
    }
    return verdict.build();
  }
}
