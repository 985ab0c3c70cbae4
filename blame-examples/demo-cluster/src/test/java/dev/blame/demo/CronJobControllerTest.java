package dev.blame.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CronJob controller: schedules (5-field cron, descriptors, time zones), Jobs with owner reference and
 * scheduled-timestamp annotation, status times, concurrency policies, suspend and history limits, driven by a
 * clock the test moves by whole minutes.
 */
class CronJobControllerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  /** Starts at the wall clock (the API server stamps creationTimestamp with it), then moves only by hand. */
  static final class MinuteClock extends Clock {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }

    /** Never behind {@code t} (the API server stamps objects with the wall clock, which goes on). */
    void catchUp(Instant t) {
      now.updateAndGet(i -> i.isBefore(t) ? t : i);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  private DemoCluster cluster;
  private ControllerSimulator simulator;
  private KubernetesClient client;
  private final MinuteClock clock = new MinuteClock();

  @BeforeEach
  void start() {
    cluster = DemoCluster.start();
    client = cluster.client();
    simulator = ControllerSimulator.builder(cluster.newClient()).clock(clock).tick(Duration.ofMillis(30)).start();
  }

  @AfterEach
  void stop() {
    simulator.close();
    cluster.close();
  }

  private static Instant at(String time) {
    return Instant.parse(time);
  }

  private static Optional<String> recent(String schedule, String zone, String earliest, String now) {
    return CronJobController.mostRecent(schedule, ZoneId.of(zone), at(earliest), at(now))
        .map(t -> t.toInstant().toString());
  }

  @Test
  void schedulesAreStandardCronWithDescriptorsAndTimeZones() {
    assertThat(recent("*/15 * * * *", "UTC", "2026-03-02T09:00:00Z", "2026-03-02T09:44:59Z"))
        .contains("2026-03-02T09:30:00Z");
    // a schedule time equal to "now" is due; one equal to the last schedule time is not due again
    assertThat(recent("*/15 * * * *", "UTC", "2026-03-02T09:00:00Z", "2026-03-02T09:45:00Z"))
        .contains("2026-03-02T09:45:00Z");
    assertThat(recent("*/15 * * * *", "UTC", "2026-03-02T09:45:00Z", "2026-03-02T09:59:00Z")).isEmpty();
    // ranges with steps, lists, names; weekdays only (2026-03-07 is a Saturday)
    assertThat(recent("0 9-17/4 * * MON-FRI", "UTC", "2026-03-01T00:00:00Z", "2026-03-07T12:00:00Z"))
        .contains("2026-03-06T17:00:00Z");
    assertThat(recent("5,35 * * * *", "UTC", "2026-03-02T00:00:00Z", "2026-03-02T10:34:00Z"))
        .contains("2026-03-02T10:05:00Z");
    // day of month and day of week restricted together: either matches (cron's OR rule)
    assertThat(recent("0 0 13 * 5", "UTC", "2026-03-01T00:00:00Z", "2026-03-12T00:00:00Z"))
        .contains("2026-03-06T00:00:00Z");
    assertThat(recent("@hourly", "UTC", "2026-03-02T00:00:00Z", "2026-03-02T10:59:00Z"))
        .contains("2026-03-02T10:00:00Z");
    assertThat(recent("@daily", "UTC", "2026-03-01T00:00:00Z", "2026-03-02T10:59:00Z"))
        .contains("2026-03-02T00:00:00Z");
    assertThat(recent("@weekly", "UTC", "2026-02-01T00:00:00Z", "2026-03-04T10:00:00Z"))
        .contains("2026-03-01T00:00:00Z");
    // spec.timeZone: 09:00 in New York is 14:00 UTC in March before the DST change
    assertThat(recent("0 9 * * *", "America/New_York", "2026-03-01T00:00:00Z", "2026-03-02T15:00:00Z"))
        .contains("2026-03-02T14:00:00Z");
    assertThatThrownBy(() -> recent("every minute", "UTC", "2026-03-01T00:00:00Z", "2026-03-02T15:00:00Z"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> recent("61 * * * *", "UTC", "2026-03-01T00:00:00Z", "2026-03-02T15:00:00Z"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private CronJob create(String name, String extraSpec, String script) {
    CronJob created = client.resource(client.getKubernetesSerialization().unmarshal("""
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: %s, namespace: default}
        spec:
          schedule: "* * * * *"
        %s
          jobTemplate:
            metadata:
              labels: {app: %s}
            spec:
              backoffLimit: 0
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - {name: c, image: busybox:1.36, command: ["sh", "-c", "%s"]}
        """.formatted(name, extraSpec.indent(2).stripTrailing(), name, script), CronJob.class)).create();
    clock.catchUp(Instant.parse(created.getMetadata().getCreationTimestamp()));
    return created;
  }

  private List<Job> jobs(String app) {
    return client.batch().v1().jobs().inNamespace("default").withLabel("app", app).list().getItems().stream()
        .sorted(java.util.Comparator.comparing(j -> j.getMetadata().getName())).toList();
  }

  private CronJob cronJob(String name) {
    return client.batch().v1().cronjobs().inNamespace("default").withName(name).get();
  }

  private List<String> events(String involved, String reason) {
    return client.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> e.getInvolvedObject().getName().equals(involved) && e.getReason().equals(reason))
        .map(Event::getMessage).toList();
  }

  private static boolean failed(Job j) {
    return j.getStatus() != null && j.getStatus().getConditions().stream()
        .anyMatch(c -> c.getType().equals("Failed") && c.getStatus().equals("True"));
  }

  /** The next whole minute after the clock, where "* * * * *" fires. */
  private ZonedDateTime nextMinute() {
    return ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
  }

  @Test
  void aFailingCronJobCreatesOwnedAnnotatedJobsAndKeepsOneFailedJob() throws InterruptedException {
    CronJob created = create("report", "", "exit 1");
    simulator.awaitTicks(5);
    assertThat(jobs("report")).as("nothing before the first schedule time").isEmpty();

    ZonedDateTime first = nextMinute();
    clock.advance(Duration.between(clock.instant(), first.toInstant()).plusSeconds(1));
    Eventually.assertThat(TIMEOUT, () -> assertThat(jobs("report")).singleElement().satisfies(j -> {
      assertThat(j.getMetadata().getName()).isEqualTo("report-" + first.toEpochSecond() / 60);
      assertThat(j.getMetadata().getAnnotations()).containsEntry(CronJobController.SCHEDULED_TIMESTAMP,
          first.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")));
      assertThat(j.getMetadata().getOwnerReferences()).singleElement().satisfies(r -> {
        assertThat(r.getKind()).isEqualTo("CronJob");
        assertThat(r.getUid()).isEqualTo(created.getMetadata().getUid());
        assertThat(r.getController()).isTrue();
      });
      assertThat(failed(j)).isTrue();
    }));
    Eventually.assertThat(TIMEOUT, () -> {
      CronJob c = cronJob("report");
      assertThat(c.getStatus().getLastScheduleTime()).isEqualTo(first.toInstant().toString());
      assertThat(c.getStatus().getActive()).isEmpty();
      assertThat(c.getStatus().getLastSuccessfulTime()).isNull();
      assertThat(events("report", "SawCompletedJob")).containsExactly("Saw completed job: report-"
          + first.toEpochSecond() / 60 + ", status: Failed");
    });

    // the next minute: a second failed Job; the first one goes (failedJobsHistoryLimit defaults to 1)
    clock.advance(Duration.ofMinutes(1));
    ZonedDateTime second = first.plusMinutes(1);
    Eventually.assertThat(TIMEOUT, () -> assertThat(jobs("report")).singleElement().satisfies(j -> {
      assertThat(j.getMetadata().getName()).isEqualTo("report-" + second.toEpochSecond() / 60);
      assertThat(failed(j)).isTrue();
    }));
    assertThat(events("report", "SuccessfulCreate")).hasSize(2);
    Eventually.assertThat(TIMEOUT, () -> assertThat(events("report", "SuccessfulDelete"))
        .containsExactly("Deleted job report-" + first.toEpochSecond() / 60));
    assertThat(simulator.errors()).isEmpty();
  }

  @Test
  void successesAreTimedAndKeptUpToTheirLimit() {
    create("backup", "successfulJobsHistoryLimit: 2", "echo ok");
    for (int i = 1; i <= 3; i++) {
      clock.advance(Duration.between(clock.instant(), nextMinute().toInstant()).plusSeconds(1));
      int n = i;
      Eventually.assertThat(TIMEOUT, () -> assertThat(events("backup", "SawCompletedJob")).hasSize(n));
    }
    Eventually.assertThat(TIMEOUT, () -> {
      assertThat(jobs("backup")).hasSize(2);
      CronJob c = cronJob("backup");
      Job newest = jobs("backup").get(1);
      assertThat(c.getStatus().getLastSuccessfulTime()).isEqualTo(newest.getStatus().getCompletionTime());
      assertThat(c.getStatus().getActive()).isEmpty();
    });
  }

  @Test
  void forbidSkipsWhileAJobRunsReplaceReplacesItAndSuspendStopsScheduling() {
    create("forbid", "concurrencyPolicy: Forbid", "echo started; sleep 3600");
    create("replace", "concurrencyPolicy: Replace", "echo started; sleep 3600");
    create("paused", "suspend: true", "echo started");
    clock.advance(Duration.between(clock.instant(), nextMinute().toInstant()).plusSeconds(1));
    Eventually.assertThat(TIMEOUT, () -> {
      assertThat(jobs("forbid")).hasSize(1);
      assertThat(jobs("replace")).hasSize(1);
      assertThat(cronJob("forbid").getStatus().getActive()).singleElement()
          .satisfies(r -> assertThat(r.getName()).isEqualTo(jobs("forbid").get(0).getMetadata().getName()));
    });
    String firstReplace = jobs("replace").get(0).getMetadata().getName();

    clock.advance(Duration.ofMinutes(1));
    Eventually.assertThat(TIMEOUT, () -> {
      assertThat(events("forbid", "JobAlreadyActive")).containsExactly(
          "Not starting job because prior execution is running and concurrency policy is Forbid");
      assertThat(jobs("replace")).singleElement()
          .satisfies(j -> assertThat(j.getMetadata().getName()).isNotEqualTo(firstReplace));
      assertThat(events("replace", "SuccessfulDelete")).containsExactly("Deleted job " + firstReplace);
    });
    assertThat(jobs("forbid")).hasSize(1);
    assertThat(jobs("paused")).isEmpty();
    assertThat(cronJob("paused").getStatus() == null || cronJob("paused").getStatus().getLastScheduleTime() == null)
        .isTrue();
  }

  @Test
  void anUnparsableScheduleIsOneWarningEvent() throws InterruptedException {
    CronJob bad = client.getKubernetesSerialization().unmarshal("""
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: bad, namespace: default}
        spec:
          schedule: "every day"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: c, image: busybox:1.36}]
        """, CronJob.class);
    clock.catchUp(Instant.parse(client.resource(bad).create().getMetadata().getCreationTimestamp()));
    Eventually.assertThat(TIMEOUT, () -> assertThat(events("bad", "UnparseableSchedule")).singleElement()
        .satisfies(m -> assertThat(m).startsWith("unparseable schedule: \"every day\"")));
    simulator.awaitTicks(5);
    assertThat(events("bad", "UnparseableSchedule")).hasSize(1);
    assertThat(simulator.errors()).isEmpty();
  }
}
