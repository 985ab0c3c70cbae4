package dev.blame.analyzers.support;

import dev.blame.api.Activity;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.RevisionRef;
import dev.blame.api.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Collects what an analyzer finds about one object and builds its {@link Verdict}: health is never better
 * than the worst finding, findings come out worst first, and a deleting object is {@code TERMINATING}
 * whatever else holds (kstatus checks deletion before anything else).
 */
public final class Judgement {

  private final ObjectRef subject;
  private Health health = Health.HEALTHY;
  private ReconcileStatus status = ReconcileStatus.CURRENT;
  private boolean terminating;
  private String message = "";
  private Optional<RevisionRef> revision = Optional.empty();
  private final List<Finding> findings = new ArrayList<>();
  private final List<Activity> activities = new ArrayList<>();

  public Judgement(ObjectRef subject) {
    this.subject = subject;
  }

  public ObjectRef subject() {
    return subject;
  }

  public Health health() {
    return health;
  }

  public ReconcileStatus status() {
    return status;
  }

  /** Makes health and status at least as bad as these. */
  public Judgement worsen(Health health, ReconcileStatus status) {
    this.health = Health.worst(this.health, health);
    this.status = ReconcileStatus.worst(this.status, status);
    return this;
  }

  public Judgement terminating() {
    this.terminating = true;
    return this;
  }

  /** The one-line summary; the first one set wins, so early exits keep theirs. */
  public Judgement message(String message) {
    if (this.message.isEmpty()) {
      this.message = message;
    }
    return this;
  }

  public Judgement revision(Optional<RevisionRef> revision) {
    this.revision = revision;
    return this;
  }

  public Optional<RevisionRef> revision() {
    return revision;
  }

  public Judgement activity(Activity activity) {
    activities.add(activity);
    return this;
  }

  /** Adds a finding about the subject and worsens health to match it. */
  public Judgement find(Health health, ReasonCode reason, String message, Evidence... evidence) {
    return add(base(health, reason, message, Optional.empty(), evidence).build());
  }

  /** Adds a finding about one container of the subject. */
  public Judgement findInContainer(
      String container, Health health, ReasonCode reason, String message, Optional<Instant> since,
      Evidence... evidence) {
    return add(base(health, reason, message, since, evidence).container(container).build());
  }

  public Judgement add(Finding finding) {
    findings.add(finding);
    if (finding.subject().equals(subject)) {
      health = Health.worst(health, finding.health());
    }
    return this;
  }

  /**
   * Lowers the subject's findings with these reasons to {@code to} where they are worse: a generic state (a wait in
   * ContainerCreating) that a specific finding (the Event or missing object that keeps it there) explains stays as
   * information, so that the specific finding, not the generic one, is the culprit. Health is not lowered.
   */
  public Judgement demote(java.util.Set<ReasonCode> reasons, Health to) {
    findings.replaceAll(f -> reasons.contains(f.reason()) && f.subject().equals(subject) && f.health().isWorseThan(to)
        ? Finding.builder().from(f).health(to).build() : f);
    return this;
  }

  public boolean has(ReasonCode reason) {
    return findings.stream().anyMatch(f -> f.reason().equals(reason));
  }

  public List<Finding> findings() {
    return List.copyOf(findings);
  }

  private dev.blame.api.ImmutableFinding.Builder base(
      Health health, ReasonCode reason, String message, Optional<Instant> since, Evidence... evidence) {
    return Finding.builder()
        .subject(subject)
        .health(health)
        .reason(reason)
        .message(message)
        .since(since)
        .revision(revision)
        .addAllEvidence(Arrays.asList(evidence));
  }

  /**
   * For analyzers that collect their findings first and judge in one step: a verdict of at least
   * {@code health}, raised to the worst finding's health (whatever its subject), findings worst first. The
   * status is raised to {@link ReconcileStatus#FAILED} when a finding is {@link Health#DEGRADED} (unless
   * {@code TERMINATING}), and to {@link ReconcileStatus#IN_PROGRESS} when one is {@link Health#PROGRESSING} and
   * the status was CURRENT. An empty message becomes the worst finding's when findings made health worse.
   */
  public static Verdict of(Health health, ReconcileStatus status, String message, List<Finding> findings) {
    Health worst = findings.stream().map(Finding::health).reduce(health, Health::worst);
    ReconcileStatus raised = status;
    if (worst == Health.DEGRADED && status != ReconcileStatus.TERMINATING) {
      raised = ReconcileStatus.worst(status, ReconcileStatus.FAILED);
    } else if (worst == Health.PROGRESSING && status == ReconcileStatus.CURRENT) {
      raised = ReconcileStatus.IN_PROGRESS;
    }
    String summary = message.isEmpty() && worst != health
        ? findings.stream().min(Finding.WORST_FIRST).map(Finding::message).orElse("") : message;
    Judgement judgement = new Judgement(null).worsen(worst, raised).message(summary);
    judgement.findings.addAll(findings);
    return judgement.build();
  }

  /** Nothing wrong. */
  public static Verdict healthy(String message) {
    return Verdict.of(Health.HEALTHY, ReconcileStatus.CURRENT, message);
  }

  public Verdict build() {
    return Verdict.builder()
        .health(health)
        .status(terminating ? ReconcileStatus.TERMINATING : status)
        .message(message)
        .findings(findings.stream().sorted(Finding.WORST_FIRST).toList())
        .revision(revision)
        .activities(activities)
        .build();
  }
}
