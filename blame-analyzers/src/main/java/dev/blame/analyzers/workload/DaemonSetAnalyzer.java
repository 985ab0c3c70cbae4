package dev.blame.analyzers.workload;

import static dev.blame.analyzers.workload.WorkloadReasons.*;

import dev.blame.analyzers.support.Children;
import dev.blame.analyzers.support.Counts;
import dev.blame.analyzers.support.GenericStatus;
import dev.blame.analyzers.support.UncountedFailedCreate;
import dev.blame.analyzers.support.WarningEvents;
import dev.blame.api.Evidence;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.TypedAnalyzer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DaemonSets: node counts as kstatus' {@code daemonsetConditions} reads them (desired, current, updated,
 * available, ready), misscheduled pods, and the owned pods. With {@code updateStrategy: OnDelete} pods are
 * updated only when deleted, so {@code updatedNumberScheduled} is not waited for (gitops-engine does the same).
 */
public final class DaemonSetAnalyzer extends TypedAnalyzer<DaemonSet> {

  public DaemonSetAnalyzer() {
    super("blame.DaemonSet", DaemonSet.class, GroupKind.DAEMON_SET, "an apps/v1 DaemonSet", Set.of(GroupKind.POD));
  }

  @Override
  protected Verdict analyze(DaemonSet object, AnalysisContext ctx) {
    Node node = ctx.node();
    DaemonSet ds = object;
    Judgement j = new Judgement(node.ref());
    GenericStatus.deletion(node, j);
    DaemonSetStatus status = ds.getStatus();
    if (status == null || status.getDesiredNumberScheduled() == null) {
      GenericStatus.statusMissing(node, ctx.now(), j);
      // Its own controller's Warning Events still say why it is stuck (a FailedCreate refused by a quota; daemon pods
      // killed again and again on one node), whether the status was never written or not captured.
      boolean loop = FailedDaemonPods.judge(ctx.events(), readyNodes(Children.owned(ctx.graph(), node.ref(),
          GroupKind.POD)), j);
      return WarningEvents.explainMissingStatus(ctx, loop ? Set.of(FailedDaemonPods.REASON) : Set.of(), j).build();
    }
    if (GenericStatus.generationLags(node, status.getObservedGeneration(), j)) {
      return j.build();
    }
    List<Node> pods = Children.owned(ctx.graph(), node.ref(), GroupKind.POD);
    boolean onDelete = ds.getSpec() != null && ds.getSpec().getUpdateStrategy() != null
        && "OnDelete".equals(ds.getSpec().getUpdateStrategy().getType());
    int desired = status.getDesiredNumberScheduled();
    int current = Counts.orZero(status.getCurrentNumberScheduled());
    int updated = Counts.orZero(status.getUpdatedNumberScheduled());
    int available = Counts.orZero(status.getNumberAvailable());
    int ready = Counts.orZero(status.getNumberReady());
    int misscheduled = Counts.orZero(status.getNumberMisscheduled());
    int unavailable = Counts.orZero(status.getNumberUnavailable());
    // A failed daemon pod is deleted and recreated by the controller ("Found failed daemon pod ..., will try to kill
    // it"); one still in view beside a ready pod on every node is not failing now.
    LeftFailedPods.lift(ctx.graph(), j, PODS_FAILING, pods, "Pods ", ready >= desired);
    if (ready < desired && !j.has(PODS_FAILING)) {
      // The failed pods themselves are gone (the controller deleted them), but its Events say a node keeps failing
      // them; once every node has a ready pod, those Events are history.
      if (FailedDaemonPods.judge(ctx.events(), readyNodes(pods), j)) {
        j.worsen(Health.DEGRADED, ReconcileStatus.FAILED);
      }
    }
    Evidence counts = Evidence.field("status", "desiredNumberScheduled " + desired + ", current " + current
        + ", updated " + updated + ", available " + available + ", ready " + ready
        + (unavailable > 0 ? ", unavailable " + unavailable : "") + ", misscheduled " + misscheduled);
    String progress = current < desired ? Counts.of(current, desired) + " nodes scheduled"
        : !onDelete && updated < desired ? Counts.of(updated, desired) + " nodes updated"
        : available < desired ? Counts.of(available, desired) + " nodes available"
        : ready < desired ? Counts.of(ready, desired) + " nodes ready"
        : null;
    if (progress != null && Stall.noPods(ctx, pods)) {
      Stall.check(ctx, j, progress, unavailable > 0 ? " (numberUnavailable " + unavailable + ")" : "",
          List.of(counts), Optional.empty());
    }
    if (progress != null) {
      j.worsen(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS).message("In progress: " + progress)
          .find(Health.PROGRESSING, ROLLOUT_IN_PROGRESS, "Rollout in progress: " + progress, counts);
    }
    if (misscheduled > 0) {
      j.find(Health.PROGRESSING, MISSCHEDULED, misscheduled + " pods run on nodes that should not run them",
          Evidence.field("status.numberMisscheduled", String.valueOf(misscheduled)));
    }
    if (j.health() == Health.DEGRADED) {
      j.message("Failing: pods failing on some nodes");
    }
    if (onDelete) {
      j.find(Health.HEALTHY, ON_DELETE, "Pods are updated only when deleted (updateStrategy OnDelete)",
          Evidence.field("spec.updateStrategy.type", "OnDelete"));
    }
    if (current < desired) {
      // Pods missing on some nodes, not only unavailable: the controller could not create them (FailedCreate).
      WarningEvents.explainMissingPods(ctx, j, Set.of(ROLLOUT_STALLED));
    }
    WarningEvents.explainStuck(ctx, j);
    UncountedFailedCreate.judge(ctx, j);
    return j.message("Rolled out: " + Counts.of(available, desired) + " nodes available").build();
  }

  /** The nodes on which a pod of the DaemonSet's is Ready now (its {@code spec.nodeName}). */
  private static Set<String> readyNodes(List<Node> pods) {
    return pods.stream().map(p -> p.as(Pod.class)).flatMap(Optional::stream)
        .filter(p -> p.getSpec() != null && p.getSpec().getNodeName() != null && p.getStatus() != null
            && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
        .map(p -> p.getSpec().getNodeName()).collect(Collectors.toSet());
  }
}
