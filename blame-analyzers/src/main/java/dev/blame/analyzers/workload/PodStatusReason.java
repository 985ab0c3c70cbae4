package dev.blame.analyzers.workload;

import static dev.blame.analyzers.workload.WorkloadReasons.EVICTED;
import static dev.blame.analyzers.workload.WorkloadReasons.PREEMPTED;

import dev.blame.api.Evidence;
import dev.blame.api.Health;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Judgement;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a pod's {@code status.reason} and {@code DisruptionTarget} condition say about a pod that stopped or was
 * stopped: failed by the kubelet, evicted, preempted, or left on a node that stopped reporting.
 */
final class PodStatusReason {

  /** The node lifecycle controller's pod reason for a node that stopped reporting (k8s.io/kubernetes/pkg/util/node). */
  static final String NODE_UNREACHABLE_POD_REASON = "NodeLost";

  private PodStatusReason() {}

  /**
   * Whether the pod's status carries a {@code reason} with no phase in view, on a pod not being deleted: the kubelet
   * writes {@code status.reason} only when it fails the pod, always with phase Failed (pkg/kubelet, {@code rejectPod}
   * for an admission refusal: {@code OutOfcpu}, {@code NodeAffinity}, {@code SysctlForbidden},
   * {@code UnexpectedAdmissionError}...; the eviction manager's {@code Evicted}; the node shutdown manager's;
   * {@code DeadlineExceeded}). A capture that shows the reason and not the phase ({@code kubectl get} prints the reason
   * in its STATUS column) is of a failed pod. A pod being deleted is left to its deletion. Not the node lifecycle
   * controller's {@code NodeLost} (NodeUnreachablePodReason, pkg/controller/util/node {@code SetPodTerminationReason}):
   * it writes that reason and its message, and nothing else, on every pod of a node that stopped reporting, then
   * deletes the pod unless a DaemonSet owns it; the phase stays what the kubelet last wrote, so the pod is not known
   * to have failed: its node's state says what is known.
   */
  static boolean failedByKubelet(Pod pod) {
    String reason = pod.getStatus() == null ? null : pod.getStatus().getReason();
    return reason != null && !reason.isBlank() && !reason.equals(NODE_UNREACHABLE_POD_REASON)
        && (pod.getMetadata() == null || pod.getMetadata().getDeletionTimestamp() == null);
  }

  /**
   * Whether the pod carries the node lifecycle controller's reason on a pod it does not delete (a DaemonSet's): a
   * deleted one is left to its deletion, as the kubelet's reasons are.
   */
  static boolean nodeLost(Pod pod) {
    PodStatus status = pod.getStatus();
    return status != null && NODE_UNREACHABLE_POD_REASON.equals(status.getReason())
        && (pod.getMetadata() == null || pod.getMetadata().getDeletionTimestamp() == null);
  }

  /** A pod of a node that stopped reporting: what its containers do is unknown. */
  static void judgeNodeLost(PodStatus status, Judgement j) {
    j.worsen(Health.UNKNOWN, ReconcileStatus.UNKNOWN).find(Health.UNKNOWN, ReasonCode.of("PodPhaseUnknown"),
        "The node lifecycle controller marked the pod " + NODE_UNREACHABLE_POD_REASON + ": its node stopped reporting,"
            + " so what its containers do is unknown" + PodAnalyzer.text(null, status.getMessage()),
        Evidence.field("status.reason", status.getReason()));
  }

  /**
   * The scheduler's reasons for a pod it preempts: the {@code DisruptionTarget} condition's
   * {@code PreemptionByScheduler} (Kubernetes 1.27 on), the same reason as 1.26 wrote it,
   * {@code PreemptionByKubeScheduler} (renamed by kubernetes#114623; CHANGELOG-1.27), and the kubelet's
   * {@code Preempting} for a pod it preempts to admit a critical one.
   */
  private static final Set<String> PREEMPTION_REASONS =
      Set.of("PreemptionByScheduler", "PreemptionByKubeScheduler", "Preempting");

  /** Evicted (kubelet or Eviction API) and preempted pods: they will not come back; a controller replaces them. */
  static void disruption(PodStatus status, List<Condition> conditions, Judgement j) {
    Optional<Condition> target = Condition.find(conditions, "DisruptionTarget").filter(Condition::isTrue);
    String reason = target.map(Condition::reason).orElse(status.getReason() == null ? "" : status.getReason());
    Evidence evidence = target.map(Condition::evidence).orElse(Evidence.field("status.reason", reason));
    if (reason.equals("Evicted") || reason.equals("EvictionByEvictionAPI") || reason.equals("TerminationByKubelet")) {
      j.find(Health.DEGRADED, EVICTED, "Pod was evicted" + PodAnalyzer.text(null, status.getMessage()), evidence);
    } else if (PREEMPTION_REASONS.contains(reason)) {
      j.find(Health.DEGRADED, PREEMPTED, "Pod was preempted by a higher-priority pod", evidence);
    }
  }
}
