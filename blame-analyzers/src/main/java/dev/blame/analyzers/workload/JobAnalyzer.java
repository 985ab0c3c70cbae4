package dev.blame.analyzers.workload;

import static dev.blame.analyzers.workload.WorkloadReasons.*;

import dev.blame.analyzers.support.Children;
import dev.blame.analyzers.support.Counts;
import dev.blame.analyzers.support.GenericStatus;
import dev.blame.analyzers.support.WarningEvents;
import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.TypedAnalyzer;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Jobs: {@code Complete}/{@code Failed}/{@code Suspended} conditions as kstatus' {@code jobConditions} reads
 * them, and {@code FailureTarget} (the failure decided while the pods are terminated; Kubernetes 1.31 and later) as the
 * {@code Failed} it becomes (a started Job is Current while it runs), health as gitops-engine reads it (running is
 * PROGRESSING), plus what the controller is about to decide: failures at the backoff limit, a passed
 * {@code activeDeadlineSeconds}, and failing pods.
 */
public final class JobAnalyzer extends TypedAnalyzer<Job> {

  public JobAnalyzer() {
    super("blame.Job", Job.class, GroupKind.JOB, "a batch/v1 Job", Set.of(GroupKind.POD));
  }

  @Override
  protected Verdict analyze(Job object, AnalysisContext ctx) {
    Node node = ctx.node();
    JobSpec spec = object.getSpec() == null ? new JobSpec() : object.getSpec();
    JobStatus status = object.getStatus();
    Judgement j = new Judgement(node.ref());
    GenericStatus.deletion(node, j);
    if (status == null) {
      GenericStatus.statusMissing(node, ctx.now(), j);
      // Its own controller's Warning Events still say why it is stuck (a FailedCreate refused by a quota), whether the
      // status was never written or not captured.
      return WarningEvents.explainMissingStatus(ctx, j).build();
    }
    List<Condition> conditions = Condition.list(status.getConditions(), c -> Condition.of(
        c.getType(), c.getStatus(), c.getReason(), c.getMessage(), c.getLastTransitionTime()));
    int completions = Counts.or(spec.getCompletions(), Counts.or(spec.getParallelism(), 1));
    int succeeded = Counts.orZero(status.getSucceeded());
    int failed = Counts.orZero(status.getFailed());
    int active = Counts.orZero(status.getActive());
    int backoffLimit = Counts.or(spec.getBackoffLimit(), 6);
    // FailureTarget (Kubernetes 1.31 and later, earlier under a podFailurePolicy) is the Job controller's decision that
    // the Job failed, written before it terminates the remaining pods; Failed follows with the same reason and message
    // once they are gone (job_controller.go: a True FailureTarget becomes the finished condition). The Job has not
    // finished yet (JobEnd), but its failure is decided.
    Optional<JobEnd> end = JobEnd.of(object);
    Optional<Condition> failedCond = end.filter(JobEnd::failed)
        .flatMap(e -> conditions.stream().filter(c -> c.type().equals("Failed") && c.isTrue()).findFirst())
        .or(() -> Condition.find(conditions, "FailureTarget").filter(Condition::isTrue));
    if (failedCond.isPresent()) {
      Condition c = failedCond.get();
      ReasonCode reason = c.reason().equals("BackoffLimitExceeded") ? BACKOFF_LIMIT_EXCEEDED
          : c.reason().equals("DeadlineExceeded") ? DEADLINE_EXCEEDED : JOB_FAILED;
      String what = c.type().equals("Failed") ? "Job failed" : "Job is failing, its pods being terminated";
      return j.worsen(Health.DEGRADED, ReconcileStatus.FAILED).message("Failed: " + failed + " pods failed")
          .find(Health.DEGRADED, reason, what + (c.message().isEmpty() ? "" : ": " + c.message()),
              c.evidence(), Evidence.field("status.failed", failed + " (spec.backoffLimit " + backoffLimit + ")"))
          .build();
    }
    // Finished and not failed (JobEnd): a True Complete condition, or, in a status without the conditions the job
    // controller writes beside it (a `kubectl describe job` capture prints none), completionTime, which is set when
    // the Job finishes successfully and only then (the Job API).
    if (end.isPresent()) {
      Optional<Condition> complete = conditions.stream()
          .filter(c -> c.type().equals("Complete") && c.isTrue()).findFirst();
      return j.message("Complete: " + Counts.of(succeeded, completions) + " completions")
          .find(Health.HEALTHY, JOB_COMPLETE, "Job completed", complete.map(Condition::evidence)
              .orElseGet(() -> Evidence.timestamp("status.completionTime",
                  Node.parseTime(status.getCompletionTime()).orElseThrow())))
          .build();
    }
    // Every completion succeeded with no pod active is the same end, but only read so when no condition is in view:
    // since Kubernetes 1.31 a Job that met its success criteria holds SuccessCriteriaMet, not Complete, until its
    // lingering pods are terminated, and has not finished.
    int required = spec.getCompletions() != null ? completions : 1;
    if (conditions.isEmpty() && succeeded >= required && succeeded > 0 && active == 0) {
      return j.message("Complete: " + Counts.of(succeeded, completions) + " completions")
          .find(Health.HEALTHY, JOB_COMPLETE, "Job completed",
              Evidence.field("status.succeeded", succeeded + " of " + required + ", none active"))
          .build();
    }
    boolean suspend = Boolean.TRUE.equals(spec.getSuspend());
    Optional<Condition> suspended = Condition.find(conditions, "Suspended");
    if (suspend) {
      boolean done = suspended.map(Condition::isTrue).orElse(false);
      String text = suspended.filter(Condition::isTrue).map(Condition::message).filter(m -> !m.isEmpty())
          .orElse(done ? "Job suspended" : "Job suspending");
      return j.worsen(Health.SUSPENDED, done ? ReconcileStatus.CURRENT : ReconcileStatus.IN_PROGRESS)
          .message(text).find(Health.SUSPENDED, SUSPENDED, text,
              suspended.map(Condition::evidence).orElse(Evidence.field("spec.suspend", "true")))
          .build();
    }
    Optional<Instant> started = Node.parseTime(status.getStartTime());
    String counts = Counts.of(succeeded, completions) + " completions, " + active + " active, " + failed + " failed";
    if (started.isEmpty() || suspended.map(Condition::isTrue).orElse(false)) {
      return j.worsen(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS).message("Not started")
          .find(Health.PROGRESSING, JOB_NOT_STARTED, suspended.map(Condition::isTrue).orElse(false)
              ? "Job is resuming" : "Job has not started", Evidence.field("status.startTime", "<absent>"))
          .build();
    }
    j.worsen(Health.PROGRESSING, ReconcileStatus.CURRENT);
    if (active == 0) {
      // The job controller's own Warning that it failed the Job, in a status without the Failed condition it writes
      // with it (a `kubectl describe job` capture prints no conditions; a status write not seen yet): the Job is over.
      // Not an Event from before this run of the Job (one of the same name, deleted and created again).
      ctx.events().stream().filter(EventRecord::isWarning)
          .filter(e -> e.reason().equals("BackoffLimitExceeded") || e.reason().equals("DeadlineExceeded"))
          .filter(e -> e.lastTime().or(e::firstTime).map(t -> !t.isBefore(started.get())).orElse(true))
          .findFirst().ifPresent(e -> j.worsen(Health.DEGRADED, ReconcileStatus.FAILED).find(Health.DEGRADED,
              e.reason().equals("DeadlineExceeded") ? DEADLINE_EXCEEDED : BACKOFF_LIMIT_EXCEEDED,
              "Job failed: " + e.message().strip() + " (the job controller's Event; no pod is active)",
              Evidence.event(e), Evidence.field("status.active", "0")));
    }
    if (failed > backoffLimit) {
      j.worsen(Health.DEGRADED, ReconcileStatus.FAILED).find(Health.DEGRADED, BACKOFF_LIMIT_EXCEEDED,
          failed + " pods failed, more than spec.backoffLimit " + backoffLimit,
          Evidence.field("status.failed", String.valueOf(failed)),
          Evidence.field("spec.backoffLimit", String.valueOf(backoffLimit)));
    }
    Long deadline = spec.getActiveDeadlineSeconds();
    if (deadline != null && started.get().plusSeconds(deadline).isBefore(ctx.now())) {
      j.worsen(Health.DEGRADED, ReconcileStatus.FAILED).find(Health.DEGRADED, DEADLINE_EXCEEDED,
          "Job has run longer than spec.activeDeadlineSeconds " + deadline,
          Evidence.timestamp("status.startTime", started.get()),
          Evidence.field("spec.activeDeadlineSeconds", String.valueOf(deadline)));
    }
    Children.liftFailing(ctx.graph(), j, PODS_FAILING,
        Children.owned(ctx.graph(), node.ref(), GroupKind.POD), "Pods ");
    WarningEvents.explainStuck(ctx, j);
    return j.message((j.health() == Health.DEGRADED ? "Failing: " : "Running: ") + counts)
        .find(Health.PROGRESSING, JOB_RUNNING, "Job is running: " + counts,
            Evidence.field("status", counts))
        .build();
  }
}
