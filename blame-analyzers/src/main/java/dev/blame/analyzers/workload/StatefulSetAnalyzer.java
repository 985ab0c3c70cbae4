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
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.RevisionRef;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.TypedAnalyzer;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * StatefulSets: kstatus' {@code stsConditions} for the status (OnDelete is Current, partitions count only
 * the pods above the partition, currentRevision must reach updateRevision), gitops-engine's readiness rule
 * for health, and the owned pods: an ordered rollout stuck on a crashing pod is DEGRADED although
 * {@code kubectl rollout status} would wait forever.
 */
public final class StatefulSetAnalyzer extends TypedAnalyzer<StatefulSet> {

  public StatefulSetAnalyzer() {
    super("blame.StatefulSet", StatefulSet.class, GroupKind.STATEFUL_SET, "an apps/v1 StatefulSet", Set.of(GroupKind.POD, GroupKind.CONTROLLER_REVISION));
  }

  @Override
  protected Verdict analyze(StatefulSet object, AnalysisContext ctx) {
    Node node = ctx.node();
    StatefulSetSpec spec = object.getSpec() == null ? new StatefulSetSpec() : object.getSpec();
    StatefulSetStatus status = object.getStatus();
    Judgement j = new Judgement(node.ref()).revision(revision(ctx, node, status));
    GenericStatus.deletion(node, j);
    if (!GenericStatus.statusCurrent(node, status, StatefulSetStatus::getObservedGeneration, ctx.now(), j)) {
      // Without a status (never written, or not captured) its own controller's Warning Events still say why it is
      // stuck (a FailedCreate refused by admission), as for Jobs and DaemonSets.
      return (status == null ? WarningEvents.explainMissingStatus(ctx, j) : j).build();
    }
    List<Node> pods = Children.owned(ctx.graph(), node.ref(), GroupKind.POD);
    int desired = Counts.or(spec.getReplicas(), 1);
    int replicas = Counts.orZero(status.getReplicas());
    int ready = Counts.orZero(status.getReadyReplicas());
    int current = Counts.orZero(status.getCurrentReplicas());
    int updated = Counts.orZero(status.getUpdatedReplicas());
    // The controller deletes a Failed pod and recreates it under the same name; one still in view while every wanted
    // pod is ready is not failing now.
    LeftFailedPods.lift(ctx.graph(), j, PODS_FAILING, pods, "Pods ", ready >= desired);
    Evidence counts = Evidence.field("status", "replicas " + replicas + ", ready " + ready + ", current "
        + current + ", updated " + updated + " (spec.replicas " + desired + ")");
    String strategy = spec.getUpdateStrategy() == null ? "" : String.valueOf(spec.getUpdateStrategy().getType());
    Integer partition = spec.getUpdateStrategy() == null || spec.getUpdateStrategy().getRollingUpdate() == null
        ? null : spec.getUpdateStrategy().getRollingUpdate().getPartition();
    String progress = null;
    if (replicas < desired || ready < desired) {
      progress = Counts.of(ready, desired) + " pods ready";
    } else if (replicas > desired) {
      progress = (replicas - desired) + " extra pods pending termination";
    } else if (strategy.equals("OnDelete")) {
      j.find(Health.HEALTHY, ON_DELETE, "Pods are updated only when deleted (updateStrategy OnDelete)",
          Evidence.field("spec.updateStrategy.type", "OnDelete"));
    } else if (partition != null) {
      if (updated < desired - partition) {
        progress = Counts.of(updated, desired - partition) + " pods above the partition updated";
      } else {
        j.find(Health.HEALTHY, PARTITIONED, "Partitioned rollout complete: pods below ordinal " + partition
            + " stay at the old revision", Evidence.field("spec.updateStrategy.rollingUpdate.partition",
            String.valueOf(partition)));
      }
    } else if (current < desired || !String.valueOf(status.getCurrentRevision())
        .equals(String.valueOf(status.getUpdateRevision()))) {
      progress = Counts.of(updated, desired) + " pods updated";
    }
    if (progress != null && Stall.noPods(ctx, pods) && !strategy.equals("OnDelete")) {
      List<Evidence> evidence = new ArrayList<>(List.of(counts));
      String update = String.valueOf(status.getUpdateRevision());
      String detail = "";
      if (status.getUpdateRevision() != null && !update.equals(String.valueOf(status.getCurrentRevision()))) {
        detail = " (updateRevision " + update + ", currentRevision " + status.getCurrentRevision() + ")";
        evidence.add(Evidence.field("status.updateRevision", update + " (currentRevision "
            + status.getCurrentRevision() + ")"));
      }
      Stall.check(ctx, j, progress, detail, evidence, Optional.ofNullable(status.getUpdateRevision())
          .map(r -> ObjectRef.of(GroupKind.CONTROLLER_REVISION, node.ref().namespace(), r)));
    }
    if (progress != null && !Stall.noPods(ctx, pods)) {
      CreationStall.check(ctx, j, spec, status, pods, desired, counts);
    }
    if (progress != null) {
      j.worsen(Health.PROGRESSING, strategy.equals("OnDelete")
          ? ReconcileStatus.CURRENT : ReconcileStatus.IN_PROGRESS)
          .message("In progress: " + progress)
          .find(Health.PROGRESSING, ROLLOUT_IN_PROGRESS, "Rollout in progress: " + progress, counts);
    }
    if (j.health() == Health.DEGRADED) {
      j.message("Failing: rollout stuck on a failing pod");
    }
    if (replicas < desired) {
      // Pods missing, not only unready: the controller could not create them, and its Warning Events say why.
      WarningEvents.explainMissingPods(ctx, j, Set.of(ROLLOUT_STALLED));
    }
    WarningEvents.explainStuck(ctx, j);
    UncountedFailedCreate.judge(ctx, j);
    return j.message("Rolled out: " + Counts.of(ready, desired) + " pods ready").build();
  }

  /** The update revision, numbered from its ControllerRevision when the graph has it. */
  private static Optional<RevisionRef> revision(AnalysisContext ctx, Node sts, StatefulSetStatus status) {
    if (status == null || status.getUpdateRevision() == null) {
      return Optional.empty();
    }
    String name = status.getUpdateRevision();
    ObjectRef holder = ObjectRef.of(GroupKind.CONTROLLER_REVISION, sts.ref().namespace(), name);
    long number = ctx.graph().node(holder).flatMap(n -> n.as(ControllerRevision.class))
        .map(cr -> Counts.orZero(cr.getRevision())).orElse(0L);
    String prefix = sts.ref().name() + "-";
    return Optional.of(RevisionRef.builder().owner(sts.ref().key()).number(number).holder(holder)
        .hash(name.startsWith(prefix) ? name.substring(prefix.length()) : name).build());
  }
}
