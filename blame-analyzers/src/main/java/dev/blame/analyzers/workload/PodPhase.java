package dev.blame.analyzers.workload;

import static dev.blame.analyzers.workload.PodAnalyzer.UNSCHEDULABLE_GRACE;
import static dev.blame.analyzers.workload.PodAnalyzer.bound;
import static dev.blame.analyzers.workload.PodAnalyzer.text;
import static dev.blame.analyzers.workload.WorkloadReasons.DEADLINE_EXCEEDED;
import static dev.blame.analyzers.workload.WorkloadReasons.NON_ZERO_EXIT;
import static dev.blame.analyzers.workload.WorkloadReasons.NOT_READY;
import static dev.blame.analyzers.workload.WorkloadReasons.POD_COMPLETED;
import static dev.blame.analyzers.workload.WorkloadReasons.POD_FAILED;
import static dev.blame.analyzers.workload.WorkloadReasons.POD_PENDING;
import static dev.blame.analyzers.workload.WorkloadReasons.UNSCHEDULABLE;

import dev.blame.analyzers.support.PodReadiness;
import dev.blame.analyzers.support.Times;
import dev.blame.analyzers.support.WarningEvents;
import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Judgement;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a pod's phase says, once its containers are judged: Succeeded is completed, Failed is terminal (its deadline
 * or a failure no container explains), Pending is unschedulable when the scheduler says so, Running is not ready
 * until its Ready condition (or its containers) say it is. Part of {@link PodAnalyzer}.
 */
final class PodPhase {

  private PodPhase() {}

  /** What the phase says; {@code "Lost"} is a pod of a lost node with no phase in view, already judged. */
  static void byPhase(AnalysisContext ctx, Pod pod, String phase, List<Condition> conditions,
      Evidence phaseEvidence, Judgement j) {
    switch (phase) {
      case "Lost" -> { }
      case "Succeeded" -> j.message("Completed")
          .find(Health.HEALTHY, POD_COMPLETED, "Pod completed successfully", phaseEvidence);
      case "Failed" -> failed(pod.getStatus(), j, phaseEvidence);
      case "Pending" -> pending(ctx.node(), pod, conditions, ctx.events(), ctx.now(),
          ctx.tolerance().graceOr(UNSCHEDULABLE_GRACE), j, phaseEvidence);
      case "Running" -> running(conditions, PodReadiness.readyWithoutCondition(pod, ctx.events()), j);
      // No phase in view (a trimmed capture): a pod whose PodScheduled condition is False is one still pending.
      case "" -> {
        if (Condition.find(conditions, "PodScheduled").filter(Condition::isFalse).isEmpty()) {
          running(conditions, false, j);
        } else {
          pending(ctx.node(), pod, conditions, ctx.events(), ctx.now(), ctx.tolerance().graceOr(UNSCHEDULABLE_GRACE),
              j, phaseEvidence);
        }
      }
      default -> j.worsen(Health.UNKNOWN, ReconcileStatus.UNKNOWN).message("Phase " + phase)
          .find(Health.UNKNOWN, ReasonCode.of("PodPhaseUnknown"),
              "Pod phase is " + phase + " (its node may be unreachable)", phaseEvidence);
    }
  }

  /**
   * A failed pod is terminal, and FAILED (not kstatus' CURRENT: nothing will bring it back). The generic
   * {@code PodFailed} finding is added only when no container's failure (its exit code, OOMKilled) says why,
   * so that the generic finding never ranks above the specific one.
   */
  private static void failed(PodStatus status, Judgement j, Evidence phase) {
    j.worsen(Health.DEGRADED, ReconcileStatus.FAILED).message("Failed");
    if ("DeadlineExceeded".equals(status.getReason())) {
      // The kubelet ended the pod at its spec.activeDeadlineSeconds, whatever its containers were doing (they may
      // have been running fine): the deadline is the cause, as for a Job's activeDeadlineSeconds.
      j.find(Health.DEGRADED, DEADLINE_EXCEEDED, "Pod was stopped at its deadline (spec.activeDeadlineSeconds)"
          + text(null, status.getMessage()), Evidence.field("status.reason", status.getReason()));
      // The kubelet killed the containers for it (exit 137 or 143): their exits follow from the deadline, not before it.
      j.demote(Set.of(NON_ZERO_EXIT), Health.PROGRESSING);
    } else if (j.findings().stream().noneMatch(f -> f.health() == Health.DEGRADED && f.container().isPresent())) {
      j.find(Health.DEGRADED, POD_FAILED, "Pod failed" + text(status.getReason(), status.getMessage()), phase);
    }
  }

  /**
   * A pending pod the scheduler cannot place: its {@code PodScheduled=False Unschedulable} condition, or, where no
   * {@code PodScheduled} condition is in view and the pod is bound to no node, the scheduler's latest
   * {@code FailedScheduling} Event, which says the same (the scheduler writes both from one failure; a
   * {@code kubectl describe} of an older cluster, or a capture of Events alone, shows only the Event). Past kstatus'
   * window it is DEGRADED.
   */
  private static void pending(Node node, Pod pod, List<Condition> conditions, List<EventRecord> events, Instant now,
      Duration grace, Judgement j, Evidence phase) {
    Optional<Condition> scheduled = Condition.find(conditions, "PodScheduled")
        .filter(c -> c.isFalse() && c.reason().equals("Unschedulable"));
    Optional<EventRecord> failedScheduling = Condition.find(conditions, "PodScheduled").isPresent() || bound(pod)
        ? Optional.empty()
        : WarningEvents.latestFailedScheduling(events);
    if (scheduled.isPresent() || failedScheduling.isPresent()) {
      boolean young = Times.withinGrace(now, node.createdAt(), grace);
      String message = scheduled.map(Condition::message).orElseGet(() -> failedScheduling.get().message());
      j.message(young ? "Scheduling" : "Unschedulable").find(young ? Health.PROGRESSING : Health.DEGRADED,
          UNSCHEDULABLE, "Pod cannot be scheduled" + text(null, message),
          scheduled.map(Condition::evidence).orElseGet(() -> Evidence.event(failedScheduling.get())));
    } else if (j.health() == Health.HEALTHY) {
      j.find(Health.PROGRESSING, POD_PENDING, "Pod is pending", phase);
    }
  }

  /**
   * A running pod is ready by its Ready condition or, when none is in view, as the kubelet would compute it from its
   * containers ({@code readyWithoutCondition}, {@link PodReadiness}), unless a Warning Event about the pod is in view:
   * a reconstruction does not outweigh the kubelet's own warnings (a liveness kill, a failing probe).
   */
  private static void running(List<Condition> conditions, boolean readyWithoutCondition, Judgement j) {
    Optional<Condition> ready = Condition.find(conditions, "Ready");
    if (ready.map(Condition::isTrue).orElse(ready.isEmpty() && readyWithoutCondition)) {
      return;
    }
    if (j.health() == Health.HEALTHY) {
      j.find(Health.PROGRESSING, NOT_READY, "Pod is running but not ready",
          ready.map(Condition::evidence).orElse(Evidence.field("status.conditions[Ready]", "<absent>")));
    }
  }
}
