package dev.blame.analyzers.custom;

import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import java.util.List;

/** Builds verdicts whose health is never better than their worst finding. */
public final class Verdicts {

  private Verdicts() {}

  /**
   * A verdict of at least {@code health}, raised to the worst finding's health, with findings worst first.
   * The status is raised to {@link ReconcileStatus#FAILED} when a finding is {@link Health#DEGRADED} and to
   * {@link ReconcileStatus#IN_PROGRESS} when one is {@link Health#PROGRESSING} and the status was CURRENT.
   */
  public static Verdict of(Health health, ReconcileStatus status, String message, List<Finding> findings) {
    Health worst = health;
    for (Finding f : findings) {
      worst = Health.worst(worst, f.health());
    }
    ReconcileStatus rs = status;
    if (worst == Health.DEGRADED && rs != ReconcileStatus.TERMINATING) {
      rs = ReconcileStatus.worst(rs, ReconcileStatus.FAILED);
    } else if (worst == Health.PROGRESSING && rs == ReconcileStatus.CURRENT) {
      rs = ReconcileStatus.IN_PROGRESS;
    }
    String summary = message;
    if (summary.isEmpty() && worst != health) {
      summary = findings.stream().sorted(Finding.WORST_FIRST).findFirst().map(Finding::message).orElse("");
    }
    return Verdict.builder()
        .health(worst)
        .status(rs)
        .message(summary)
        .addAllFindings(findings.stream().sorted(Finding.WORST_FIRST).toList())
        .build();
  }

  /** Nothing wrong. */
  public static Verdict healthy(String message) {
    return Verdict.of(Health.HEALTHY, ReconcileStatus.CURRENT, message);
  }
}
