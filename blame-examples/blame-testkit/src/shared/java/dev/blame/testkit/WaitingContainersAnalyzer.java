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

/**
 * A deliberately small pod analyzer for tests that exercise the engine, a CLI or a renderer rather than the
 * built-in analyzers, so that their expected output does not move when those analyzers change: a pod being
 * deleted is Progressing/Terminating, a waiting container is Degraded with the waiting reason as its code.
 */
public final class WaitingContainersAnalyzer implements Analyzer {

  @Override
  public String id() {
    return "testkit.WaitingContainers";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.POD);
  }

  @Override
  public Verdict analyze(AnalysisContext context) {
    Pod pod = context.node().as(Pod.class).orElseThrow();
    if (context.node().deletedAt().isPresent()) {
      return Verdict.of(Health.PROGRESSING, ReconcileStatus.TERMINATING, "Terminating");
    }
    var verdict = Verdict.builder().health(Health.HEALTHY).status(ReconcileStatus.CURRENT);
    if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
      for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
        if (status.getState() != null && status.getState().getWaiting() != null) {
          String reason = status.getState().getWaiting().getReason();
          verdict.health(Health.DEGRADED).status(ReconcileStatus.FAILED);
          verdict.addFinding(Finding.builder()
              .subject(context.node().ref())
              .container(status.getName())
              .health(Health.DEGRADED)
              .reason(ReasonCode.of(reason))
              .message("Container [" + status.getName() + "] is waiting: " + reason)
              .addEvidence(Evidence.field(
                  "status.containerStatuses[" + status.getName() + "].state.waiting.reason", reason))
              .build());
        }
      }
    }
    return verdict.build();
  }
}
