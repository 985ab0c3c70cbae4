package dev.blame.analyzers.workload;

import static dev.blame.analyzers.workload.WorkloadReasons.*;

import dev.blame.analyzers.support.ContainerView;
import dev.blame.analyzers.support.Times;
import dev.blame.analyzers.support.WarningEvents;
import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ReasonCode;
import dev.blame.api.Tolerance;
import dev.blame.api.spi.Judgement;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.Probe;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Judges one container of a pod. Transient states get a grace window before they count as failures, in the
 * spirit of kubedog: the first ImagePullBackOff or a single restart is not yet a failure. Windows are
 * measured from the container's own timestamps (or the pod's when the container has none); a state we
 * cannot date is judged as old. The engine's {@link Tolerance} may replace the windows and the allowed restarts.
 */
final class ContainerRules {

  /**
   * How long a container may wait for an ordinary reason ({@code ContainerCreating}, {@code PodInitializing})
   * before the pod counts as stuck: long enough for a large image pull.
   */
  static final Duration STUCK = Duration.ofMinutes(15);

  /** Long enough for the kubelet to retry a pull or a config lookup twice (its back-off starts at 10 s). */
  static final Duration WAITING_GRACE = Duration.ofSeconds(30);
  /** The exit code of a process the kernel's OOM killer ended: 128 + SIGKILL. */
  private static final int OOM_EXIT = 137;

  private final Instant now;
  private final Optional<Instant> podSince;
  /** The latest moment the pod's evidence (Events, conditions) shows its state still held. */
  private final Optional<Instant> seenUntil;
  private final boolean restarts;
  private final ContainerEvents events;
  private final Judgement judgement;
  private final Tolerance tolerance;
  private final Duration grace;
  private final RunningContainer running;
  /** Every container of the pod, which {@link #judge} is called for one by one. */
  private List<ContainerView> siblings = List.of();

  /**
   * @param podSince the latest moment the pod is known to have been (re)started, the start of waiting windows
   * @param seenUntil the latest moment its Events and conditions show it still waiting: stuck is measured up to
   *     it, not up to {@code now}
   * @param restarts whether failed containers are restarted (restartPolicy Always or OnFailure)
   * @param tolerance the engine's slack: replaces {@link #WAITING_GRACE} and the allowed restarts
   */
  ContainerRules(Instant now, Optional<Instant> podSince, Optional<Instant> seenUntil, boolean restarts,
      List<EventRecord> events, Judgement judgement, Tolerance tolerance) {
    this.seenUntil = seenUntil;
    this.tolerance = tolerance;
    this.grace = tolerance.graceOr(WAITING_GRACE);
    this.now = now;
    this.podSince = podSince;
    this.restarts = restarts;
    this.events = new ContainerEvents(events);
    this.judgement = judgement;
    this.running = new RunningContainer(now, this.events, judgement, tolerance);
  }

  /** Judges every container of the pod. */
  void judgeAll(List<ContainerView> containers) {
    siblings = containers;
    containers.forEach(this::judge);
  }

  void judge(ContainerView c) {
    ContainerState state = c.status().getState() == null ? new ContainerState() : c.status().getState();
    if (state.getWaiting() != null) {
      waiting(c, state.getWaiting());
    } else if (state.getTerminated() != null) {
      terminated(c, state.getTerminated(), ".state.terminated", tolerance.mayRecover(c.restartCount()));
    } else if (state.getRunning() != null) {
      running.judge(c, Node.parseTime(state.getRunning().getStartedAt()));
    }
  }

