package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Condition;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the order in time of a list's True conditions says: an action that began after the object was last ready is
 * under way, and a creation step that turned True before readiness did is a step done.
 */
final class ConditionTimeline {

  private ConditionTimeline() {}

  /**
   * A True action condition ({@code Executing}, {@code Scaling}, {@code Migrating}: one present participle) that
   * turned True after every True readiness condition beside it: work that began since the object was last ready, so
   * it is under way (Forklift's Plan: {@code Executing=True} an hour after {@code Ready=True}, the plan's validity).
   * One that turned True before it, or at the same time, is the log of an earlier step that operators leave behind
   * (Percona's {@code Initializing=True} beside a later {@code Ready=True}); without times nothing is said.
   */
  static Optional<Signal> newerAction(List<Condition> conditions) {
    Optional<Instant> readySince = conditions.stream().filter(c -> c.isTrue()
        && StatusSignals.GOOD_WHEN_TRUE.contains(StatusSignals.last(ConditionVocabulary.words(c.type()))))
        .map(Condition::since).flatMap(Optional::stream).max(Comparator.naturalOrder());
    if (readySince.isEmpty()) {
      return Optional.empty();
    }
    return conditions.stream().filter(c -> c.isTrue() && ConditionVocabulary.words(c.type()).size() == 1
        && ReasonVocabulary.work(ConditionVocabulary.words(c.type()).get(0))
        && c.since().filter(t -> t.isAfter(readySince.get())).isPresent()).findFirst()
        .map(c -> new Signal(Health.PROGRESSING, c.path(), c.status(), Optional.of(c), List.of("type:action:newer")));
  }

  /** Progress words of the steps by which an object comes into being, once. */
  static final Set<String> CREATION_STEPS = Set.of("provisioning", "installing", "deploying", "pending");

  /**
   * A True progress condition ({@code Provisioning}, {@code Updating}) that turned True before a True good condition of
   * the same list ({@code Active}, {@code Ready}) turned True is the log of a step already done: operators that keep one
   * condition per lifecycle state leave the earlier ones True (the OCI Service Operator's {@code Provisioning} then
   * {@code Active}). Without times, or from the same moment, it stays work under way. Only the steps of coming into
   * being, done once ({@link #CREATION_STEPS}): work that recurs ({@code Updating}, {@code Upgrading}, {@code Scaling},
   * Cluster API's {@code RollingOut}) and the conditions kept True while work lasts ({@code Progressing}, whose
   * transition time stays while its {@code lastUpdateTime} moves; kstatus' {@code Reconciling}) may well be older than
   * a readiness that flapped during them, so their age says nothing.
   */
  static void olderProgress(List<Signal> signals) {
    signals.removeIf(sg -> sg.health() == Health.PROGRESSING
        && sg.rules().stream().anyMatch(r -> Rules.Family.TYPE_PROGRESS.detail(r).filter(CREATION_STEPS::contains)
            .isPresent())
        && sg.condition().filter(Condition::isTrue).filter(c -> goodTurnedTrueAfter(signals, c)).isPresent());
  }

  /**
   * A bad-when-True condition written False with a failure reason ({@code Failure=False} reason
   * {@code ClusterFailure}) that a True good condition of the same list turned True after: the fault was cleared and
   * the object recovered since, as operators that flip the condition to False keep the reason it had. One as old as
   * the readiness, or without times, stays the failure it says.
   */
  static void clearedFailure(List<Signal> signals) {
    signals.removeIf(sg -> sg.health() == Health.DEGRADED
        && sg.rules().stream().anyMatch(Rules.Family.FAILURE_KEPT_FALSE::holds)
        && sg.condition().filter(Condition::isFalse).filter(c -> goodTurnedTrueAfter(signals, c)).isPresent());
  }

  /** The last word of a condition type that names the success of what the rest of the type names. */
  private static final Set<String> SUCCESS_WORDS = Set.of("success", "succeeded", "successful", "succeded");
  /** The last word of a condition type that names its failure. */
  private static final Set<String> FAILURE_WORDS = Set.of("error", "failed", "failure");

  /**
   * Two True conditions that name the two outcomes of one action ({@code ReconcileError} and {@code ReconcileSuccess}:
   * the same words, then a failure word or a success word) are a pair of which the later is the outcome now: operators
   * that set one outcome True and never reset the other leave the earlier one behind (redhat-cop's operator-utils
   * {@code ManageError}/{@code ManageSuccess}, as its vault-config-operator, namespace-configuration-operator and
   * group-sync-operator use them; the vault-config-operator's maintainer: "looking at the transition time will tell what
   * the real status is"). The failure is dropped when the success turned True after it; one as old, or without times,
   * stays the failure it says.
   */
  static void supersededFailure(List<Signal> signals) {
    signals.removeIf(sg -> sg.health() == Health.DEGRADED && sg.condition().filter(Condition::isTrue)
        .filter(c -> outcome(c, FAILURE_WORDS).isPresent())
        .filter(c -> trueAfter(signals, c, o -> outcome(o, SUCCESS_WORDS).equals(outcome(c, FAILURE_WORDS))))
        .isPresent());
  }

  /** The words of an outcome condition's type before its last word, when that word is one of {@code last}. */
  private static Optional<List<String>> outcome(Condition c, Set<String> last) {
    List<String> words = ConditionVocabulary.words(c.type());
    return words.size() > 1 && last.contains(StatusSignals.last(words))
        ? Optional.of(words.subList(0, words.size() - 1)) : Optional.empty();
  }

  /** Whether a HEALTHY signal's True condition of the same list as {@code c} turned True after {@code c} changed. */
  private static boolean goodTurnedTrueAfter(List<Signal> signals, Condition c) {
    return trueAfter(signals, c, o -> true);
  }

  /**
   * Whether a HEALTHY signal's True condition of the same list as {@code c}, one that {@code also} accepts, turned True
   * after {@code c} changed; without times, never.
   */
  private static boolean trueAfter(List<Signal> signals, Condition c, Predicate<Condition> also) {
    return c.since().filter(t -> signals.stream().anyMatch(other -> other.health() == Health.HEALTHY
        && other.condition().filter(o -> o.isTrue() && o.path().equals(c.path()) && also.test(o))
            .flatMap(Condition::since).filter(later -> later.isAfter(t)).isPresent())).isPresent();
  }
}
