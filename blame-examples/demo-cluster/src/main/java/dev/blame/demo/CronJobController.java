package dev.blame.demo;

import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CronJob -> Jobs, after pkg/controller/cronjob/cronjob_controllerv2.go: at the most recent schedule time
 * after {@code status.lastScheduleTime} (or the CronJob's creation) it creates the Job
 * {@code NAME-<scheduled unix minutes>} with a controller owner reference and the
 * {@code batch.kubernetes.io/cronjob-scheduled-timestamp} annotation; it keeps {@code status.active},
 * {@code lastScheduleTime} and {@code lastSuccessfulTime}, honours {@code suspend},
 * {@code startingDeadlineSeconds}, {@code concurrencyPolicy} (Allow, Forbid, Replace) and deletes finished Jobs
 * beyond {@code successfulJobsHistoryLimit}/{@code failedJobsHistoryLimit} (oldest first). Missed older runs are
 * skipped, as the real controller does; only the most recent one is started.
 */
final class CronJobController {

  private static final String COMPONENT = "cronjob-controller";
  static final String SCHEDULED_TIMESTAMP = "batch.kubernetes.io/cronjob-scheduled-timestamp";
  /** robfig/cron's descriptors that Kubernetes accepts, as 5-field expressions. */
  private static final Map<String, String> MACROS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
      "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
      "@hourly", "0 * * * *");
  private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(
      com.cronutils.model.CronType.UNIX));

  /** Go's time.RFC3339, which prints the seconds and "Z" for UTC. */
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private final ControllerSimulator sim;
  /** Unparsable schedules and Forbid skips already recorded as events, so each is recorded once. */
  private final Map<String, String> reported = new HashMap<>();

  CronJobController(ControllerSimulator sim) {
    this.sim = sim;
  }

  void reconcile() {
    for (CronJob cronJob : sim.cronJobs.list()) {
      if (cronJob.getMetadata().getDeletionTimestamp() == null && cronJob.getSpec() != null) {
        sync(cronJob);
      }
    }
  }

  /**
   * The most recent time at or before {@code now} that {@code schedule} fires in {@code zone}, strictly after
   * {@code earliest}; empty when it did not fire in between.
   *
   * @throws IllegalArgumentException when the schedule is not a 5-field cron expression or a known descriptor
   */
  static Optional<ZonedDateTime> mostRecent(String schedule, ZoneId zone, Instant earliest, Instant now) {
    ExecutionTime times = ExecutionTime.forCron(PARSER.parse(MACROS.getOrDefault(schedule.trim(),
        schedule.trim())));
    return times.lastExecution(ZonedDateTime.ofInstant(now, zone).plusNanos(1))
        .filter(t -> t.toInstant().isAfter(earliest));
  }

  private void sync(CronJob cronJob) {
    List<Job> owned = sim.jobs.ownedBy(cronJob.getMetadata().getUid());
    CronJobStatus old = Optional.ofNullable(cronJob.getStatus()).orElseGet(CronJobStatus::new);
    CronJobStatusBuilder status = new CronJobStatusBuilder(old).withActive();
    String lastSuccess = old.getLastSuccessfulTime();
    for (Job job : owned) {
      Optional<String> finished = finishedType(job);
      if (finished.isEmpty()) {
        // The reference as first recorded (its resourceVersion is the Job's at creation, as on a real cluster).
        status.addToActive(old.getActive().stream().filter(r -> job.getMetadata().getUid().equals(r.getUid()))
            .findFirst().orElseGet(() -> reference(job)));
        continue;
      }
      boolean wasActive = old.getActive().stream().anyMatch(r -> job.getMetadata().getUid().equals(r.getUid()));
      if (wasActive) {
        sim.events.normal(cronJob, COMPONENT, "SawCompletedJob", "Saw completed job: "
            + job.getMetadata().getName() + ", status: " + finished.get());
      }
      String completed = job.getStatus().getCompletionTime();
      if (finished.get().equals("Complete") && completed != null
          && (lastSuccess == null || Instant.parse(completed).isAfter(Instant.parse(lastSuccess)))) {
        lastSuccess = completed;
      }
    }
    status.withLastSuccessfulTime(lastSuccess);
    cleanUp(cronJob, owned);

    Optional<ZonedDateTime> due = Boolean.TRUE.equals(cronJob.getSpec().getSuspend()) ? Optional.empty()
        : due(cronJob);
    if (due.isPresent()) {
      List<Job> active = owned.stream().filter(j -> finishedType(j).isEmpty()).toList();
      String policy = Optional.ofNullable(cronJob.getSpec().getConcurrencyPolicy()).orElse("Allow");
      if (policy.equals("Forbid") && !active.isEmpty()) {
        // The run stays due (lastScheduleTime unchanged): it starts when the active Job ends, if no later time
        // has come by then. The real controller requeues until then; here the event is recorded once.
        String key = cronJob.getMetadata().getUid() + "@" + due.get().toInstant();
        if (reported.put(key, key) == null) {
          sim.events.normal(cronJob, COMPONENT, "JobAlreadyActive",
              "Not starting job because prior execution is running and concurrency policy is Forbid");
        }
      } else {
        if (policy.equals("Replace")) {
          for (Job job : active) {
            sim.delete(sim.jobs, job);
            sim.events.normal(cronJob, COMPONENT, "SuccessfulDelete", "Deleted job " + job.getMetadata().getName());
          }
          status.withActive();
        }
        ZonedDateTime scheduled = due.get();
        Job job = newJob(cronJob, scheduled);
        try {
          job = sim.create(sim.jobs, job);
          sim.events.normal(cronJob, COMPONENT, "SuccessfulCreate", "Created job " + job.getMetadata().getName());
        } catch (KubernetesClientException e) {
          if (e.getCode() != 409) {
            throw e;
          }
          job = sim.jobs.get(job.getMetadata().getNamespace(), job.getMetadata().getName()).orElse(job);
        }
        String uid = job.getMetadata().getUid();
        if (uid != null && status.buildActive().stream().noneMatch(r -> uid.equals(r.getUid()))) {
          status.addToActive(reference(job));
        }
        status.withLastScheduleTime(DateTimeFormatter.ISO_INSTANT.format(due.get().toInstant()));
      }
    }
    CronJobStatus updated = status.build();
    if (!updated.equals(cronJob.getStatus() == null ? new CronJobStatus() : cronJob.getStatus())) {
      cronJob.setStatus(updated);
      sim.updateStatus(sim.cronJobs, cronJob);
    }
  }

  /** The schedule time to run now, if any (an invalid schedule or zone is a Warning event, once). */
  private Optional<ZonedDateTime> due(CronJob cronJob) {
    String schedule = String.valueOf(cronJob.getSpec().getSchedule());
    ZoneId zone;
    Optional<ZonedDateTime> due;
    Instant now = sim.clock.instant();
    Instant earliest = Optional.ofNullable(cronJob.getStatus()).map(CronJobStatus::getLastScheduleTime)
        .or(() -> Optional.ofNullable(cronJob.getMetadata().getCreationTimestamp())).map(Instant::parse)
        .orElse(now);
    try {
      String tz = cronJob.getSpec().getTimeZone();
      zone = tz == null || tz.isEmpty() ? ZoneOffset.UTC : ZoneId.of(tz);
      due = mostRecent(schedule, zone, earliest, now);
    } catch (IllegalArgumentException | DateTimeException e) {
      String key = cronJob.getMetadata().getUid() + "/" + schedule + "/" + cronJob.getSpec().getTimeZone();
      if (reported.put(key, key) == null) {
        sim.events.warning(cronJob, COMPONENT, "UnparseableSchedule", "unparseable schedule: \"" + schedule
            + "\": " + e.getMessage());
      }
      return Optional.empty();
    }
    Long deadline = cronJob.getSpec().getStartingDeadlineSeconds();
    if (due.isPresent() && deadline != null && due.get().toInstant().plusSeconds(deadline).isBefore(now)) {
      String key = cronJob.getMetadata().getUid() + "@" + due.get().toInstant();
      if (reported.put(key, key) == null) {
        sim.events.warning(cronJob, COMPONENT, "MissSchedule", "Missed scheduled time to start a job: "
            + due.get().format(DateTimeFormatter.RFC_1123_DATE_TIME));
      }
      return Optional.empty();
    }
    return due;
  }

  /** Deletes the oldest finished Jobs beyond the history limits (defaults 3 succeeded, 1 failed). */
  private void cleanUp(CronJob cronJob, List<Job> owned) {
    prune(cronJob, owned, "Complete", Optional.ofNullable(cronJob.getSpec().getSuccessfulJobsHistoryLimit())
        .orElse(3));
    prune(cronJob, owned, "Failed", Optional.ofNullable(cronJob.getSpec().getFailedJobsHistoryLimit()).orElse(1));
  }

  private void prune(CronJob cronJob, List<Job> owned, String type, int limit) {
    List<Job> finished = owned.stream().filter(j -> finishedType(j).filter(type::equals).isPresent())
        .sorted(Comparator.comparing((Job j) -> Optional.ofNullable(j.getStatus().getStartTime())
            .orElse(j.getMetadata().getCreationTimestamp())).thenComparing(j -> j.getMetadata().getName()))
        .toList();
    for (Job job : finished.subList(0, Math.max(0, finished.size() - limit))) {
      sim.delete(sim.jobs, job);
      sim.events.normal(cronJob, COMPONENT, "SuccessfulDelete", "Deleted job " + job.getMetadata().getName());
    }
  }

  /** {@code Complete} or {@code Failed} when the Job has that condition True. */
  private static Optional<String> finishedType(Job job) {
    return job.getStatus() == null ? Optional.empty() : job.getStatus().getConditions().stream()
        .filter(c -> ("Complete".equals(c.getType()) || "Failed".equals(c.getType())) && "True".equals(c.getStatus()))
        .map(c -> c.getType()).findFirst();
  }

  private static ObjectReference reference(Job job) {
    return new ObjectReferenceBuilder().withApiVersion("batch/v1").withKind("Job")
        .withNamespace(job.getMetadata().getNamespace()).withName(job.getMetadata().getName())
        .withUid(job.getMetadata().getUid()).withResourceVersion(job.getMetadata().getResourceVersion()).build();
  }

  /** getJobFromTemplate2: name from the scheduled time in minutes, labels and annotations of the template. */
  static Job newJob(CronJob cronJob, ZonedDateTime scheduled) {
    var template = cronJob.getSpec().getJobTemplate();
    Map<String, String> labels = new HashMap<>(template.getMetadata() == null
        || template.getMetadata().getLabels() == null ? Map.of() : template.getMetadata().getLabels());
    Map<String, String> annotations = new HashMap<>(template.getMetadata() == null
        || template.getMetadata().getAnnotations() == null ? Map.of() : template.getMetadata().getAnnotations());
    annotations.put(SCHEDULED_TIMESTAMP, scheduled.format(RFC3339));
    String name = cronJob.getMetadata().getName() + "-" + scheduled.toEpochSecond() / 60;
    return new JobBuilder().withNewMetadata().withName(name).withNamespace(cronJob.getMetadata().getNamespace())
        .withLabels(labels).withAnnotations(annotations)
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("CronJob")
            .withName(cronJob.getMetadata().getName()).withUid(cronJob.getMetadata().getUid()).withController(true)
            .withBlockOwnerDeletion(true).build())
        .endMetadata().withSpec(template.getSpec()).build();
  }
}
