package dev.blame.analyzers.workload;

import static dev.blame.analyzers.workload.WorkloadReasons.*;

import dev.blame.analyzers.support.AdmissionPlugins;
import dev.blame.analyzers.support.Children;
import dev.blame.analyzers.support.Counts;
import dev.blame.analyzers.support.GenericStatus;
import dev.blame.analyzers.support.Revisions;
import dev.blame.api.Activity;
import dev.blame.api.Evidence;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.RevisionRef;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.TypedAnalyzer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deployments: revision attribution (the new ReplicaSet is the owned one whose revision annotation equals the
 * Deployment's, else the one whose pod template is the Deployment's: {@link NewReplicaSet}), rollout progress as
 * {@code kubectl rollout status} and kstatus ({@code deploymentConditions}) read it, and fail-fast from the new
 * ReplicaSet's pods: a Deployment whose new pods crash is DEGRADED now, not when its progress deadline runs out.
 */
public final class DeploymentAnalyzer extends TypedAnalyzer<Deployment> {

  public DeploymentAnalyzer() {
    super("blame.Deployment", Deployment.class, GroupKind.DEPLOYMENT, "an apps/v1 Deployment", Set.of(GroupKind.REPLICA_SET, GroupKind.POD));
  }

  @Override
  protected Verdict analyze(Deployment object, AnalysisContext ctx) {
    Node node = ctx.node();
    Deployment dep = object;
    DeploymentSpec spec = dep.getSpec() == null ? new DeploymentSpec() : dep.getSpec();
    long number = Revisions.number(node);
    List<Node> replicaSets = Children.owned(ctx.graph(), node.ref(), GroupKind.REPLICA_SET);
    Optional<Node> newRs = NewReplicaSet.of(node, dep, replicaSets);
    Judgement j = new Judgement(node.ref()).revision(Optional.of(RevisionRef.builder().owner(node.ref().key())
        .number(number).hash(newRs.map(rs -> rs.labels().get(Revisions.POD_TEMPLATE_HASH)))
        .holder(newRs.map(rs -> rs.ref().key())).build()));
    GenericStatus.deletion(node, j);
    boolean paused = Boolean.TRUE.equals(spec.getPaused());
    if (paused) {
      j.worsen(Health.SUSPENDED, ReconcileStatus.CURRENT).message("Paused")
          .find(Health.SUSPENDED, PAUSED, "Rollout is paused", Evidence.field("spec.paused", "true"));
    }
    int desired = Counts.or(spec.getReplicas(), 1);
    activities(node, replicaSets, newRs, desired, j);
    DeploymentStatus status = dep.getStatus();
    if (!GenericStatus.statusCurrent(node, status, DeploymentStatus::getObservedGeneration, ctx.now(), j)) {
      return j.build();
    }
    List<Condition> conditions = Condition.list(status.getConditions(), c -> Condition.of(
        c.getType(), c.getStatus(), c.getReason(), c.getMessage(), c.getLastTransitionTime()));
    Optional<Condition> progressing = Condition.find(conditions, "Progressing");
    progressing.filter(c -> c.reason().equals("ProgressDeadlineExceeded")).ifPresent(c -> j
        .worsen(Health.DEGRADED, ReconcileStatus.FAILED).message("Failed: progress deadline exceeded")
        .find(Health.DEGRADED, PROGRESS_DEADLINE_EXCEEDED, c.message().isEmpty()
            ? "Rollout exceeded its progress deadline" : c.message(), c.evidence()));
    newRs.ifPresent(rs -> failFast(ctx, node, rs, j));
    // The deployment controller copies its ReplicaSet's ReplicaFailure (a quota, a webhook denial) into its own
    // status: the cause when the ReplicaSet itself is not in view.
    Condition.find(conditions, "ReplicaFailure").filter(Condition::isTrue).filter(c -> !j.has(PODS_FAILING))
        .ifPresent(c -> {
          j.worsen(Health.DEGRADED, ReconcileStatus.IN_PROGRESS).find(Health.DEGRADED,
              c.reason().equals("FailedCreate") ? FAILED_CREATE : REPLICA_FAILURE,
              "Cannot create pods" + (c.message().isEmpty() ? "" : ": " + c.message()), c.evidence());
          AdmissionPlugins.nameMissingServiceAccount(c, j);
        });
    int replicas = Counts.orZero(status.getReplicas());
    int updated = Counts.orZero(status.getUpdatedReplicas());
    int available = Counts.orZero(status.getAvailableReplicas());
    // An available replica is a ready one that stayed ready for minReadySeconds, so ready >= available always; a
    // status without readyReplicas (omitted when zero, and never printed by `kubectl describe`) says no fewer.
    int ready = Math.max(Counts.orZero(status.getReadyReplicas()), available);
    Evidence counts = Evidence.field("status", "replicas " + replicas + ", updated " + updated + ", ready "
        + ready + ", available " + available + " (spec.replicas " + desired + ")");
    Health waiting = paused ? Health.SUSPENDED : Health.PROGRESSING;
    String progress = null;
    if (updated < desired) {
      progress = Counts.of(updated, desired) + " new replicas updated";
    } else if (replicas > updated) {
      progress = (replicas - updated) + " old replicas pending termination";
    } else if (available < updated) {
      progress = Counts.of(available, updated) + " updated replicas available";
    } else if (ready < desired || replicas < desired) {
      progress = Counts.of(ready, desired) + " replicas ready";
    }
    if (progress != null) {
      j.worsen(waiting, ReconcileStatus.IN_PROGRESS).message("In progress: " + progress)
          .find(waiting, ROLLOUT_IN_PROGRESS, "Rollout in progress: " + progress, counts);
    } else if (!deadlineDisabled(spec) && !progressing.map(c -> c.isTrue()
        && c.reason().equals("NewReplicaSetAvailable")).orElse(false)) {
      // kstatus: with a deadline, the controller's Progressing=True NewReplicaSetAvailable marks completion.
      j.worsen(waiting, ReconcileStatus.IN_PROGRESS).message("In progress: new ReplicaSet not yet available")
          .find(waiting, ROLLOUT_IN_PROGRESS, "New ReplicaSet is not reported available yet",
              progressing.map(Condition::evidence).orElse(counts));
    }
    Condition.find(conditions, "Available").filter(Condition::isFalse).ifPresent(c -> j
        .worsen(waiting, ReconcileStatus.IN_PROGRESS).message("Not available")
        .find(waiting, NOT_AVAILABLE, "Deployment does not have minimum availability", c.evidence()));
    return j.message("Rolled out: " + Counts.of(available, desired) + " replicas available").build();
  }

