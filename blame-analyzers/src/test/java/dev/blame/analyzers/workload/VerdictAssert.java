package dev.blame.analyzers.workload;

import dev.blame.api.Activity;
import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import org.assertj.core.api.AbstractAssert;

/** Domain assertions on verdicts: {@code assertThat(verdict).hasHealth(DEGRADED).hasReason(CRASH_LOOP_BACK_OFF)}. */
final class VerdictAssert extends AbstractAssert<VerdictAssert, Verdict> {

  private VerdictAssert(Verdict actual) {
    super(actual, VerdictAssert.class);
  }

  static VerdictAssert assertThat(Verdict verdict) {
    return new VerdictAssert(verdict);
  }

  VerdictAssert hasHealth(Health health) {
    isNotNull();
    if (actual.health() != health) {
      failWithMessage("expected health %s but was %s; findings:%n%s", health, actual.health(), findings());
    }
    return this;
  }

  VerdictAssert hasStatus(ReconcileStatus status) {
    isNotNull();
    if (actual.status() != status) {
      failWithMessage("expected status %s but was %s; findings:%n%s", status, actual.status(), findings());
    }
    return this;
  }

  VerdictAssert hasReason(ReasonCode reason) {
    isNotNull();
    if (actual.findings().stream().noneMatch(f -> f.reason().equals(reason))) {
      failWithMessage("expected a finding with reason %s; findings:%n%s", reason, findings());
    }
    return this;
  }

  /** Every finding carries evidence, and health is no better than the worst finding about the subject. */
  VerdictAssert isWellFormed() {
    isNotNull();
    for (Finding f : actual.findings()) {
      if (f.evidence().isEmpty()) {
        failWithMessage("finding without evidence: %s", f);
      }
      if (f.health().isWorseThan(actual.health()) && f.health() != Health.UNKNOWN) {
        failWithMessage("health %s is better than finding %s", actual.health(), f);
      }
    }
    return this;
  }

  VerdictAssert hasWorstFindingInContainer(String container) {
    isNotNull();
    String actualContainer = actual.worstFinding().flatMap(Finding::container).orElse("<none>");
    if (!actualContainer.equals(container)) {
      failWithMessage("expected the worst finding to be about container %s but was %s; findings:%n%s",
          container, actualContainer, findings());
    }
    return this;
  }

  VerdictAssert hasMessage(String message) {
    isNotNull();
    if (!actual.message().equals(message)) {
      failWithMessage("expected message <%s> but was <%s>", message, actual.message());
    }
    return this;
  }

  VerdictAssert hasRevisionNumber(long number) {
    isNotNull();
    long actualNumber = actual.revision().map(r -> r.number()).orElse(-1L);
    if (actualNumber != number) {
      failWithMessage("expected revision %s but was %s", number, actual.revision());
    }
    return this;
  }

  VerdictAssert hasActivities(java.util.List<String> activities) {
    isNotNull();
    java.util.List<String> texts = actual.activities().stream().map(Activity::toString).toList();
    if (!texts.equals(activities)) {
      failWithMessage("expected activities %s but were %s", activities, texts);
    }
    return this;
  }

  private String findings() {
    StringBuilder text = new StringBuilder();
    actual.findings().forEach(f -> text.append("  ").append(f).append(" <- ").append(f.evidence()).append('\n'));
    return text.toString();
  }
}
