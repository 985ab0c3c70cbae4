package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A container's state as Kubernetes' core API types it ({@code ContainerState}: one of {@code waiting},
 * {@code running}, {@code terminated}), copied into a custom resource's status: the Kubeflow notebook controller's
 * {@code status.containerState} (the state of the notebook's own container), Tekton's TaskRun {@code status.steps[]}
 * and {@code status.sidecars[]} (a {@code StepState} embeds the container's state). The kubelet names in
 * {@code waiting.reason} why the container is not running; some of its reasons are a container that cannot start
 * until someone fixes its image or its configuration (Tekton fails a TaskRun whose step waits in
 * {@code ImagePullBackOff}, tektoncd/pipeline#4921; a step waiting in {@code CreateContainerConfigError} was reported
 * as a TaskRun left running, #3412). Other waits ({@code ContainerCreating}, {@code PodInitializing}) say nothing
 * here.
 */
final class ContainerStates {

  /** The kubelet's waiting reasons of a container that will not start by itself. */
  private static final Set<String> STUCK = Set.of("ImagePullBackOff", "ErrImagePull", "ErrImageNeverPull",
      "InvalidImageName", "CrashLoopBackOff", "CreateContainerConfigError", "CreateContainerError",
      "RunContainerError");

  private ContainerStates() {}

  /**
   * A container state that is history, not now: the core {@code ContainerStatus} keeps the state before the last
   * restart in {@code lastState} ({@code lastTerminationState} in its API docs and in copies of it), beside the
   * current {@code state}; a copy may call it previous.
   */
  private static final Pattern HISTORY = Pattern.compile("(last|previous|prev)([A-Z]\\w*)?(\\[\\d+])?");

  /** Whether {@code key} under {@code path} is the reason of a container's current waiting state. */
  static boolean isWaitingReason(String path, String key) {
    if (!key.equals("reason") || !path.endsWith(".waiting")) {
      return false;
    }
    String holder = path.substring(0, path.length() - ".waiting".length());
    return !HISTORY.matcher(holder.substring(holder.lastIndexOf('.') + 1)).matches();
  }

  /** The failure a waiting container's reason names, if it names one. */
  static Optional<Signal> waiting(String field, String reason) {
    return STUCK.contains(reason) ? Optional.of(new Signal(Health.DEGRADED, field, reason, Optional.empty(),
        List.of("container:waiting-stuck"))) : Optional.empty();
  }
}
