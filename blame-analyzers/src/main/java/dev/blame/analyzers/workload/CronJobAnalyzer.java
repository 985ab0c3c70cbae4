package dev.blame.analyzers.workload;

import static dev.blame.analyzers.workload.WorkloadReasons.*;

import dev.blame.analyzers.support.Children;
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
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.TypedAnalyzer;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CronJobs: suspended or not, when they last ran, whether a Job still running is failing, and how their latest
 * finished Job went (an older failure followed by a success is history, not a failure). A Job has finished by its own
 * status ({@link JobEnd}), never by its verdict: one whose pods fail is running, not failed. kstatus calls every
 * CronJob Current; so do we, because the CronJob controller has nothing left to do: a failing Job is the Job's
 * failure, lifted here for blame.
 */
public final class CronJobAnalyzer extends TypedAnalyzer<CronJob> {

  /** How long after a Job's end the controller may take to drop it from {@code status.active}. */
  static final Duration STALE_STUCK = Duration.ofMinutes(15);

  public CronJobAnalyzer() {
    super("blame.CronJob", CronJob.class, GroupKind.CRON_JOB, "a batch/v1 CronJob", Set.of(GroupKind.JOB));
  }

  @Override
  protected Verdict analyze(CronJob object, AnalysisContext ctx) {
    Node node = ctx.node();
    CronJob cron = object;
    Judgement j = new Judgement(node.ref());
    GenericStatus.deletion(node, j);
    if (cron.getSpec() != null && Boolean.TRUE.equals(cron.getSpec().getSuspend())) {
      j.worsen(Health.SUSPENDED, ReconcileStatus.CURRENT).message("Suspended")
          .find(Health.SUSPENDED, SUSPENDED, "CronJob is suspended", Evidence.field("spec.suspend", "true"));
    }
    Optional<Instant> last = cron.getStatus() == null ? Optional.empty()
        : Node.parseTime(cron.getStatus().getLastScheduleTime());
    List<Node> jobs = Children.owned(ctx.graph(), node.ref(), GroupKind.JOB);
    Comparator<Node> byCreation = Comparator.comparing((Node job) -> job.createdAt().orElse(Instant.EPOCH))
        .thenComparing(Node::ref);
    // A run that is failing now: a Job not finished whose verdict is DEGRADED (its pods fail, its deadline passed, its
    // FailureTarget is True).
    // It has not failed yet (the Job controller still retries it), but the CronJob's run is failing, whatever older
    // runs did; under Forbid no other run starts meanwhile.
    Optional<Node> runningFailing = jobs.stream().filter(job -> JobEnd.of(job).isEmpty())
        .filter(job -> ctx.graph().verdict(job.ref()).map(v -> v.health() == Health.DEGRADED).orElse(false))
        .max(byCreation);
    Optional<Node> latestFinished = jobs.stream().filter(job -> JobEnd.of(job).isPresent()).max(byCreation);
    runningFailing.ifPresent(job -> Children.lift(ctx.graph(), node.ref(), CHILD_JOB_FAILING, job, "Running ")
        .ifPresent(f -> j.add(f).message("Failing: Job " + job.ref().name() + " is running and failing")));
    latestFinished.filter(job -> runningFailing.isEmpty() && JobEnd.of(job).map(JobEnd::failed).orElse(false))
        .ifPresent(job -> Children.lift(ctx.graph(), node.ref(), CHILD_JOB_FAILED, job, "Latest finished ")
            .ifPresent(f -> j.add(f).message("Failing: latest Job " + job.ref().name() + " failed")));
    Optional<Instant> lastFailed = latestFinished.isPresent() || runningFailing.isPresent()
        || j.health() == Health.SUSPENDED ? Optional.empty() : lastRunFailed(cron, last);
    lastFailed.ifPresent(success -> j.worsen(Health.DEGRADED, ReconcileStatus.CURRENT)
        .message("Failing: the Job scheduled " + age(Duration.between(last.get(), ctx.now())) + " ago did not succeed")
        .find(Health.DEGRADED, LAST_RUN_FAILED, "the Job scheduled at " + last.get() + " is no longer active and"
            + " did not succeed: the last success is from " + success + ", before it",
            Evidence.field("status.lastScheduleTime", last.get().toString()),
            Evidence.field("status.lastSuccessfulTime", success.toString()),
            Evidence.field("status.active", "[]")));
    boolean stopped = j.health() != Health.SUSPENDED && staleActive(cron, jobs, ctx, j);
    if (j.health() != Health.SUSPENDED) {
      // The CronJob controller's Warning Events since the last Job it started say why it starts none
      // (FailedNeedsStart / TooManyMissedTimes: too many missed start times; FailedCreate: the Job was refused).
      // Older ones are history: a Job was scheduled after them.
      List<EventRecord> since = ctx.events().stream().filter(e -> last.isEmpty()
          || e.lastTime().or(e::firstTime).map(t -> t.isAfter(last.get())).orElse(false)).toList();
      int before = j.findings().size();
      WarningEvents.explain(since, ctx.tolerance().stuckOr(WarningEvents.STUCK), Set.of(), j);
      stopped |= j.findings().stream().skip(before).anyMatch(f -> f.health() == Health.DEGRADED);
      if (stopped) {
        j.worsen(Health.DEGRADED, ReconcileStatus.FAILED);
      }
    }
    String when = last.map(t -> "last scheduled " + age(Duration.between(t, ctx.now())) + " ago")
        .orElse("never scheduled");
    return j.message(stopped ? "Failing: " + when : capitalize(when)).build();
  }

