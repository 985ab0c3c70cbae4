package dev.blame.analyzers.workload;

import dev.blame.analyzers.support.GenericStatus;
import dev.blame.api.ReasonCode;

/** The reason codes of the workload analyzers. Kubernetes' own spelling wherever Kubernetes has one. */
public final class WorkloadReasons {

  private WorkloadReasons() {}

  // Shared (kstatus generic rules)
  public static final ReasonCode DELETION_PENDING = GenericStatus.DELETION_PENDING;
  public static final ReasonCode GENERATION_NOT_OBSERVED = GenericStatus.GENERATION_NOT_OBSERVED;
  /** The object has no status yet: not observed by its controller, or the status was not captured. */
  public static final ReasonCode STATUS_MISSING = GenericStatus.STATUS_MISSING;

  // Containers
  public static final ReasonCode CRASH_LOOP_BACK_OFF = ReasonCode.of("CrashLoopBackOff");
  public static final ReasonCode OOM_KILLED = ReasonCode.of("OOMKilled");
  public static final ReasonCode ERR_IMAGE_PULL = ReasonCode.of("ErrImagePull");
  public static final ReasonCode IMAGE_PULL_BACK_OFF = ReasonCode.of("ImagePullBackOff");
  public static final ReasonCode INVALID_IMAGE_NAME = ReasonCode.of("InvalidImageName");
  public static final ReasonCode ERR_IMAGE_NEVER_PULL = ReasonCode.of("ErrImageNeverPull");
  /** The container runtime cannot inspect the container's image (kubelet {@code ErrImageInspect}). */
  public static final ReasonCode IMAGE_INSPECT_ERROR = ReasonCode.of("ImageInspectError");
  public static final ReasonCode CREATE_CONTAINER_CONFIG_ERROR = ReasonCode.of("CreateContainerConfigError");
  public static final ReasonCode CREATE_CONTAINER_ERROR = ReasonCode.of("CreateContainerError");
  public static final ReasonCode RUN_CONTAINER_ERROR = ReasonCode.of("RunContainerError");
  public static final ReasonCode START_ERROR = ReasonCode.of("StartError");
  /** The kubelet's start errors for a container whose lifecycle hook failed (kubelet {@code ErrPostStartHook}...). */
  public static final ReasonCode POST_START_HOOK_ERROR = ReasonCode.of("PostStartHookError");
  public static final ReasonCode PRE_START_HOOK_ERROR = ReasonCode.of("PreStartHookError");
  public static final ReasonCode PRE_CREATE_HOOK_ERROR = ReasonCode.of("PreCreateHookError");
  /** A waiting reason we do not know that reads like an error (kubelet's {@code Err*}, {@code *Error}, {@code *BackOff}). */
  public static final ReasonCode CONTAINER_ERROR = ReasonCode.of("ContainerError");
  /** Waiting for an ordinary reason: {@code ContainerCreating}, {@code PodInitializing}. */
  public static final ReasonCode CONTAINER_WAITING = ReasonCode.of("ContainerWaiting");
  public static final ReasonCode NON_ZERO_EXIT = ReasonCode.of("NonZeroExit");
  /** A running container that has restarted; informational unless it is not ready. */
  public static final ReasonCode RESTARTED = ReasonCode.of("Restarted");
  /** Running but not ready, with the kubelet reporting readiness probe failures. */
  public static final ReasonCode READINESS_PROBE_FAILED = ReasonCode.of("ReadinessProbeFailed");
  /** A restarting container that the kubelet kills because its liveness probe fails (its Unhealthy/Killing Events). */
  public static final ReasonCode LIVENESS_PROBE_FAILED = ReasonCode.of("LivenessProbeFailed");
  /** Running but not ready yet, without evidence of a failure. */
  public static final ReasonCode NOT_READY = ReasonCode.of("NotReady");

  /** A CronJob whose last scheduled Job ended without success (its status: nothing active, last success older). */
  public static final ReasonCode LAST_RUN_FAILED = ReasonCode.of("LastRunFailed");

