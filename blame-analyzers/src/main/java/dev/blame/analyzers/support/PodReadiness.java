package dev.blame.analyzers.support;

import dev.blame.api.EventRecord;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A pod's readiness where its {@code Ready} condition is not in view (a capture that prints container statuses and
 * not the conditions). The kubelet computes the condition from the same fields (pkg/kubelet/status/generate.go,
 * {@code GeneratePodReadyCondition}): Ready when every container is ready ({@code ContainersReady}) and every
 * readiness gate's condition is True. So a Running pod with a ready status for each of its containers and no
 * readiness gate is ready; with a gate, or a container without a status in view, nothing is concluded.
 *
 * <p>Every reader of a pod's readiness (the pod's own verdict, the Services and PodDisruptionBudgets selecting it)
 * uses {@link #readyWithoutCondition(Pod, List)}: the reconstruction holds only while no Warning Event about the pod
 * is in view, since it does not outweigh the kubelet's own warnings (a failing probe, a liveness kill).
 */
public final class PodReadiness {

  private PodReadiness() {}

  /**
   * Whether the pod is ready as the kubelet would compute its missing {@code Ready} condition
   * ({@link #readyWithoutCondition(Pod)}) and none of {@code events} (the Events about the pod) is a Warning.
   */
  public static boolean readyWithoutCondition(Pod pod, List<EventRecord> events) {
    return readyWithoutCondition(pod) && events.stream().noneMatch(EventRecord::isWarning);
  }

  /** Whether the pod is Running, has no readiness gate, and every container of its spec has a ready status. */
  public static boolean readyWithoutCondition(Pod pod) {
    if (pod.getStatus() == null || !"Running".equals(pod.getStatus().getPhase()) || pod.getSpec() == null
        || pod.getSpec().getReadinessGates() != null && !pod.getSpec().getReadinessGates().isEmpty()) {
      return false;
    }
    List<Container> containers = Optional.ofNullable(pod.getSpec().getContainers()).orElse(List.of());
    Set<String> ready = Optional.ofNullable(pod.getStatus().getContainerStatuses()).orElse(List.of()).stream()
        .filter(s -> Boolean.TRUE.equals(s.getReady())).map(ContainerStatus::getName).collect(Collectors.toSet());
    return !containers.isEmpty() && containers.stream().allMatch(c -> ready.contains(c.getName()));
  }
}
