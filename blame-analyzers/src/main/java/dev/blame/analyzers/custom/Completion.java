package dev.blame.analyzers.custom;

import dev.blame.api.spi.Condition;
import java.util.List;
import java.util.Set;

/**
 * A readiness ended by completion: the object did what it was for and so is no longer ready for more, which its
 * controller writes as a False readiness whose reason is the completion. Kubernetes' own Pod does so when its
 * containers have run to completion ({@code Ready=False} and {@code ContainersReady=False}, reason
 * {@code PodCompleted}, in phase {@code Succeeded}), and Koordinator's Reservation once an allocate-once reservation
 * served its owner ({@code Ready=False} reason {@code Succeeded}, in phase {@code Succeeded}; held-out round
 * sixty-four). Such a condition is no wait and no failure: it says nothing by itself, and the outcome is read where the
 * object keeps it (its phase). Only on a readiness ({@code Ready}, {@code ContainersReady}), and only a reason whose
 * last word is the completion ({@code PodCompleted}, {@code Succeeded}): not one that qualifies it
 * ({@code CompletedWithErrors}) nor one that denies it ({@code OperationNotCompleted}, StackGres' run under way).
 */
final class Completion {

  private static final Set<String> DONE = Set.of("completed", "succeeded");

  private Completion() {}

  /** Whether this False condition is a readiness that ended because the object completed. */
  static boolean ended(Condition c) {
    List<String> type = ConditionVocabulary.words(c.type());
    return !type.isEmpty() && type.get(type.size() - 1).equals("ready")
        && ReasonVocabulary.endsPlainlyIn(c.reason(), DONE);
  }
}
