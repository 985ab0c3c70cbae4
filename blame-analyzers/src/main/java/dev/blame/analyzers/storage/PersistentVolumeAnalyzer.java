package dev.blame.analyzers.storage;

import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.KindSelector;
import dev.blame.api.spi.Unstructured;
import java.util.List;

/**
 * PersistentVolumes by phase: Available and Bound are healthy, Released is healthy but reusable only by hand,
 * Pending is progressing, Failed (reclamation failed) is degraded. The claim side links to the volume; the
 * volume declares no link back, so the two are never a cycle.
 */
public final class PersistentVolumeAnalyzer implements Analyzer {

  public static final ReasonCode VOLUME_FAILED = ReasonCode.of("VolumeFailed");
  public static final ReasonCode VOLUME_PENDING = ReasonCode.of("VolumePending");

  @Override
  public String id() {
    return "blame.PersistentVolume";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.PERSISTENT_VOLUME);
  }

  @Override
  public Verdict analyze(AnalysisContext ctx) {
    Unstructured u = Unstructured.of(ctx.node().object());
    String phase = u.string("status", "phase");
    String message = u.string("status", "message");
    switch (phase) {
      case "Failed":
        return Judgement.of(Health.DEGRADED, ReconcileStatus.FAILED, "", List.of(PersistentVolumeClaimAnalyzer.finding(
            ctx.node().ref(), Health.DEGRADED, VOLUME_FAILED,
            "volume failed" + (message.isEmpty() ? "" : ": " + message), "status.phase", phase)));
      case "Pending":
      case "":
        return Judgement.of(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS, "", List.of(
            PersistentVolumeClaimAnalyzer.finding(ctx.node().ref(), Health.PROGRESSING, VOLUME_PENDING,
                "volume is not yet available", "status.phase", phase.isEmpty() ? "<unset>" : phase)));
      case "Released":
        return Judgement.healthy("Released: claim deleted; reclaim policy "
            + u.string("spec", "persistentVolumeReclaimPolicy") + " keeps it from new claims");
      default:
        return Judgement.healthy(phase);
    }
  }
}
