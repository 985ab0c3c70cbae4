package dev.blame.analyzers.workload;

import dev.blame.api.Node;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a Job ended, read from its own status as the Job controller reads it (IsJobFinished,
 * {@code pkg/controller/job/util/utils.go}: a {@code Complete} or {@code Failed} condition that is True), or from a
 * completion time, which only a Job that finished has. A Job with neither has not finished, even one whose pods fail
 * or whose verdict is DEGRADED: a failing Job is still running, and the Job controller still retries it.
 *
 * @param failed whether it ended with its {@code Failed} condition True
 * @param at when it ended: its completion time, else that condition's transition time, when known
 */
record JobEnd(boolean failed, Optional<Instant> at) {

  /** How the Job ended, or empty while it has not finished. */
  static Optional<JobEnd> of(Job job) {
    if (job.getStatus() == null) {
      return Optional.empty();
    }
    Optional<Instant> completed = Node.parseTime(job.getStatus().getCompletionTime());
    return Optional.ofNullable(job.getStatus().getConditions()).orElse(List.of()).stream()
        .filter(c -> ("Complete".equals(c.getType()) || "Failed".equals(c.getType())) && "True".equals(c.getStatus()))
        .findFirst()
        .map(c -> new JobEnd("Failed".equals(c.getType()), completed.or(() -> Node.parseTime(c.getLastTransitionTime()))))
        .or(() -> completed.map(t -> new JobEnd(false, Optional.of(t))));
  }

  /** How the Job in this node ended; empty while it has not finished, or when the node holds no Job. */
  static Optional<JobEnd> of(Node job) {
    return job.as(Job.class).flatMap(JobEnd::of);
  }
}
