package dev.blame.analyzers.testing;

import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Domain assertions on a {@link Verdict}. */
public final class VerdictAssert extends AbstractAssert<VerdictAssert, Verdict> {

  private VerdictAssert(Verdict actual) {
    super(actual, VerdictAssert.class);
  }

  public static VerdictAssert assertThat(Verdict actual) {
    return new VerdictAssert(actual);
  }

  public VerdictAssert hasHealth(Health health) {
    isNotNull();
    if (actual.health() != health) {
      failWithMessage("expected health %s but was %s; findings: %s", health, actual.health(), actual.findings());
    }
    return this;
  }

  public VerdictAssert hasStatus(ReconcileStatus status) {
    isNotNull();
    if (actual.status() != status) {
      failWithMessage("expected status %s but was %s; findings: %s", status, actual.status(), actual.findings());
    }
    return this;
  }

  /** The verdict's findings carry exactly these reasons (in any order). */
  public VerdictAssert hasReasons(List<ReasonCode> reasons) {
    isNotNull();
    List<ReasonCode> actualReasons = actual.findings().stream().map(Finding::reason).sorted().toList();
    if (!actualReasons.equals(reasons.stream().sorted().toList())) {
      failWithMessage("expected reasons %s but were %s; findings: %s", reasons, actualReasons, actual.findings());
    }
    return this;
  }

  public VerdictAssert hasReason(ReasonCode reason) {
    isNotNull();
    if (actual.findings().stream().noneMatch(f -> f.reason().equals(reason))) {
      failWithMessage("expected a finding %s; findings: %s", reason, actual.findings());
    }
    return this;
  }

  public VerdictAssert hasNoFindings() {
    isNotNull();
    if (!actual.findings().isEmpty()) {
      failWithMessage("expected no findings but got %s", actual.findings());
    }
    return this;
  }

  /** Some finding's message contains the text. */
  public VerdictAssert hasFindingMentioning(String text) {
    isNotNull();
    if (actual.findings().stream().noneMatch(f -> f.message().contains(text))) {
      failWithMessage("expected a finding mentioning '%s'; findings: %s", text, actual.findings());
    }
    return this;
  }

  /** Every finding carries evidence, and health is no better than the worst finding. */
  public VerdictAssert isWellFormed() {
    isNotNull();
    for (Finding f : actual.findings()) {
      if (f.evidence().isEmpty()) {
        failWithMessage("finding without evidence: %s", f);
      }
      if (f.health().isWorseThan(actual.health())) {
        failWithMessage("health %s is better than finding %s", actual.health(), f);
      }
    }
    return this;
  }
}
