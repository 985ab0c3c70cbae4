package dev.blame.analyzers.custom;

import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.ImmutableFinding;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.Unstructured;
import java.util.List;

/** The findings {@link GenericResourceAnalyzer} writes: one per signal, and the one for a status it cannot read. */
final class GenericFindings {

  private GenericFindings() {}

  /**
   * A status with no signal we understand is UNKNOWN, unless it shows a controller at work on the object
   * ({@code working}: conditions, {@code observedGeneration} or any other status field written): then nothing is
   * ready yet, PROGRESSING.
   */
  static Verdict unrecognized(ObjectRef ref, Unstructured u, boolean working, List<Finding> findings) {
    List<String> fields = u.child("status").entries().stream().map(e -> e.getKey()).limit(12).toList();
    List<Condition> conditions = u.conditions();
    Health health = working ? Health.PROGRESSING : Health.UNKNOWN;
    String why = fields.isEmpty() ? "the status is empty"
        : "no condition, phase, state or health we understand among " + fields;
    ImmutableFinding.Builder finding = Finding.builder().subject(ref).health(health)
        .reason(working ? GenericResourceAnalyzer.NO_READINESS : GenericResourceAnalyzer.UNRECOGNIZED_STATUS)
        .message(working ? "its controller reports on it, but nothing says it is ready (" + why + ")"
            : "we cannot tell its health: " + why);
    conditions.stream().limit(4).forEach(c -> finding.addEvidence(c.evidence()));
    if (conditions.isEmpty()) {
      finding.addEvidence(Evidence.field("status", fields.isEmpty() ? "{}" : String.join(",", fields)));
    }
    findings.add(finding.build());
    return Judgement.of(health, working ? ReconcileStatus.IN_PROGRESS : ReconcileStatus.CURRENT,
        working ? "Waiting for the controller to report readiness" : "Status not understood", findings);
  }

  /** {@code status.message} explains the object's own phase or state, not a nested one's. */
  static Finding signal(ObjectRef ref, Signal s, Health health, String statusMessage) {
    ReasonCode fallback = switch (s.health()) {
      case DEGRADED -> GenericResourceAnalyzer.PHASE_FAILED;
      case SUSPENDED -> GenericResourceAnalyzer.SUSPENDED;
      case MISSING -> GenericResourceAnalyzer.REPORTED_MISSING;
      case UNKNOWN -> GenericResourceAnalyzer.REPORTED_UNKNOWN;
      default -> GenericResourceAnalyzer.PHASE_PENDING;
    };
    ReasonCode reason = s.condition().map(c -> c.reasonCode(fallback))
        .orElse(ReplicaCounts.isRatioField(s.field().substring(s.field().lastIndexOf('.') + 1))
            ? GenericResourceAnalyzer.REPLICAS_UNAVAILABLE
            : s.rules().contains(Rules.VALIDITY_EXPIRED) ? GenericResourceAnalyzer.EXPIRED : fallback);
    boolean own = s.condition().isEmpty() && s.field().indexOf('.') == s.field().lastIndexOf('.');
    String text = s.describe() + (own && !statusMessage.isEmpty() ? ": " + statusMessage : "");
    return Finding.builder().subject(ref).health(health).reason(reason).message(text)
        .addEvidence(s.evidence()).since(s.condition().flatMap(c -> c.since())).build();
  }
}