  private static boolean deadlineDisabled(DeploymentSpec spec) {
    return spec.getProgressDeadlineSeconds() == null || spec.getProgressDeadlineSeconds() == Integer.MAX_VALUE;
  }

  /** The new ReplicaSet's failing pods (or its own failure, e.g. quota) make the rollout fail now. */
  private static void failFast(AnalysisContext ctx, Node dep, Node newRs, Judgement j) {
    List<Node> pods = Children.owned(ctx.graph(), newRs.ref(), GroupKind.POD);
    // Failed pods (evicted, rejected at admission) the new ReplicaSet has replaced with the ready pods it wants are
    // information, not a failure of the rollout.
    boolean replaced = newRs.as(ReplicaSet.class).map(rs -> rs.getStatus() != null
        && Counts.orZero(rs.getStatus().getReadyReplicas()) >= specReplicas(newRs)).orElse(false);
    List<Node> failing = LeftFailedPods.failing(ctx.graph(), pods, replaced);
    if (replaced) {
      LeftFailedPods.tell(j, pods);
    }
    Optional<Node> culprit = failing.stream().findFirst()
        .or(() -> Children.atLeast(ctx.graph(), List.of(newRs), Health.DEGRADED).stream().findFirst());
    culprit.flatMap(c -> Children.lift(ctx.graph(), dep.ref(), PODS_FAILING, c,
            c.equals(newRs) ? "New " : "New ReplicaSet " + newRs.ref().name() + ", "))
        .ifPresent(f -> j.add(f).worsen(Health.DEGRADED, ReconcileStatus.FAILED).message("Failing: "
            + (failing.isEmpty() ? "new ReplicaSet " + newRs.ref().name() + " cannot create pods"
                : Counts.of(failing.size(), pods.size()) + " new pods failing")));
  }

  /** Scaling the new ReplicaSet up ("Creating") and the old ones down, as far as their specs show. */
  private static void activities(Node dep, List<Node> replicaSets, Optional<Node> newRs, int desired,
      Judgement j) {
    newRs.ifPresent(rs -> {
      int scale = specReplicas(rs);
      if (scale < desired) {
        j.activity(Activity.of(Activity.Verb.CREATING, rs.ref().key(), Counts.of(scale, desired) + " replicas"));
      }
    });
    if (newRs.isEmpty()) {
      return;
    }
    replicaSets.stream().filter(rs -> !rs.equals(newRs.get()))
        .filter(rs -> specReplicas(rs) > 0 || rs.as(ReplicaSet.class).map(r -> r.getStatus() != null
            && Counts.orZero(r.getStatus().getReplicas()) > 0).orElse(false))
        .forEach(rs -> j.activity(Activity.of(Activity.Verb.SCALING_DOWN, rs.ref().key(),
            specReplicas(rs) + " replicas left")));
  }

  private static int specReplicas(Node rs) {
    return rs.as(ReplicaSet.class).map(r -> r.getSpec() == null ? 1 : Counts.or(r.getSpec().getReplicas(), 1))
        .orElse(0);
  }
}
