package dev.blame.testkit;

import dev.blame.api.Explanation;
import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReconcileStatus;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an {@link Explanation}: {@code assertThat(why).hasCulprit(pod("shop", "db-0"))
 * .withReason(CRASH_LOOP_BACK_OFF)}. Obtain with {@link BlameAssertions#assertThat(Explanation)}.
 */
public final class ExplanationAssert extends AbstractAssert<ExplanationAssert, Explanation> {

  ExplanationAssert(Explanation actual) {
    super(actual, ExplanationAssert.class);
  }

  public ExplanationAssert isFound() {
    isNotNull();
    if (!actual.found()) {
      failWithMessage("expected %s to be in the graph", actual.target());
    }
    return this;
  }

  public ExplanationAssert isNotFound() {
    isNotNull();
    if (actual.found()) {
      failWithMessage("expected %s not to be in the graph, but it is %s", actual.target(), actual.verdict());
    }
    return this;
  }

  public ExplanationAssert hasHealth(Health health) {
    verdict().hasHealth(health);
    return this;
  }

  public ExplanationAssert hasStatus(ReconcileStatus status) {
    verdict().hasStatus(status);
    return this;
  }

  /** The target's verdict, to assert on further. */
  public VerdictAssert verdict() {
    isNotNull();
    return new VerdictAssert(actual.verdict());
  }

  /** Some culprit is about this object; the returned assertion narrows further ({@code .withReason(..)}). */
  public FindingAssert hasCulprit(ObjectRef subject) {
    isNotNull();
    return new FindingAssert(actual.culprits(), actual.culprits(), "").about(subject);
  }

  /** All culprits, to narrow with {@link FindingAssert}'s conditions. */
  public FindingAssert culprits() {
    isNotNull();
    return new FindingAssert(actual.culprits(), actual.culprits(), "");
  }

  public ExplanationAssert hasNoCulprits() {
    isNotNull();
    if (!actual.culprits().isEmpty()) {
      failWithMessage("expected no culprits; culprits:%n%s", BlameAssertions.describe(actual.culprits()));
    }
    return this;
  }

  /**
   * The target's verdict is well formed ({@link VerdictAssert#isWellFormedFor}), every finding of the
   * explanation carries evidence, and every culprit is among the findings.
   */
  public ExplanationAssert isWellFormed() {
    verdict().isWellFormedFor(actual.target());
    for (Finding f : actual.findings()) {
      if (f.evidence().isEmpty()) {
        failWithMessage("finding without evidence: %s", f);
      }
    }
    for (Finding c : actual.culprits()) {
      if (!actual.findings().contains(c)) {
        failWithMessage("culprit %s is not among the findings", c);
      }
    }
    return this;
  }
}
