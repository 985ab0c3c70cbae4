package dev.blame.analyzers.support;

import dev.blame.api.Evidence;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Judgement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * kstatus' rules that hold for every kind (cli-utils {@code pkg/kstatus/status/generic.go} and
 * {@code core.go checkGenericProperties}): a deletion timestamp means terminating, an
 * {@code observedGeneration} behind {@code metadata.generation} means the controller has not seen the
 * latest spec, and {@code Reconciling}/{@code Stalled} conditions say what they say.
 */
public final class GenericStatus {

  public static final ReasonCode DELETION_PENDING = ReasonCode.of("DeletionPending");
  public static final ReasonCode GENERATION_NOT_OBSERVED = ReasonCode.of("GenerationNotObserved");
  public static final ReasonCode RECONCILING = ReasonCode.of("Reconciling");
  public static final ReasonCode STALLED = ReasonCode.of("Stalled");
  public static final ReasonCode STATUS_MISSING = ReasonCode.of("StatusMissing");

  /** How long a new object may go without a status before that is suspicious rather than normal. */
  public static final Duration STATUS_GRACE = Duration.ofSeconds(60);

  private GenericStatus() {}

  /** Notes a pending deletion; the verdict's status becomes {@code TERMINATING}. */
  public static void deletion(Node node, Judgement judgement) {
    node.deletedAt().ifPresent(at -> judgement.terminating().find(
        Health.PROGRESSING, DELETION_PENDING, "Pending deletion",
        Evidence.timestamp("metadata.deletionTimestamp", at)));
  }

  /**
   * Returns true when the controller has not yet observed the latest spec, after noting it: the rest of the
   * status is then stale and should not be judged. A missing {@code observedGeneration} is not a lag.
   */
  public static boolean generationLags(Node node, Long observedGeneration, Judgement judgement) {
    if (observedGeneration == null || observedGeneration >= node.generation()) {
      return false;
    }
    judgement.worsen(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS)
        .message("Waiting for the controller to observe generation " + node.generation())
        .find(Health.PROGRESSING, GENERATION_NOT_OBSERVED,
            "The controller has observed generation " + observedGeneration + " of " + node.generation(),
            Evidence.field("status.observedGeneration", String.valueOf(observedGeneration)),
            Evidence.field("metadata.generation", String.valueOf(node.generation())));
    return true;
  }

  /**
   * The status preamble of a kind its controller reports on: notes a missing status ({@link #statusMissing}) or
   * a controller that has not observed the latest spec ({@link #generationLags}). Returns true when neither
   * holds, so that the rest of the status is current and may be judged.
   */
  public static <S> boolean statusCurrent(Node node, S status, Function<S, Long> observedGeneration, Instant now,
      Judgement judgement) {
    if (status == null) {
      statusMissing(node, now, judgement);
      return false;
    }
    return !generationLags(node, observedGeneration.apply(status), judgement);
  }

  /** The standard {@code Reconciling} and {@code Stalled} conditions, where a kind carries them. */
  public static void standardConditions(List<Condition> conditions, Judgement judgement) {
    Condition.find(conditions, "Stalled").filter(Condition::isTrue).ifPresent(c -> judgement
        .worsen(Health.DEGRADED, ReconcileStatus.FAILED)
        .find(Health.DEGRADED, STALLED, text(c), c.evidence()));
    Condition.find(conditions, "Reconciling").filter(Condition::isTrue).ifPresent(c -> judgement
        .worsen(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS)
        .find(Health.PROGRESSING, RECONCILING, text(c), c.evidence()));
  }

  /**
   * Notes an object without a status. kstatus reads it as InProgress (not yet observed). Health is
   * PROGRESSING for a new object and UNKNOWN once it is older than {@link #STATUS_GRACE} or undated: by
   * then a missing status more likely means the status was not captured, and we cannot tell.
   */
  public static void statusMissing(Node node, Instant now, Judgement judgement) {
    boolean young = Times.withinGrace(now, node.createdAt(), STATUS_GRACE);
    Health health = young ? Health.PROGRESSING : Health.UNKNOWN;
    judgement.worsen(health, ReconcileStatus.IN_PROGRESS)
        .message(young ? "Waiting for the controller to report status" : "No status")
        .find(health, STATUS_MISSING, node.ref().display() + " has no status"
            + (young ? " yet" : ": its controller has not reported, or the status was not captured"),
            Evidence.field("status", "<absent>"));
  }

  private static String text(Condition c) {
    return c.message().isEmpty() ? c.type() + " " + c.reason() : c.message();
  }
}
