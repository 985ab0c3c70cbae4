package dev.blame.analyzers.workload;

import static dev.blame.analyzers.workload.WorkloadReasons.FAILED_PODS_LEFT;

import dev.blame.analyzers.support.Children;
import dev.blame.api.Evidence;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.spi.GraphView;
import dev.blame.api.spi.Judgement;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Pods in phase {@code Failed} that a ReplicaSet, StatefulSet or DaemonSet (restartPolicy Always) leaves behind: evicted
 * by the kubelet under node pressure ({@code Evicted}), rejected at admission ({@code OutOfcpu}, {@code NodeAffinity},
 * {@code UnexpectedAdmissionError}: the kubelet's {@code rejectPod} writes phase Failed and "Pod was rejected: ..."),
 * or ended by a graceful node shutdown ({@code Terminated}). A Failed pod never runs again: its owner ignores it
 * (the ReplicaSet controller counts only active pods) and creates another, and the pod stays until PodGC deletes it
 * at {@code --terminated-pod-gc-threshold}. So once the owner has the ready pods it wants, the Failed ones are not a
 * current failure (kubectl's {@code rollout status} and kstatus call the owner done): they are told as information,
 * since the node pressure that made them is worth knowing. While the owner lacks ready pods they are the failure, and
 * the pods still live, then the newest Failed one, are named first.
 */
final class LeftFailedPods {

  private LeftFailedPods() {}

  /** A pod in phase Failed: terminal, it will not run again. */
  static boolean failedPhase(Node pod) {
    return pod.as(Pod.class).map(p -> p.getStatus() != null && "Failed".equals(p.getStatus().getPhase()))
        .orElse(false);
  }

  /**
   * The owner's failing (DEGRADED) pods that count as a failure now: all of them while the owner lacks ready pods
   * ({@code replaced} false), the live ones only once it has them. Live pods come first, then Failed ones newest first,
   * so the finding names what fails now rather than the oldest leftover.
   */
  static List<Node> failing(GraphView graph, List<Node> pods, boolean replaced) {
    List<Node> failing = new ArrayList<>(Children.atLeast(graph, pods, Health.DEGRADED));
    if (replaced) {
      failing.removeIf(LeftFailedPods::failedPhase);
    }
    failing.sort(Comparator.comparing(LeftFailedPods::failedPhase)
        .thenComparing(p -> p.createdAt().orElse(Instant.EPOCH), Comparator.reverseOrder()));
    return List.copyOf(failing);
  }

  /**
   * Lifts the first of {@link #failing} onto the owner (as {@link Children#liftFailing} does) and, once the owner is
   * {@code replaced}, tells the Failed pods left behind as a HEALTHY finding. Returns how many pods fail now.
   */
  static int lift(GraphView graph, Judgement j, ReasonCode reason, List<Node> pods, String prefix,
      boolean replaced) {
    List<Node> failing = failing(graph, pods, replaced);
    if (!failing.isEmpty()) {
      Children.lift(graph, j.subject(), reason, failing.get(0),
              prefix + failing.size() + " of " + pods.size() + " failing; ")
          .ifPresent(f -> j.add(f).worsen(Health.DEGRADED, ReconcileStatus.FAILED));
    }
    if (replaced) {
      tell(j, pods);
    }
    return failing.size();
  }

  /**
   * "2 pods left in phase Failed, already replaced; newest web-x (Evicted): The node was low on resource: memory."
   * A HEALTHY finding: it never worsens the owner.
   */
  static void tell(Judgement j, List<Node> pods) {
    List<Node> left = pods.stream().filter(LeftFailedPods::failedPhase)
        .sorted(Comparator.comparing((Node p) -> p.createdAt().orElse(Instant.EPOCH), Comparator.reverseOrder()))
        .toList();
    if (left.isEmpty()) {
      return;
    }
    Node newest = left.get(0);
    Optional<Pod> pod = newest.as(Pod.class);
    String reason = pod.map(p -> p.getStatus().getReason()).filter(r -> !r.isBlank()).orElse("");
    String message = pod.map(p -> p.getStatus().getMessage()).map(String::strip).orElse("");
    j.find(Health.HEALTHY, FAILED_PODS_LEFT, left.size() + (left.size() == 1 ? " pod" : " pods")
            + " left in phase Failed, already replaced (PodGC deletes them at its threshold); newest "
            + newest.ref().display() + (reason.isEmpty() ? "" : " (" + reason + ")")
            + (message.isEmpty() ? "" : ": " + message),
        Evidence.builder().from(Evidence.field("status.reason", reason.isEmpty() ? "Failed" : reason))
            .source(newest.ref()).build());
  }
}