  private void waiting(ContainerView c, ContainerStateWaiting w) {
    String reason = w.getReason() == null ? "" : w.getReason();
    Evidence evidence = Evidence.field(c.statusPath() + ".state.waiting", reason + message(w.getMessage()));
    if (reason.equals("CrashLoopBackOff")) {
      crashLoop(c, evidence);
    } else if (WaitingReasons.LOCAL_IMAGE_ERRORS.containsKey(reason)) {
      ReasonCode code = WaitingReasons.LOCAL_IMAGE_ERRORS.get(reason);
      fail(c, Health.DEGRADED, code, code.equals(IMAGE_INSPECT_ERROR)
          ? "cannot start: the container runtime cannot inspect its image (ImageInspectError)"
              + message(events.inspectFailure(w.getMessage()))
          : "cannot pull its image" + message(w.getMessage()), evidence);
    } else if (WaitingReasons.WAITING.containsKey(reason) || WaitingReasons.looksLikeError(reason)) {
      String said = events.kubeletSays(w.getMessage());
      Health health = Times.withinGrace(now, podSince, grace) && !WarningEvents.deterministic(said)
          ? Health.PROGRESSING : Health.DEGRADED;
      String text = reason.equals("CreateContainerConfigError")
          ? MissingReference.describe(c, said) : "is waiting: " + reason + message(said);
      Evidence[] all = reason.equals("CreateContainerConfigError")
          ? MissingReference.evidence(c, said, evidence) : new Evidence[] {evidence};
      fail(c, health, WaitingReasons.WAITING.getOrDefault(reason, CONTAINER_ERROR), text, all);
    } else if (!reason.isEmpty()) {
      boolean stuck = WarningEvents.lastedAtLeast(podSince, seenUntil, tolerance.stuckOr(STUCK));
      fail(c, stuck ? Health.DEGRADED : Health.PROGRESSING, CONTAINER_WAITING, "is waiting: " + reason
          + (stuck ? " for at least " + WarningEvents.human(Duration.between(podSince.get(), seenUntil.get())) : ""),
          evidence);
    }
  }

  private void crashLoop(ContainerView c, Evidence waiting) {
    ContainerStateTerminated last = c.status().getLastState() == null ? null
        : c.status().getLastState().getTerminated();
    Optional<Instant> lastExit = last == null ? podSince : Node.parseTime(last.getFinishedAt()).or(() -> podSince);
    boolean young = tolerance.mayRecover(c.restartCount())
        && Times.withinGrace(now, lastExit, grace.plus(startup(c)))
        && (last == null || !WarningEvents.deterministic(last.getMessage()));
    Health health = young ? Health.PROGRESSING : Health.DEGRADED;
    String exit = last == null ? "" : ", last exit code " + last.getExitCode() + reasonOf(last);
    Evidence[] evidence = last == null ? new Evidence[] {waiting}
        : new Evidence[] {waiting, terminatedEvidence(c.statusPath() + ".lastState.terminated", last)};
    boolean oom = last != null && "OOMKilled".equals(last.getReason());
    // The kubelet's own kill explains the loop better than the exit code: the loop is then said by that finding.
    Optional<EventRecord> liveness = oom ? Optional.empty() : events.livenessKills(c, onlyRestarting(c));
    if (liveness.isPresent()) {
      Evidence[] all = Arrays.copyOf(evidence, evidence.length + 1);
      all[evidence.length] = Evidence.event(liveness.get());
      judgement.findInContainer(c.name(), health, LIVENESS_PROBE_FAILED, "Container [" + c.name()
          + "] is crash-looping (" + c.restartCount() + " restarts" + exit + "): the kubelet kills it because its"
          + " liveness probe fails: " + liveness.get().message(), lastExit, all);
      return;
    }
    // A program that never ran (the runtime could not start it) did not crash: the runtime's error says why.
    String why = last != null && neverRan(last) && last.getMessage() != null && !last.getMessage().isBlank()
        ? ": the container runtime cannot start it: " + last.getMessage().strip() : "";
    judgement.findInContainer(c.name(), health, CRASH_LOOP_BACK_OFF, "Container [" + c.name()
        + "] is crash-looping (" + c.restartCount() + " restarts" + exit + ")" + why, lastExit, evidence);
    if (oom) {
      judgement.findInContainer(c.name(), health, OOM_KILLED, "Container [" + c.name()
          + "] was killed for exceeding its memory limit", lastExit, evidence[1]);
    }
  }