  /**
   * When no finished Job is in view (deleted by the history limits, or the CronJob read alone), its status tells
   * how the last run went: no Job active, and the last success ({@code lastSuccessfulTime}, set when a Job
   * completes, so after its own schedule time) older than the last schedule: the Job started then has ended
   * without success. Returns that last success. Nothing without {@code lastSuccessfulTime} (Kubernetes before
   * 1.21 does not write it; a CronJob that never succeeded yet may be new).
   */
  private static Optional<Instant> lastRunFailed(CronJob cron, Optional<Instant> lastSchedule) {
    if (cron.getStatus() == null || lastSchedule.isEmpty()
        || (cron.getStatus().getActive() != null && !cron.getStatus().getActive().isEmpty())) {
      return Optional.empty();
    }
    return Node.parseTime(cron.getStatus().getLastSuccessfulTime()).filter(s -> s.isBefore(lastSchedule.get()));
  }

  /**
   * A Job listed in {@code status.active} that is in view and has finished ({@link JobEnd}, as for the latest
   * finished Job above): the CronJob controller removes a finished Job from the list on every
   * sync (recording {@code SawCompletedJob}), so the list is stale. Past the stuck window after the Job's end the
   * controller is not syncing this CronJob; under {@code Forbid} it then skips every run (DEGRADED), otherwise only
   * the status is stale (PROGRESSING). Returns whether runs are stopped.
   */
  private static boolean staleActive(CronJob cron, List<Node> jobs, AnalysisContext ctx, Judgement j) {
    if (cron.getStatus() == null || cron.getStatus().getActive() == null) {
      return false;
    }
    Set<String> listed = cron.getStatus().getActive().stream().map(ObjectReference::getName)
        .filter(Objects::nonNull).collect(Collectors.toSet());
    Optional<Node> stale = jobs.stream().filter(job -> listed.contains(job.ref().name()))
        .filter(job -> JobEnd.of(job).isPresent())
        .min(Comparator.comparing(Node::ref));
    if (stale.isEmpty()) {
      return false;
    }
    Optional<Instant> ended = JobEnd.of(stale.get()).flatMap(JobEnd::at);
    boolean old = ended.map(t -> Duration.between(t, ctx.now()).compareTo(ctx.tolerance().stuckOr(STALE_STUCK)) > 0)
        .orElse(false);
    boolean forbid = cron.getSpec() != null && "Forbid".equals(cron.getSpec().getConcurrencyPolicy());
    Health health = old && forbid ? Health.DEGRADED : Health.PROGRESSING;
    String name = stale.get().ref().name();
    j.worsen(health, health == Health.DEGRADED ? ReconcileStatus.FAILED : ReconcileStatus.IN_PROGRESS)
        .find(health, STALE_ACTIVE_JOB, "Job " + name + " has finished"
            + ended.map(t -> " (" + age(Duration.between(t, ctx.now())) + " ago)").orElse("")
            + " but is still listed active: the CronJob controller has not synced since"
            + (forbid ? "; under concurrencyPolicy Forbid no run starts while it is listed" : ""),
            Evidence.field("status.active", name),
            Evidence.field("spec.concurrencyPolicy", forbid ? "Forbid" : String.valueOf(
                cron.getSpec() == null ? null : cron.getSpec().getConcurrencyPolicy())));
    return health == Health.DEGRADED;
  }

  private static String age(Duration d) {
    long s = Math.max(0, d.getSeconds());
    return s < 120 ? s + "s" : s < 7200 ? s / 60 + "m" : s < 172800 ? s / 3600 + "h" : s / 86400 + "d";
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
