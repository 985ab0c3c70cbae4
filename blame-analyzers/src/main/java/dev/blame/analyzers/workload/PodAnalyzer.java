package dev.blame.analyzers.workload;

import static dev.blame.analyzers.workload.WorkloadReasons.*;

import dev.blame.analyzers.support.ContainerView;
import dev.blame.analyzers.support.GenericStatus;
import dev.blame.analyzers.support.Revisions;
import dev.blame.analyzers.support.Times;
import dev.blame.analyzers.support.WarningEvents;
import dev.blame.api.Evidence;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.RevisionRef;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.KindSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pods: phase, scheduling, eviction and every container's state. Status follows kstatus
 * ({@code pkg/kstatus/status/core.go podConditions}): terminal phases are Current, a pod with a failure we
 * believe in is Failed, anything else not Ready is InProgress. A pod none of whose status is in view is read from its
 * Events ({@link EventsOnlyPod}); what its phase says is read by {@link PodPhase}.
 */
public final class PodAnalyzer implements Analyzer {

  /** kstatus' {@code scheduleWindow}: an Unschedulable pod younger than this is still InProgress. */
  static final Duration UNSCHEDULABLE_GRACE = Duration.ofSeconds(15);

  @Override
  public String id() {
    return "blame.Pod";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.POD);
  }

  /** It declares no links, so none depend on the pod. */
  @Override
  public Optional<?> linksOf(Node node) {
    return Optional.of(List.of());
  }

  @Override
  public Verdict analyze(AnalysisContext ctx) {
    Node node = ctx.node();
    Optional<Pod> typed = node.as(Pod.class);
    if (typed.isEmpty()) {
      return Verdict.unknown(node.ref(), ReasonCode.INVALID_OBJECT, "not a v1 Pod");
    }
    Pod pod = typed.get();
    Judgement j = new Judgement(node.ref()).revision(revision(ctx, node));
    GenericStatus.deletion(node, j);
    PodStatus status = pod.getStatus();
    String phase = status == null || status.getPhase() == null ? "" : status.getPhase();
    boolean failedByReason = phase.isEmpty() && PodStatusReason.failedByKubelet(pod);
    if (failedByReason) {
      phase = "Failed";
    }
    boolean nodeLost = PodStatusReason.nodeLost(pod);
    if (phase.isEmpty() && !nodeLost && EventsOnlyPod.noStatusInView(pod)) {
      return EventsOnlyPod.judge(ctx, pod, j).build();
    }
    List<Condition> conditions = Condition.list(status.getConditions(), c -> Condition.of(
        c.getType(), c.getStatus(), c.getReason(), c.getMessage(), c.getLastTransitionTime()));
    Evidence phaseEvidence = failedByReason ? Evidence.field("status.reason", status.getReason())
        : Evidence.field("status.phase", phase);
    containers(ctx, pod, conditions, j);
    LimitRangerDefaults.judge(node, j);
    PodStatusReason.disruption(status, conditions, j);
    if (nodeLost) {
      PodStatusReason.judgeNodeLost(status, j);
    }
    PodPhase.byPhase(ctx, pod, nodeLost && phase.isEmpty() ? "Lost" : phase, conditions, phaseEvidence, j);
    settle(ctx, phase, j);
    return j.build();
  }

  /** Every container's state, judged against the pod's start and the newest evidence in view. */
  private static void containers(AnalysisContext ctx, Pod pod, List<Condition> conditions, Judgement j) {
    PodStatus status = pod.getStatus();
    boolean restarts = !"Never".equals(pod.getSpec() == null ? null : pod.getSpec().getRestartPolicy());
    Optional<Instant> since = Times.latest(ctx.node().createdAt(), Node.parseTime(status.getStartTime()));
    Optional<Instant> seenUntil = WarningEvents.seenUntil(ctx.events(), conditions.stream()
        .map(Condition::since).reduce(Optional.empty(), (a, b) -> Times.latest(a, b)));
    ContainerRules rules = new ContainerRules(ctx.now(), since, seenUntil, restarts, ctx.events(), j,
        ctx.tolerance());
    rules.judgeAll(ContainerView.of(pod));
  }

  /** Warning Events for a pod that waits without a reason, specific findings over generic ones, and the summary. */
  private static void settle(AnalysisContext ctx, String phase, Judgement j) {
    // Warning Events explain a pod that waits; a pod running and ready (every container ready, the Ready
    // condition True) waits for nothing, so its Warning Events are history: the Multi-Attach error before the old
    // node let go of the volume, the pull secret the kubelet cannot find for an image it did not need.
    if (!phase.equals("Failed") && !phase.equals("Succeeded") && j.health() != Health.HEALTHY && onlyGeneric(j)) {
      WarningEvents.explain(ctx.events(), ctx.tolerance().stuckOr(WarningEvents.STUCK), ECHOES, j);
    }
    if (j.findings().stream().anyMatch(f -> f.health() == Health.DEGRADED && !GENERIC.contains(f.reason()))) {
      // Specific beats generic: what keeps the pod waiting is the culprit, not the wait itself.
      j.demote(GENERIC, Health.PROGRESSING);
    }
    if (!phase.equals("Failed") && !phase.equals("Succeeded")) {
      j.worsen(j.health(), j.health() == Health.DEGRADED ? ReconcileStatus.FAILED
          : j.health() == Health.HEALTHY ? ReconcileStatus.CURRENT : ReconcileStatus.IN_PROGRESS);
    }
    j.message(j.health() == Health.DEGRADED ? "Failing" : j.health() == Health.HEALTHY ? "Running" : "Starting");
  }

  /** Warning Events the container rules already read from the status, or that the readiness rule owns. */
  private static final Set<String> ECHOES = Set.of("BackOff", "Unhealthy");

  /** Findings that only say the pod is waiting, without a reason: Warning Events may explain them. */
  private static final Set<ReasonCode> GENERIC = Set.of(CONTAINER_WAITING, NOT_READY, POD_PENDING, STATUS_MISSING,
      GenericStatus.DELETION_PENDING);

  private static boolean onlyGeneric(Judgement j) {
    return j.findings().stream().allMatch(f -> f.health() == Health.HEALTHY || GENERIC.contains(f.reason()));
  }

  /** Whether the pod is bound to a node ({@code spec.nodeName} set). */
  static boolean bound(Pod pod) {
    return pod.getSpec() != null && pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty();
  }

  /** A pod's revision: its ReplicaSet's, or its StatefulSet's or DaemonSet's hash. */
  private static Optional<RevisionRef> revision(AnalysisContext ctx, Node pod) {
    Optional<Node> rs = Revisions.controllerOfKind(pod, GroupKind.REPLICA_SET).flatMap(ctx.graph()::node);
    if (rs.isPresent()) {
      return Optional.of(Revisions.ofReplicaSet(rs.get()));
    }
    String hash = pod.labels().get(Revisions.CONTROLLER_REVISION_HASH);
    return Revisions.controllerOfKind(pod, GroupKind.STATEFUL_SET)
        .or(() -> Revisions.controllerOfKind(pod, GroupKind.DAEMON_SET))
        .filter(owner -> hash != null)
        .map(owner -> RevisionRef.builder().owner(owner).number(0).hash(hash).build());
  }

  static String text(String reason, String message) {
    String r = reason == null || reason.isBlank() ? "" : " (" + reason + ")";
    return r + (message == null || message.isBlank() ? "" : ": " + message.strip());
  }

  /** Reason of a finding that names the LimitRanger admission plugin as the author of an OOM-killed container's limit. */
  public static final ReasonCode LIMIT_RANGE_DEFAULT = ReasonCode.of("LimitRangeDefault");
}
