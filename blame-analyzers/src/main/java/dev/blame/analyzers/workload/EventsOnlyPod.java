package dev.blame.analyzers.workload;

import static dev.blame.analyzers.workload.WorkloadReasons.EVICTED;
import static dev.blame.analyzers.workload.WorkloadReasons.STATUS_MISSING;
import static dev.blame.analyzers.workload.WorkloadReasons.UNSCHEDULABLE;

import dev.blame.analyzers.support.ContainerView;
import dev.blame.analyzers.support.GenericStatus;
import dev.blame.analyzers.support.Times;
import dev.blame.analyzers.support.WarningEvents;
import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.Health;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Judgement;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pod read from its Events alone: none of its status is in view (a capture of its Events only, or a status no
 * component has written yet). The pod-level readings live here: the kubelet's {@code Evicted}, its {@code Started}
 * with nothing failed since, the scheduler's {@code FailedScheduling}; what its containers wait on is then read from
 * the kubelet's container Events by {@link KubeletEvents}.
 */
final class EventsOnlyPod {

  private EventsOnlyPod() {}

  /**
   * Whether nothing of the pod's status is in view: no container state and no condition (the caller checks the phase
   * and reason). Conditions alone (a capture that shows them and not the phase) are a status to read.
   */
  static boolean noStatusInView(Pod pod) {
    PodStatus status = pod.getStatus();
    return ContainerView.of(pod).stream().allMatch(c -> c.status().getState() == null)
        && (status == null || status.getConditions() == null || status.getConditions().isEmpty());
  }

  /** Judges the pod from its Events, into {@code j}, and returns {@code j}. */
  static Judgement judge(AnalysisContext ctx, Pod pod, Judgement j) {
    Optional<EventRecord> started = KubeletEvents.startedSinceLastWarning(ctx.events());
    Optional<EventRecord> evicted = evicted(ctx.events());
    if (evicted.isPresent()) {
      // The kubelet's Evicted Event is written with the pod's Failed phase: the status not in view is that one.
      j.worsen(Health.DEGRADED, ReconcileStatus.FAILED).message("Evicted")
          .find(Health.DEGRADED, EVICTED, "Pod was evicted by the kubelet (its Event; no status in view)"
              + PodAnalyzer.text(null, evicted.get().message()), Evidence.event(evicted.get()));
      return KubeletEvents.explainMissingStatus(ctx, pod, j, Set.of("Evicted"));
    }
    if (started.isPresent()) {
      // The kubelet started its containers and nothing has failed since: the pod runs, readiness not in view.
      j.worsen(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS).message("Started; no status in view")
          .find(Health.PROGRESSING, STATUS_MISSING, ctx.node().ref().display() + " has no status in view; the"
              + " kubelet's Events show its containers started (" + started.get().message().strip() + ") and nothing"
              + " failed since: running, readiness unknown", Evidence.event(started.get()));
    } else {
      GenericStatus.statusMissing(ctx.node(), ctx.now(), j);
    }
    boolean unschedulable = unschedulable(ctx, pod, j);
    // The kubelet's Events still say what its containers wait on (an Events-only capture).
    return KubeletEvents.explainMissingStatus(ctx, pod, j,
        unschedulable ? Set.of("FailedScheduling") : Set.of());
  }

  /**
   * The kubelet's Warning {@code Evicted} about the pod, the newest: the kubelet records it only in the call that
   * fails the pod, with phase Failed and reason {@code Evicted} in the same status (pkg/kubelet/eviction,
   * {@code evictPod}: "The node was low on resource: ..." for a pod it evicts under node pressure; pkg/kubelet
   * {@code rejectPod} for one its eviction admission handler refuses, "The node had condition: [...]"). An Event
   * from another component (a controller's, an operator's) is not the kubelet's word and is not read.
   */
  static Optional<EventRecord> evicted(List<EventRecord> events) {
    return events.stream().filter(e -> e.isWarning() && e.reason().equals("Evicted")
        && (e.source().isEmpty() || e.source().equals("kubelet"))).min(EventRecord.NEWEST_FIRST);
  }

  /**
   * A pod none of whose status is in view, not bound to a node, whose Events hold the scheduler's
   * {@code FailedScheduling} (and no later {@code Scheduled}): the scheduler records that Event only for a pod it
   * tried and failed to place, one it writes {@code PodScheduled=False Unschedulable} for in the same attempt
   * (pkg/scheduler, {@code handleSchedulingFailure}). The pod has been unschedulable at least since that Event was
   * first recorded; past kstatus' window it is DEGRADED, as the condition would be.
   *
   * @return whether the Event was read
   */
  private static boolean unschedulable(AnalysisContext ctx, Pod pod, Judgement j) {
    Optional<EventRecord> failed = PodAnalyzer.bound(pod) ? Optional.empty()
        : WarningEvents.latestFailedScheduling(ctx.events());
    if (failed.isEmpty()) {
      return false;
    }
    Optional<Instant> since = failed.get().firstTime().or(failed.get()::lastTime);
    boolean young = since.isEmpty()
        || Times.withinGrace(ctx.now(), since, ctx.tolerance().graceOr(PodAnalyzer.UNSCHEDULABLE_GRACE));
    j.find(young ? Health.PROGRESSING : Health.DEGRADED, UNSCHEDULABLE, "Pod cannot be scheduled (the scheduler's"
        + " Events; no status in view)" + PodAnalyzer.text(null, failed.get().message()), Evidence.event(failed.get()));
    return true;
  }
}
