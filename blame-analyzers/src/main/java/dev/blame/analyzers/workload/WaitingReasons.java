package dev.blame.analyzers.workload;

import static dev.blame.analyzers.workload.WorkloadReasons.CREATE_CONTAINER_CONFIG_ERROR;
import static dev.blame.analyzers.workload.WorkloadReasons.CREATE_CONTAINER_ERROR;
import static dev.blame.analyzers.workload.WorkloadReasons.ERR_IMAGE_NEVER_PULL;
import static dev.blame.analyzers.workload.WorkloadReasons.ERR_IMAGE_PULL;
import static dev.blame.analyzers.workload.WorkloadReasons.IMAGE_INSPECT_ERROR;
import static dev.blame.analyzers.workload.WorkloadReasons.IMAGE_PULL_BACK_OFF;
import static dev.blame.analyzers.workload.WorkloadReasons.INVALID_IMAGE_NAME;
import static dev.blame.analyzers.workload.WorkloadReasons.POST_START_HOOK_ERROR;
import static dev.blame.analyzers.workload.WorkloadReasons.PRE_CREATE_HOOK_ERROR;
import static dev.blame.analyzers.workload.WorkloadReasons.PRE_START_HOOK_ERROR;
import static dev.blame.analyzers.workload.WorkloadReasons.RUN_CONTAINER_ERROR;
import static dev.blame.analyzers.workload.WorkloadReasons.START_ERROR;

import dev.blame.api.ReasonCode;
import java.util.Map;
import java.util.Optional;

/**
 * What the kubelet's word for a waiting container means: the reason code of each waiting reason it reports, which
 * of them are the image manager's errors that come before any pull, and how an unknown word is read. Used by
 * {@link ContainerRules} for a container's status and by {@link KubeletEvents} for its Events.
 */
final class WaitingReasons {

  private WaitingReasons() {}

  static final Map<String, ReasonCode> WAITING = Map.of(
      "ErrImagePull", ERR_IMAGE_PULL,
      "ImagePullBackOff", IMAGE_PULL_BACK_OFF,
      "CreateContainerConfigError", CREATE_CONTAINER_CONFIG_ERROR,
      "CreateContainerError", CREATE_CONTAINER_ERROR,
      "RunContainerError", RUN_CONTAINER_ERROR,
      "StartError", START_ERROR,
      // The kubelet's other start errors (pkg/kubelet/container/sync_result.go): a lifecycle hook failed.
      "PostStartHookError", POST_START_HOOK_ERROR,
      "PreStartHookError", PRE_START_HOOK_ERROR,
      "PreCreateHookError", PRE_CREATE_HOOK_ERROR);

  /**
   * The reason code of a container waiting reason the kubelet reports ({@code ErrImagePull}, {@code InvalidImageName},
   * ...), empty for any other word.
   */
  static Optional<ReasonCode> waitingCode(String reason) {
    return Optional.ofNullable(LOCAL_IMAGE_ERRORS.get(reason)).or(() -> Optional.ofNullable(WAITING.get(reason)));
  }

  /**
   * The image manager's errors that come before any pull, from the pod's spec and the node's own runtime alone
   * (pkg/kubelet/images/image_manager.go, {@code EnsureImageExists}): the image name does not parse
   * ({@code InvalidImageName}), the runtime cannot inspect the image it holds ({@code ImageInspectError}: "Failed to
   * inspect image ...", Event {@code InspectFailed}), the image is absent under pull policy Never
   * ({@code ErrImageNeverPull}). No registry is asked and no back-off is kept: every sync asks the same question of
   * the same runtime and gets the same answer, so they are failures at once, unlike a pull ({@code ErrImagePull}).
   */
  static final Map<String, ReasonCode> LOCAL_IMAGE_ERRORS = Map.of(
      "InvalidImageName", INVALID_IMAGE_NAME,
      "ImageInspectError", IMAGE_INSPECT_ERROR,
      "ErrImageNeverPull", ERR_IMAGE_NEVER_PULL);

  /** Whether {@code code} names one of the image manager's errors that come before any pull (see above). */
  static boolean localImageError(ReasonCode code) {
    return LOCAL_IMAGE_ERRORS.containsValue(code);
  }

  /** gitops-engine's reading of unknown waiting reasons. */
  static boolean looksLikeError(String reason) {
    return reason.startsWith("Err") || reason.endsWith("Error") || reason.endsWith("BackOff");
  }
}
