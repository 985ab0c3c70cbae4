package dev.blame.testkit;

import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import java.util.List;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Narrows a set of findings, one condition at a time, and fails as soon as none is left:
 * {@code hasFinding(CRASH_LOOP_BACK_OFF).withContainer("main").withEvidence("status.containerStatuses[main]")}
 * passes when at least one finding meets every condition. The failure message lists the findings the chain
 * started from, with their evidence.
 */
public final class FindingAssert extends AbstractAssert<FindingAssert, List<Finding>> {

  private final List<Finding> pool;
  private final String chain;

  FindingAssert(List<Finding> candidates, List<Finding> pool, String chain) {
    super(candidates, FindingAssert.class);
    this.pool = pool;
    this.chain = chain;
    if (candidates.isEmpty()) {
      failWithMessage("expected a finding %s; findings:%n%s", chain, BlameAssertions.describe(pool));
    }
  }

  private FindingAssert narrow(String what, Predicate<Finding> test) {
    return new FindingAssert(actual.stream().filter(test).toList(), pool, chain + " " + what);
  }

  public FindingAssert withReason(ReasonCode reason) {
    return narrow("with reason " + reason, f -> f.reason().equals(reason));
  }

  public FindingAssert withHealth(Health health) {
    return narrow("with health " + health, f -> f.health() == health);
  }

  public FindingAssert withContainer(String container) {
    return narrow("in container " + container, f -> f.container().filter(container::equals).isPresent());
  }

  public FindingAssert about(ObjectRef subject) {
    return narrow("about " + subject, f -> f.subject().equals(subject));
  }

  public FindingAssert withMessage(String message) {
    return narrow("with message <" + message + ">", f -> f.message().equals(message));
  }

  public FindingAssert withMessageContaining(String text) {
    return narrow("mentioning <" + text + ">", f -> f.message().contains(text));
  }

  /** Some evidence was read at this path, e.g. {@code status.conditions[Progressing]} or {@code Event BackOff}. */
  public FindingAssert withEvidence(String path) {
    return narrow("with evidence at " + path, f -> f.evidence().stream().anyMatch(e -> e.path().equals(path)));
  }

  /** Some evidence was read at this path and its value contains the text. */
  public FindingAssert withEvidence(String path, String valueContaining) {
    return narrow("with evidence " + path + " containing <" + valueContaining + ">", f -> f.evidence().stream()
        .anyMatch(e -> e.path().equals(path) && e.value().contains(valueContaining)));
  }

  public FindingAssert withEvidenceOfKind(Evidence.Kind kind) {
    return narrow("with " + kind + " evidence", f -> f.evidence().stream().anyMatch(e -> e.kind() == kind));
  }

  public FindingAssert withRevisionNumber(long number) {
    return narrow("of revision " + number, f -> f.revision().filter(r -> r.number() == number).isPresent());
  }

  /** The one finding left; fails when the conditions so far leave more than one. */
  public Finding single() {
    if (actual.size() != 1) {
      failWithMessage("expected one finding %s but %s remain:%n%s", chain, actual.size(),
          BlameAssertions.describe(actual));
    }
    return actual.get(0);
  }
}
