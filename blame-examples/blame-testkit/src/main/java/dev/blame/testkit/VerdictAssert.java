package dev.blame.testkit;

import dev.blame.api.Activity;
import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.RevisionRef;
import dev.blame.api.Verdict;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Verdict}; failures print every finding with its evidence. Obtain with
 * {@link BlameAssertions#assertThat(Verdict)}.
 */
public final class VerdictAssert extends AbstractAssert<VerdictAssert, Verdict> {

  VerdictAssert(Verdict actual) {
    super(actual, VerdictAssert.class);
  }

  public VerdictAssert hasHealth(Health health) {
    isNotNull();
    if (actual.health() != health) {
      failWithMessage("expected health %s but was %s; findings:%n%s", health, actual.health(), described());
    }
    return this;
  }

  public VerdictAssert hasStatus(ReconcileStatus status) {
    isNotNull();
    if (actual.status() != status) {
      failWithMessage("expected status %s but was %s; findings:%n%s", status, actual.status(), described());
    }
    return this;
  }

  public VerdictAssert hasMessage(String message) {
    isNotNull();
    if (!actual.message().equals(message)) {
      failWithMessage("expected message <%s> but was <%s>", message, actual.message());
    }
    return this;
  }

  /** Some finding has this reason; the returned assertion narrows further ({@code .withContainer("main")}). */
  public FindingAssert hasFinding(ReasonCode reason) {
    isNotNull();
    return new FindingAssert(actual.findings(), actual.findings(), "").withReason(reason);
  }

  /** All findings, to narrow with {@link FindingAssert}'s conditions. */
  public FindingAssert findings() {
    isNotNull();
    return new FindingAssert(actual.findings(), actual.findings(), "");
  }

  /** Some finding has this reason. */
  public VerdictAssert hasReason(ReasonCode reason) {
    hasFinding(reason);
    return this;
  }

  /** The findings' reasons are exactly these, in any order, repeats counted. */
  public VerdictAssert hasReasons(List<ReasonCode> reasons) {
    isNotNull();
    List<ReasonCode> actualReasons = actual.findings().stream().map(Finding::reason).sorted().toList();
    if (!actualReasons.equals(reasons.stream().sorted().toList())) {
      failWithMessage("expected reasons %s but were %s; findings:%n%s", reasons, actualReasons, described());
    }
    return this;
  }

  public VerdictAssert hasNoFindings() {
    isNotNull();
    if (!actual.findings().isEmpty()) {
      failWithMessage("expected no findings; findings:%n%s", described());
    }
    return this;
  }

  /** Some finding's message contains the text. */
  public VerdictAssert hasFindingMentioning(String text) {
    findings().withMessageContaining(text);
    return this;
  }

  /** The worst finding ({@link Verdict#worstFinding()}) is about this container. */
  public VerdictAssert hasWorstFindingInContainer(String container) {
    isNotNull();
    String actualContainer = actual.worstFinding().flatMap(Finding::container).orElse("<none>");
    if (!actualContainer.equals(container)) {
      failWithMessage("expected the worst finding to be about container %s but was %s; findings:%n%s",
          container, actualContainer, described());
    }
    return this;
  }

  public VerdictAssert hasRevisionNumber(long number) {
    isNotNull();
    long actualNumber = actual.revision().map(RevisionRef::number).orElse(-1L);
    if (actualNumber != number) {
      failWithMessage("expected revision %s but was %s", number, actual.revision());
    }
    return this;
  }

  /** Exactly these activities, as {@link Activity#toString()} prints them, in order. */
  public VerdictAssert hasActivities(List<String> activities) {
    isNotNull();
    List<String> texts = actual.activities().stream().map(Activity::toString).toList();
    if (!texts.equals(activities)) {
      failWithMessage("expected activities %s but were %s", activities, texts);
    }
    return this;
  }

  /**
   * The engine's invariants for a verdict about {@code subject}: every finding carries evidence, and health is
   * no better than the worst finding about the subject itself (findings lifted from other objects may be
   * worse).
   */
  public VerdictAssert isWellFormedFor(ObjectRef subject) {
    return wellFormed(f -> f.subject().equals(subject));
  }

  /**
   * Like {@link #isWellFormedFor} with every finding counted as about the subject: for verdicts from a single
   * analyzer, which should not carry findings about other objects.
   */
  public VerdictAssert isWellFormed() {
    return wellFormed(f -> true);
  }

  private VerdictAssert wellFormed(java.util.function.Predicate<Finding> aboutSubject) {
    isNotNull();
    for (Finding f : actual.findings()) {
      if (f.evidence().isEmpty()) {
        failWithMessage("finding without evidence: %s", f);
      }
      if (aboutSubject.test(f) && f.health().isWorseThan(actual.health())) {
        failWithMessage("health %s is better than finding %s", actual.health(), f);
      }
    }
    return this;
  }

  private String described() {
    return BlameAssertions.describe(actual.findings());
  }
}