  /**
   * A CronJob whose {@code status.active} still lists a Job that has finished: the CronJob controller drops a
   * finished Job from that list on every sync, so it has not synced since; under {@code concurrencyPolicy: Forbid}
   * no run starts while the list is not empty.
   */
  public static final ReasonCode STALE_ACTIVE_JOB = ReasonCode.of("StaleActiveJob");

  // Pods
  public static final ReasonCode UNSCHEDULABLE = ReasonCode.of("Unschedulable");
  public static final ReasonCode EVICTED = ReasonCode.of("Evicted");
  public static final ReasonCode PREEMPTED = ReasonCode.of("Preempted");
  public static final ReasonCode POD_FAILED = ReasonCode.of("PodFailed");
  public static final ReasonCode POD_COMPLETED = ReasonCode.of("PodCompleted");
  public static final ReasonCode POD_PENDING = ReasonCode.of("PodPending");

  // ReplicaSets, Deployments, StatefulSets, DaemonSets
  public static final ReasonCode REPLICA_FAILURE = ReasonCode.of("ReplicaFailure");
  public static final ReasonCode FAILED_CREATE = ReasonCode.of("FailedCreate");
  public static final ReasonCode REPLICAS_UNAVAILABLE = ReasonCode.of("ReplicasUnavailable");
  public static final ReasonCode EXTRA_PODS = ReasonCode.of("ExtraPods");
  /** Owned pods (or the new ReplicaSet's pods) are failing; the finding names one and carries its evidence. */
  public static final ReasonCode PODS_FAILING = ReasonCode.of("PodsFailing");
  /**
   * Informational (HEALTHY): pods in phase Failed (evicted, rejected at admission, ended by a node shutdown) that the
   * owner has already replaced with the ready pods it wants; they wait for PodGC ({@link LeftFailedPods}).
   */
  public static final ReasonCode FAILED_PODS_LEFT = ReasonCode.of("FailedPodsLeft");
  public static final ReasonCode ROLLOUT_IN_PROGRESS = ReasonCode.of("RolloutInProgress");
  /**
   * A DaemonSet or StatefulSet rollout whose own status has not moved for longer than the progress window (10 min,
   * the Deployment controller's default {@code progressDeadlineSeconds}), with no pod in the graph to say why.
   */
  public static final ReasonCode ROLLOUT_STALLED = ReasonCode.of("RolloutStalled");
  public static final ReasonCode PROGRESS_DEADLINE_EXCEEDED = ReasonCode.of("ProgressDeadlineExceeded");
  public static final ReasonCode PAUSED = ReasonCode.of("DeploymentPaused");
  public static final ReasonCode NOT_AVAILABLE = ReasonCode.of("NotAvailable");
  public static final ReasonCode ON_DELETE = ReasonCode.of("OnDeleteStrategy");
  public static final ReasonCode PARTITIONED = ReasonCode.of("PartitionedRollout");
  public static final ReasonCode MISSCHEDULED = ReasonCode.of("Misscheduled");

  // Jobs and CronJobs
  public static final ReasonCode JOB_FAILED = ReasonCode.of("JobFailed");
  public static final ReasonCode BACKOFF_LIMIT_EXCEEDED = ReasonCode.of("BackoffLimitExceeded");
  public static final ReasonCode DEADLINE_EXCEEDED = ReasonCode.of("DeadlineExceeded");
  public static final ReasonCode JOB_COMPLETE = ReasonCode.of("JobComplete");
  public static final ReasonCode JOB_NOT_STARTED = ReasonCode.of("JobNotStarted");
  public static final ReasonCode JOB_RUNNING = ReasonCode.of("JobRunning");
  public static final ReasonCode SUSPENDED = ReasonCode.of("Suspended");
  /** A CronJob whose latest finished Job failed (its {@code Failed} condition True); carries the Job's evidence. */
  public static final ReasonCode CHILD_JOB_FAILED = ReasonCode.of("ChildJobFailed");
  /**
   * A CronJob with a Job that has not finished (no True {@code Complete} or {@code Failed} condition, no completion
   * time) and is failing: its pods fail, its deadline has passed, or its {@code FailureTarget} is True while its pods
   * are terminated. The run has not failed yet; carries the Job's evidence.
   */
  public static final ReasonCode CHILD_JOB_FAILING = ReasonCode.of("ChildJobFailing");
}
