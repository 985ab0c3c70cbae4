package dev.blame.analyzers.rollouts;

import dev.blame.analyzers.support.Children;
import dev.blame.analyzers.support.Counts;
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
import dev.blame.api.spi.Unstructured;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Argo Rollouts' {@code Rollout}, canary and blue-green. The controller sums its state up in {@code status.phase}
 * (Healthy, Progressing, Paused, Degraded) and {@code status.message} since v1.0; this analyzer reads that, and
 * for older controllers the fields behind it: {@code status.abort} and the {@code Progressing} condition
 * ({@code RolloutAborted}, {@code ProgressDeadlineExceeded}), the {@code InvalidSpec} condition,
 * {@code spec.paused}, {@code status.pauseConditions} ({@code CanaryPauseStep}, {@code BlueGreenPause}), and
 * whether the stable (canary) or active (blue-green) ReplicaSet is the current pod hash. The ReplicaSet of the
 * current hash failing (its pods crash, its image cannot be pulled) fails the Rollout at once, as for a
 * Deployment.
 */
public final class RolloutAnalyzer extends TypedAnalyzer<HasMetadata> {

  static final ReasonCode ROLLOUT_ABORTED = ReasonCode.of("RolloutAborted");
  static final ReasonCode ROLLOUT_PAUSED = ReasonCode.of("RolloutPaused");
  static final ReasonCode PROGRESS_DEADLINE_EXCEEDED = ReasonCode.of("ProgressDeadlineExceeded");
  static final ReasonCode INVALID_SPEC = ReasonCode.of("InvalidSpec");
  static final ReasonCode ROLLOUT_IN_PROGRESS = ReasonCode.of("RolloutInProgress");
  static final ReasonCode PODS_FAILING = ReasonCode.of("PodsFailing");
  static final ReasonCode DEGRADED = ReasonCode.of("RolloutDegraded");

  /** Read untyped: any model class will do, fabric8 has none for a Rollout. */
  public RolloutAnalyzer() {
    super("blame.ArgoRollout", HasMetadata.class, Rollouts.ROLLOUT, "an argoproj.io Rollout",
        Set.of(GroupKind.REPLICA_SET, GroupKind.POD));
  }

  @Override
  protected Verdict analyze(HasMetadata object, AnalysisContext ctx) {
    Node node = ctx.node();
    RolloutStatus ro = RolloutStatus.of(node);
    List<Node> replicaSets = Children.owned(ctx.graph(), node.ref(), GroupKind.REPLICA_SET);
    String hash = ro.currentPodHash();
    Optional<Node> current = replicaSets.stream()
        .filter(rs -> !hash.isEmpty() && hash.equals(rs.labels().get(Rollouts.POD_TEMPLATE_HASH))).findFirst();
    Judgement j = new Judgement(node.ref()).revision(current.map(rs -> RevisionRef.builder().owner(node.ref().key())
        .number(Long.parseLong("0" + digits(rs.annotations().get(Rollouts.REVISION)))).hash(hash)
        .holder(rs.ref().key()).build()));
    if (!ro.hasStatus()) {
      return j.worsen(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS).message("Waiting for rollout to start")
          .find(Health.PROGRESSING, ROLLOUT_IN_PROGRESS, "The Rollout has no status yet").build();
    }
    String observed = ro.observedGeneration();
    if (observed.matches("\\d{1,18}") && Long.parseLong(observed) < node.generation()) {
      return j.worsen(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS).message("Waiting for spec update")
          .find(Health.PROGRESSING, ROLLOUT_IN_PROGRESS, "Waiting for rollout spec update to be observed",
              Evidence.field("status.observedGeneration", observed)).build();
    }
    // With spec.workloadRef, the template lives in a Deployment; the controller counts its generations apart.
    String workloadGeneration = node.annotations().getOrDefault("rollout.argoproj.io/workload-generation", "");
    String workloadObserved = ro.object().string("status", "workloadObservedGeneration");
    if (workloadGeneration.matches("\\d{1,18}") && workloadObserved.matches("\\d{1,18}")
        && Long.parseLong(workloadObserved) < Long.parseLong(workloadGeneration)) {
      return j.worsen(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS).message("Waiting for workload update")
          .find(Health.PROGRESSING, ROLLOUT_IN_PROGRESS, "Waiting for the referenced workload's update to be observed",
              Evidence.field("status.workloadObservedGeneration", workloadObserved)).build();
    }
    List<Condition> conditions = ro.conditions();
    Optional<Condition> progressing = Condition.find(conditions, "Progressing");
    Condition.find(conditions, "InvalidSpec").filter(Condition::isTrue).ifPresent(c -> j
        .worsen(Health.DEGRADED, ReconcileStatus.FAILED).message("Invalid spec")
        .find(Health.DEGRADED, INVALID_SPEC, c.message().isEmpty() ? "The Rollout's spec is invalid" : c.message(),
            c.evidence()));
    if (ro.aborted() || progressing.filter(c -> c.reason().equals("RolloutAborted")).isPresent()) {
      String why = progressing.filter(c -> c.reason().equals("RolloutAborted")).map(Condition::message)
          .filter(m -> !m.isEmpty()).orElse("Rollout is aborted");
      j.worsen(Health.DEGRADED, ReconcileStatus.FAILED).message("Aborted")
          .find(Health.DEGRADED, ROLLOUT_ABORTED, why, Evidence.field("status.abort", String.valueOf(ro.aborted())));
    }
    progressing.filter(c -> c.reason().equals("ProgressDeadlineExceeded")).ifPresent(c -> j
        .worsen(Health.DEGRADED, ReconcileStatus.FAILED).message("Failed: progress deadline exceeded")
        .find(Health.DEGRADED, PROGRESS_DEADLINE_EXCEEDED,
            c.message().isEmpty() ? "Rollout exceeded its progress deadline" : c.message(), c.evidence()));
    if (ro.phase().equals("Degraded") && j.health().compareTo(Health.DEGRADED) < 0) {
      j.worsen(Health.DEGRADED, ReconcileStatus.FAILED).message("Degraded")
          .find(Health.DEGRADED, DEGRADED, ro.message().isEmpty() ? "Rollout is degraded" : ro.message(),
              Evidence.field("status.phase", "Degraded"));
    }
    current.ifPresent(rs -> failFast(ctx, node, rs, j));
    pause(ro, j);
    progress(ro, j);
    return j.build();
  }

