package dev.blame.analyzers.support;

import dev.blame.api.EventRecord;
import dev.blame.api.Health;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Judgement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pod controller whose counts read as done while its own Warning {@code FailedCreate} is the newest word it wrote
 * about creating pods. Every pod-creating controller of kube-controller-manager records {@code FailedCreate} when the
 * API server refuses a pod (controller_utils.go's {@code FailedCreatePodReason} for ReplicaSets, Jobs and DaemonSets;
 * stateful_pod_control.go for StatefulSets) and {@code SuccessfulCreate} when it gets one; the DaemonSet and
 * StatefulSet controllers have written statuses that do not count the pods they failed to create
 * (kubernetes/kubernetes#100683: a DaemonSet under a 0-pod quota reads desired 0 of 0; #112010, #108837). A status that
 * says nothing is missing is then not evidence that nothing is: the verdict is not HEALTHY until a
 * {@code SuccessfulCreate} follows the refusal. The refusal is judged as {@link WarningEvents#explain} judges any.
 */
public final class UncountedFailedCreate {

  /** The Event reason of a refused pod creation. */
  public static final String REFUSED = "FailedCreate";

  /** The Event reason of a pod created. */
  public static final String CREATED = "SuccessfulCreate";

  private UncountedFailedCreate() {
  }

  /**
   * When {@code j} reads HEALTHY and a Warning {@code FailedCreate} about its subject is newer than every
   * {@code SuccessfulCreate} in view (or none is), adds the refusal and makes the verdict at least PROGRESSING.
   *
   * @param ctx the analysis context, whose Events are the subject's
   * @param j the judgement so far
   * @return {@code j}
   */
  public static Judgement judge(AnalysisContext ctx, Judgement j) {
    if (j.health() != Health.HEALTHY) {
      return j;
    }
    Optional<Instant> created = ctx.events().stream().filter(e -> !e.isWarning() && CREATED.equals(e.reason()))
        .map(UncountedFailedCreate::time).flatMap(Optional::stream).max(Instant::compareTo);
    List<EventRecord> refused = ctx.events().stream().filter(e -> e.isWarning() && REFUSED.equals(e.reason()))
        .filter(e -> created.isEmpty() || time(e).filter(t -> t.isAfter(created.get())).isPresent()).toList();
    if (refused.isEmpty()) {
      return j;
    }
    WarningEvents.explain(refused, ctx.tolerance().stuckOr(WarningEvents.STUCK), Set.of(), j);
    boolean failed = j.health() == Health.DEGRADED;
    return j.worsen(Health.PROGRESSING, failed ? ReconcileStatus.FAILED : ReconcileStatus.IN_PROGRESS)
        .message("Pods refused: the controller's FailedCreate is newer than its counts");
  }

  private static Optional<Instant> time(EventRecord e) {
    return e.lastTime().or(e::firstTime);
  }
}
