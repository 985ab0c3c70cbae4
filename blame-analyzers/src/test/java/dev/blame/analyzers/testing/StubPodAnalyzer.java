package dev.blame.analyzers.testing;

import dev.blame.analyzers.custom.Unstructured;
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
import java.util.Set;

/**
 * A test double for the pod analyzer another branch owns: a waiting container with a failing reason is
 * degraded, an unready pod is progressing. Enough for Services and PDBs to name pods and say why.
 */
public final class StubPodAnalyzer implements Analyzer {

  private static final Set<String> FAILING =
      Set.of("CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "CreateContainerConfigError");

  @Override
  public String id() {
    return "test.StubPod";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.POD);
  }

  @Override
  public Verdict analyze(AnalysisContext ctx) {
    Unstructured pod = Unstructured.of(ctx.node().object());
    for (Unstructured c : pod.list("status", "containerStatuses")) {
      String reason = c.string("state", "waiting", "reason");
      if (FAILING.contains(reason)) {
        return Verdict.builder().health(Health.DEGRADED).status(ReconcileStatus.FAILED)
            .addFinding(Finding.builder().subject(ctx.node().ref()).container(c.string("name"))
                .health(Health.DEGRADED).reason(ReasonCode.of(reason))
                .message("container [" + c.string("name") + "] " + reason)
                .addEvidence(Evidence.field("state.waiting.reason", reason)).build())
            .build();
      }
    }
    boolean ready = pod.conditions().stream().anyMatch(c -> c.type().equals("Ready") && c.isTrue());
    return ready ? Verdict.of(Health.HEALTHY, ReconcileStatus.CURRENT, "")
        : Verdict.of(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS, "");
  }
}