  private static String digits(String text) {
    return text == null || !text.trim().matches("\\d{1,18}") ? "" : text.trim();
  }

  /** Paused by the user, by a canary pause step, or before a blue-green promotion: waiting, not failing. */
  private static void pause(RolloutStatus ro, Judgement j) {
    List<Unstructured> pauses = ro.pauseConditions();
    if (!ro.specPaused() && pauses.isEmpty() && !ro.controllerPause() && !ro.phase().equals("Paused")) {
      return;
    }
    String reason = pauses.isEmpty() ? (ro.specPaused() ? "spec.paused" : "Paused") : pauses.get(0).string("reason");
    String where = "";
    long step = ro.stepIndex();
    List<Unstructured> steps = ro.steps();
    if (!ro.blueGreen() && step >= 0 && !steps.isEmpty()) {
      where = " at step " + Counts.of((int) Math.min(step + 1, steps.size()), steps.size());
      if (step < steps.size() && steps.get((int) step).has("pause", "duration")) {
        where += " (pause " + steps.get((int) step).string("pause", "duration") + ")";
      }
    }
    j.worsen(Health.SUSPENDED, ReconcileStatus.CURRENT).message("Paused" + where)
        .find(Health.SUSPENDED, ROLLOUT_PAUSED, "Rollout is paused" + where + ": " + reason,
            Evidence.field(pauses.isEmpty() ? "spec.paused" : "status.pauseConditions", reason));
  }

  /** Progress: the stable (canary) or active (blue-green) ReplicaSet is not yet the current one. */
  private static void progress(RolloutStatus ro, Judgement j) {
    if (j.health().compareTo(Health.PROGRESSING) > 0 && j.health() != Health.SUSPENDED) {
      return;
    }
    String hash = ro.currentPodHash();
    String done = ro.blueGreen() ? ro.activeHash() : ro.stableHash();
    long desired = ro.replicas();
    long updated = ro.status("updatedReplicas");
    long available = ro.status("availableReplicas");
    String progress = null;
    if (ro.phase().equals("Progressing")) {
      progress = ro.message().isEmpty() ? "in progress" : ro.message();
    } else if (ro.phase().isEmpty() && !hash.isEmpty() && !hash.equals(done)) {
      progress = (ro.blueGreen() ? "active" : "stable") + " ReplicaSet is not the current one yet";
    } else if (ro.phase().isEmpty() && (updated < desired || available < desired)) {
      progress = Counts.of((int) available, (int) desired) + " replicas available";
    }
    if (progress != null && j.health() != Health.SUSPENDED) {
      j.worsen(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS).message("In progress: " + progress)
          .find(Health.PROGRESSING, ROLLOUT_IN_PROGRESS, "Rollout in progress: " + progress,
              Evidence.field("status", "currentPodHash " + hash + ", " + (ro.blueGreen() ? "activeSelector " : "stableRS ")
                  + done));
    }
    if (j.health() == Health.HEALTHY) {
      j.message("Healthy: " + Counts.of((int) available, (int) desired) + " replicas available");
    }
  }

  /** The current ReplicaSet's failing pods (or its own failure) fail the Rollout now, canary or preview alike. */
  private static void failFast(AnalysisContext ctx, Node rollout, Node rs, Judgement j) {
    List<Node> pods = Children.owned(ctx.graph(), rs.ref(), GroupKind.POD);
    List<Node> failing = Children.atLeast(ctx.graph(), pods, Health.DEGRADED);
    Optional<Node> culprit = failing.stream().findFirst()
        .or(() -> Children.atLeast(ctx.graph(), List.of(rs), Health.DEGRADED).stream().findFirst());
    culprit.flatMap(c -> Children.lift(ctx.graph(), rollout.ref(), PODS_FAILING, c,
            c.equals(rs) ? "Current " : "Current ReplicaSet " + rs.ref().name() + ", "))
        .ifPresent(f -> j.add(f).worsen(Health.DEGRADED, ReconcileStatus.FAILED).message("Failing: "
            + (failing.isEmpty() ? "ReplicaSet " + rs.ref().name() + " cannot create pods"
                : Counts.of(failing.size(), pods.size()) + " pods of the current revision failing")));
  }
}
