package dev.blame.analyzers.workload;

import static dev.blame.analyzers.workload.WorkloadReasons.NOT_READY;
import static dev.blame.analyzers.workload.WorkloadReasons.OOM_KILLED;
import static dev.blame.analyzers.workload.WorkloadReasons.READINESS_PROBE_FAILED;
import static dev.blame.analyzers.workload.WorkloadReasons.RESTARTED;

import dev.blame.analyzers.support.ContainerView;
import dev.blame.analyzers.support.Times;
import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.Tolerance;
import dev.blame.api.spi.Judgement;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A running container of a pod: whether its restarts are over or it is still in its crash loop between kills, and
 * whether it is not ready yet or its readiness probe fails. Judged for {@link ContainerRules}.
 */
final class RunningContainer {

  /**
   * How long a restarted container must run before the kubelet resets its restart back-off: twice the back-off's
   * 5-minute cap (pkg/kubelet, {@code flowcontrol.NewBackOff(backOffPeriod, MaxContainerBackOff)}, whose entries
   * expire after twice the maximum; the docs: "Once a container has executed for 10 minutes without any problems,
   * the kubelet resets the restart backoff timer").
   */
  private static final Duration BACKOFF_RESET = Duration.ofMinutes(10);

  private final Instant now;
  private final ContainerEvents events;
  private final Judgement judgement;
  private final Tolerance tolerance;

  RunningContainer(Instant now, ContainerEvents events, Judgement judgement, Tolerance tolerance) {
    this.now = now;
    this.events = events;
    this.judgement = judgement;
    this.tolerance = tolerance;
  }

  void judge(ContainerView c, Optional<Instant> startedAt) {
    ContainerStateTerminated last = c.status().getLastState() == null ? null
        : c.status().getLastState().getTerminated();
    if (c.restartCount() > 0 && last != null) {
      Optional<Instant> lastExit = Node.parseTime(last.getFinishedAt());
      // The kubelet keeps a container's restart back-off until it has run BACKOFF_RESET without failing: one that
      // crashed more often than it may recover from and ended less than that ago is still in its crash loop, ready
      // or not between kills.
      boolean looping = !tolerance.mayRecover(c.restartCount()) && Times.withinGrace(now, lastExit, BACKOFF_RESET);
      Health health = c.ready() && !looping ? Health.HEALTHY
          : tolerance.mayRecover(c.restartCount()) ? Health.PROGRESSING : Health.DEGRADED;
      judgement.findInContainer(c.name(), health, "OOMKilled".equals(last.getReason()) ? OOM_KILLED : RESTARTED,
          "Container [" + c.name() + "] restarted " + c.restartCount() + " times, last exit code "
              + last.getExitCode() + ContainerRules.reasonOf(last),
          Node.parseTime(last.getFinishedAt()),
          ContainerRules.terminatedEvidence(c.statusPath() + ".lastState.terminated", last));
    }
    if (c.ready() || c.section() != ContainerView.Section.REGULAR) {
      return;
    }
    Duration window = ContainerRules.startup(c).plus(ContainerRules.probeWindow(c.readinessProbe().orElse(null)));
    Optional<EventRecord> unhealthy = events.readinessFailure();
    Evidence ready = Evidence.field(c.statusPath() + ".ready", "false");
    if (unhealthy.isPresent() && !Times.withinGrace(now, startedAt, window)) {
      judgement.findInContainer(c.name(), Health.DEGRADED, READINESS_PROBE_FAILED, "Container [" + c.name()
          + "] is running but its readiness probe fails: " + unhealthy.get().message(), startedAt,
          ready, Evidence.event(unhealthy.get()));
    } else {
      judgement.findInContainer(c.name(), Health.PROGRESSING, NOT_READY,
          "Container [" + c.name() + "] is running but not ready yet", startedAt, ready);
    }
  }
}
