package dev.blame.api.spi;

import dev.blame.api.Activity;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.ImmutableFinding;
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
import java.util.Set;

/**
 * Collects what an analyzer finds about one object and builds its {@link Verdict}: health is never better
 * than the worst finding, findings come out worst first, and a deleting object is {@code TERMINATING}
 * whatever else holds (kstatus checks deletion before anything else). The built-in analyzers build every
 * verdict with it.
 *
 * <pre>{@code
 * Judgement j = new Judgement(ctx.node().ref());
 * if (failed) {
 *   j.worsen(Health.DEGRADED, ReconcileStatus.FAILED).message("provisioning failed")
 *       .find(Health.DEGRADED, PROVISIONING_FAILED, "...", Evidence.field("status.phase", "Failed"));
 * }
 * return j.message("ready").build();
 * }</pre>
 *
 * <p>Not thread-safe: one per analysis.
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

  /**
   * Starts a judgement: HEALTHY, CURRENT, no findings.
   *
   * @param subject the object judged; findings added with {@link #find} are about it
   */
  public Judgement(ObjectRef subject) {
    this.subject = subject;
  }

  /** {@return the object judged} */
  public ObjectRef subject() {
    return subject;
  }

  /** {@return the health so far} */
  public Health health() {
    return health;
  }

  /** {@return the reconcile status so far} */
  public ReconcileStatus status() {
    return status;
  }

  /**
   * Makes health and status at least as bad as these.
   *
   * @param health the health the verdict is at least
   * @param status the reconcile status the verdict is at least
   * @return this
   */
  public Judgement worsen(Health health, ReconcileStatus status) {
    this.health = Health.worst(this.health, health);
    this.status = ReconcileStatus.worst(this.status, status);
    return this;
  }

  /**
   * Marks the object as being deleted: the verdict's status is {@link ReconcileStatus#TERMINATING}.
   *
   * @return this
   */
  public Judgement terminating() {
    this.terminating = true;
    return this;
  }

  /**
   * Sets the one-line summary; the first one set wins, so early exits keep theirs.
   *
   * @param message the summary
   * @return this
   */
  public Judgement message(String message) {
    if (this.message.isEmpty()) {
      this.message = message;
    }
    return this;
  }

  /**
   * Sets the revision the object is at; findings added afterwards carry it.
   *
   * @param revision the revision, or empty
   * @return this
   */
  public Judgement revision(Optional<RevisionRef> revision) {
    this.revision = revision;
    return this;
  }

  /** {@return the revision set, if any} */
  public Optional<RevisionRef> revision() {
    return revision;
  }

  /**
   * Adds what the object's controller is doing now.
   *
   * @param activity the activity
   * @return this
   */
  public Judgement activity(Activity activity) {
    activities.add(activity);
    return this;
  }

  /**
   * Adds a finding about the subject and worsens health to match it.
   *
   * @param health the finding's health
   * @param reason its machine-readable reason
   * @param message its one-line text
   * @param evidence what justifies it
   * @return this
   */
  public Judgement find(Health health, ReasonCode reason, String message, Evidence... evidence) {
    return add(base(health, reason, message, Optional.empty(), evidence).build());
  }

  /**
   * Adds a finding about one container of the subject and worsens health to match it.
   *
   * @param container the container's name
   * @param health the finding's health
   * @param reason its machine-readable reason
   * @param message its one-line text
   * @param since when the state began, if known
   * @param evidence what justifies it
   * @return this
   */
  public Judgement findInContainer(
      String container, Health health, ReasonCode reason, String message, Optional<Instant> since,
      Evidence... evidence) {
    return add(base(health, reason, message, since, evidence).container(container).build());
  }

  /**
   * Adds a finding; health worsens to match it when it is about the subject (a finding about a child, lifted
   * to explain the subject, does not).
   *
   * @param finding the finding
   * @return this
   */
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
   *
   * @param reasons the reasons of the findings to lower
   * @param to the health they are lowered to
   * @return this
   */
  public Judgement demote(Set<ReasonCode> reasons, Health to) {
    findings.replaceAll(f -> reasons.contains(f.reason()) && f.subject().equals(subject) && f.health().isWorseThan(to)
        ? Finding.builder().from(f).health(to).build() : f);
    return this;
  }

  /**
   * Tells whether a finding with this reason was added.
   *
   * @param reason the reason
   * @return true if one was
   */
  public boolean has(ReasonCode reason) {
    return findings.stream().anyMatch(f -> f.reason().equals(reason));
  }

  /** {@return the findings so far, in the order added} */
  public List<Finding> findings() {
    return List.copyOf(findings);
  }

  private ImmutableFinding.Builder base(
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
   *
   * @param health the health the verdict is at least
   * @param status the reconcile status before the findings raise it
   * @param message the summary, or {@code ""}
   * @param findings the findings, about the subject or its children
   * @return the verdict
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

  /**
   * A verdict with nothing wrong.
   *
   * @param message the summary
   * @return HEALTHY and CURRENT
   */
  public static Verdict healthy(String message) {
    return Verdict.of(Health.HEALTHY, ReconcileStatus.CURRENT, message);
  }

  /** {@return the verdict: findings worst first, TERMINATING if marked so} */
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