  /**
   * A termination of a container whose process never started: containerd's and CRI-O's {@code StartError}, dockershim's
   * {@code ContainerCannotRun} (the CRI runtime's reasons; the kubelet passes them through).
   */
  private static boolean neverRan(ContainerStateTerminated t) {
    return "StartError".equals(t.getReason()) || "ContainerCannotRun".equals(t.getReason());
  }

  /** Whether {@code c} is the only container of its pod that has restarted. */
  private boolean onlyRestarting(ContainerView c) {
    return siblings.stream().noneMatch(o -> o != c && !o.name().equals(c.name()) && o.restartCount() > 0);
  }

  private void terminated(ContainerView c, ContainerStateTerminated t, String where, boolean mayRecover) {
    // OOMKilled is the runtime's word for a container the kernel's OOM killer ended (SIGKILL, exit 137): a capture
    // that shows the reason and not the code (kubectl get prints the reason alone) is of that kill.
    int code = t.getExitCode() != null ? t.getExitCode() : "OOMKilled".equals(t.getReason()) ? OOM_EXIT : 0;
    // An init container OOMKilled with exit code 0 (the kernel killed a child, the main process exited 0) is a
    // failure: the kubelet does not start the pod's containers (kubernetes#104650). A regular one so killed is left
    // to the pod's phase (kubernetes#131530: the pod may still succeed).
    boolean initOom = "OOMKilled".equals(t.getReason()) && c.section() == ContainerView.Section.INIT;
    if (code == 0 && !"StartError".equals(t.getReason()) && !initOom) {
      return;
    }
    Optional<Instant> at = Node.parseTime(t.getFinishedAt());
    Health health = restarts && mayRecover && Times.withinGrace(now, at, grace)
        && !WarningEvents.deterministic(t.getMessage()) ? Health.PROGRESSING : Health.DEGRADED;
    Evidence evidence = terminatedEvidence(c.statusPath() + where, t);
    ReasonCode reason = "OOMKilled".equals(t.getReason()) ? OOM_KILLED
        : "StartError".equals(t.getReason()) ? START_ERROR : NON_ZERO_EXIT;
    String exit = t.getExitCode() == null && "OOMKilled".equals(t.getReason())
        ? " was killed for exceeding its memory limit (OOMKilled; no exit code in view)"
        : " exited with code " + code + reasonOf(t);
    judgement.findInContainer(c.name(), health, reason, "Container [" + c.name() + "]" + exit, at, evidence);
  }

  private void fail(ContainerView c, Health health, ReasonCode reason, String text, Evidence... evidence) {
    judgement.findInContainer(c.name(), health, reason,
        text.startsWith("Container") ? text : "Container [" + c.name() + "] " + text, podSince, evidence);
  }

  static Duration startup(ContainerView c) {
    return c.startupProbe().map(ContainerRules::probeWindow).orElse(Duration.ZERO);
  }

  /** How long a probe may fail before it gives up: initialDelay + period * failureThreshold (kubelet defaults). */
  static Duration probeWindow(Probe p) {
    if (p == null) {
      return Duration.ZERO;
    }
    int delay = p.getInitialDelaySeconds() == null ? 0 : p.getInitialDelaySeconds();
    int period = p.getPeriodSeconds() == null ? 10 : p.getPeriodSeconds();
    int failures = p.getFailureThreshold() == null ? 3 : p.getFailureThreshold();
    return Duration.ofSeconds(delay + (long) period * failures);
  }

  static Evidence terminatedEvidence(String path, ContainerStateTerminated t) {
    return Evidence.field(path, "exitCode " + t.getExitCode() + reasonOf(t) + message(t.getMessage()));
  }

  static String reasonOf(ContainerStateTerminated t) {
    return t.getReason() == null || t.getReason().isEmpty() ? "" : " (" + t.getReason() + ")";
  }

  private static String message(String message) {
    return message == null || message.isBlank() ? "" : ": " + message.strip();
  }
}
