package dev.blame.analyzers.provenance;

import dev.blame.api.EdgeKind;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.KindSelector;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

/**
 * A small stand-in for the workload analyzers of blame-analyzers, for the views' golden files: a crashing
 * container is Degraded with the talk's message ("Container [main] completed with exit code 1"), a waiting
 * one names its reason, an unready pod is Progressing; owners are as healthy as their worst pod or
 * ReplicaSet. It reports no activities, so the views show the engine's generic ones.
 */
final class TalkAnalyzer implements Analyzer {

  @Override
  public String id() {
    return "test.Talk";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.POD, GroupKind.DEPLOYMENT, GroupKind.REPLICA_SET, GroupKind.STATEFUL_SET,
        GroupKind.DAEMON_SET, GroupKind.CONTROLLER_REVISION,
        GroupKind.of("admissionregistration.k8s.io", "MutatingWebhookConfiguration"));
  }

  @Override
  public Verdict analyze(AnalysisContext context) {
    Node node = context.node();
    if (node.ref().groupKind().equals(GroupKind.POD)) {
      return pod(node);
    }
    if (node.ref().groupKind().equals(GroupKind.CONTROLLER_REVISION)
        || node.ref().kind().equals("MutatingWebhookConfiguration")) {
      return Verdict.of(Health.HEALTHY, ReconcileStatus.CURRENT, "");
    }
    Health worst = Health.HEALTHY;
    Node worstChild = null;
    for (Node child : context.graph().targets(node.ref(), EdgeKind.OWNS)) {
      if (child.ref().groupKind().equals(GroupKind.CONTROLLER_REVISION)) {
        continue;
      }
      Health health = context.graph().verdict(child.ref()).map(Verdict::health).orElse(Health.UNKNOWN);
      if (health.isWorseThan(worst)) {
        worst = health;
        worstChild = child;
      }
    }
    if (worstChild == null) {
      return Verdict.of(Health.HEALTHY, ReconcileStatus.CURRENT, "");
    }
    return Verdict.builder().health(worst).status(ReconcileStatus.IN_PROGRESS)
        .addFinding(Finding.of(node.ref(), worst, ReasonCode.CHILD_FAILING, worstChild.ref().display() + " is " + worst))
        .build();
  }

  private static Verdict pod(Node node) {
    Pod pod = node.as(Pod.class).orElseThrow();
    if (node.deletedAt().isPresent()) {
      return Verdict.of(Health.PROGRESSING, ReconcileStatus.TERMINATING, "Terminating");
    }
    var verdict = Verdict.builder().health(Health.HEALTHY).status(ReconcileStatus.CURRENT);
    boolean degraded = false;
    if (pod.getStatus() == null) {
      return verdict.build();
    }
    if (pod.getStatus().getContainerStatuses() != null) {
      for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
        if (status.getState() == null || status.getState().getWaiting() == null) {
          continue;
        }
        String reason = status.getState().getWaiting().getReason();
        ContainerStateTerminated last = status.getLastState() == null ? null : status.getLastState().getTerminated();
        String message = "CrashLoopBackOff".equals(reason) && last != null
            ? "Container [" + status.getName() + "] completed with exit code " + last.getExitCode()
            : "Container [" + status.getName() + "] is waiting: " + reason
                + (status.getState().getWaiting().getMessage() == null ? ""
                    : " (" + status.getState().getWaiting().getMessage() + ")");
        degraded = true;
        verdict.health(Health.DEGRADED).status(ReconcileStatus.IN_PROGRESS);
        verdict.addFinding(Finding.builder()
            .subject(node.ref())
            .container(status.getName())
            .health(Health.DEGRADED)
            .reason(ReasonCode.of(reason))
            .message(message)
            .addEvidence(Evidence.field("status.containerStatuses[" + status.getName() + "].state.waiting.reason", reason))
            .build());
      }
    }
    boolean ready = pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
        .anyMatch((PodCondition c) -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    if (!ready) {
      verdict.status(ReconcileStatus.IN_PROGRESS);
      if (!degraded) {
        verdict.health(Health.PROGRESSING).message("not ready yet");
      }
    }
    return verdict.build();
  }
}
