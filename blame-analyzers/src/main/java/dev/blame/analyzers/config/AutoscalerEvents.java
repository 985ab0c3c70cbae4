package dev.blame.analyzers.config;

import dev.blame.analyzers.support.WarningEvents;
import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.ReasonCode;
import dev.blame.api.spi.AnalysisContext;
import java.util.List;
import java.util.Optional;

/**
 * What the HPA controller's Warning Events say of an autoscaler none of whose conditions is in view (a capture of
 * its Events alone). The controller records the Warning in the same call that sets the failing condition, under
 * the condition's own reason (pkg/controller/podautoscaler/horizontal.go: {@code getUnableComputeReplicaCountCondition}
 * records "FailedGetResourceMetric", "FailedGetPodsMetric", "FailedGetExternalMetric" ... and returns
 * {@code ScalingActive=False} with that reason; a failure to read the target's scale records "FailedGetScale" and
 * sets {@code AbleToScale=False FailedGetScale}; {@code FailedComputeMetricsReplicas} follows when no metric could
 * be computed). So such a Warning stands for the condition the capture lacks.
 */
final class AutoscalerEvents {

  private static final String CONTROLLER = "horizontal-pod-autoscaler";

  private AutoscalerEvents() {}

  /**
   * The newest of the controller's failing Warnings, as the finding its condition would give: DEGRADED once the
   * Warning has repeated over the stuck window (or its error is deterministic), PROGRESSING while it is younger, as
   * other Warnings read where no status is in view. Empty when there is none.
   */
  static Optional<Finding> explainMissingConditions(AnalysisContext ctx) {
    List<EventRecord> events = EventRecord.fold(ctx.events());
    Optional<EventRecord> newest = events.stream()
        .filter(e -> e.isWarning() && (e.source().isEmpty() || e.source().equals(CONTROLLER)))
        .filter(e -> code(e.reason()).isPresent())
        .min(EventRecord.NEWEST_FIRST);
    if (newest.isEmpty()) {
      return Optional.empty();
    }
    EventRecord e = newest.get();
    ReasonCode code = code(e.reason()).orElseThrow();
    boolean stuck = WarningEvents.lastedAtLeast(e.firstTime().or(e::lastTime), e.lastTime(),
        ctx.tolerance().stuckOr(WarningEvents.STUCK));
    Health health = stuck || WarningEvents.deterministic(e.message()) ? Health.DEGRADED : Health.PROGRESSING;
    String times = e.count() > 1 ? " (x" + e.count() + ")" : "";
    String what = code.equals(HorizontalPodAutoscalerAnalyzer.CANNOT_SCALE) ? "cannot scale the target: "
        : "metrics unavailable: ";
    return Optional.of(Finding.builder().subject(ctx.node().ref()).health(health).reason(code)
        .message(what + e.reason() + ": " + e.message().strip() + times
            + " (the HPA controller's Events; no conditions in view)")
        .addEvidence(Evidence.event(e)).since(e.firstTime().or(e::lastTime)).build());
  }

  /** The finding a condition of this reason gives ({@code failing} in the analyzer), if it is a failing one. */
  private static Optional<ReasonCode> code(String reason) {
    if (reason.equals("FailedGetScale") || reason.equals("FailedUpdateScale")) {
      return Optional.of(HorizontalPodAutoscalerAnalyzer.CANNOT_SCALE);
    }
    if (reason.startsWith("FailedGet") || reason.startsWith("Invalid")
        || reason.equals("FailedComputeMetricsReplicas")) {
      return Optional.of(HorizontalPodAutoscalerAnalyzer.METRICS_UNAVAILABLE);
    }
    return Optional.empty();
  }
}
