package dev.blame.analyzers.custom;

import java.util.Optional;
import java.util.Set;

/**
 * The names of the vocabulary's rules ({@link Meaning#rules()}) that the analysis itself looks up, owned here so that
 * the reader that writes one and the code that reads it name the same constant. A name is a family and a detail
 * ({@code word:failed}: the family {@link Family#WORD}, the word read). The leave-one-operator-out estimate reads
 * every name as an opaque identifier; the names nothing looks up are made where they are given.
 */
final class Rules {

  /** Families whose members the analysis tells apart by their family. */
  enum Family {
    /** A status word of the table ({@code word:running}). */
    WORD("word:"),
    /** A status read by the form of its word or phrase ({@code form:-ing}, {@code form:phrase}). */
    FORM("form:"),
    /** A compound status word read by its last word ({@code suffix:failed}). */
    SUFFIX("suffix:"),
    /** A counter of parts or failures ({@code counter:failed}, {@code counter:pending}). */
    COUNTER("counter:"),
    /** A condition type good when True, by its last word ({@code type:positive:ready}). */
    TYPE_POSITIVE("type:positive:"),
    /** A condition type of work under way ({@code type:progress:provisioning}). */
    TYPE_PROGRESS("type:progress:"),
    /**
     * A bad-when-True condition kept False with a failure reason, by the reason or message word read
     * ({@code false-with-failure:failed}).
     */
    FAILURE_KEPT_FALSE("false-with-failure:");

    private final String prefix;

    Family(String prefix) {
      this.prefix = prefix;
    }

    /** The rule of this family with this detail. */
    String of(String detail) {
      return prefix + detail;
    }

    boolean holds(String rule) {
      return rule.startsWith(prefix);
    }

    /** The detail of a rule of this family ({@code type:progress:pending}: {@code pending}), or empty. */
    Optional<String> detail(String rule) {
      return holds(rule) ? Optional.of(rule.substring(prefix.length())) : Optional.empty();
    }
  }

  /** A good status word qualified by {@code Partial} or {@code Partially} ({@code PartialReady}): DEGRADED. */
  static final String FORM_PARTIAL = Family.FORM.of("partial");
  /** A True good condition whose reason is a good word qualified by {@code Partial} ({@code PartiallyValid}). */
  static final String REASON_TRUE_BUT_PARTIAL = "reason:true-but-partial";
  /** A condition written for an older generation, alone in its object. */
  static final String CONDITION_STALE = "condition:stale";
  /** A controller named beside its conditions that wrote none for the object's generation. */
  static final String CONDITION_STALE_CONTROLLER = "condition:stale-controller";
  /** {@code status.notAfter} at or before the analysis' clock ({@link Validity}). */
  static final String VALIDITY_EXPIRED = "validity:expired";
  /** A percentage of a run done, below 100. */
  static final String PROGRESS_INCOMPLETE = "progress:incomplete";
  /** A condition type qualified by {@code Partially}: a good state reached in part. */
  static final String TYPE_PARTIAL = "type:partial";
  static final String COUNTER_PENDING = Family.COUNTER.of("pending");
  static final String WORD_RUNNING = Family.WORD.of("running");
  static final String TYPE_POSITIVE_RUNNING = Family.TYPE_POSITIVE.of("running");
  /** Rules of a run that ended well: a failure counted before them was retried. */
  static final Set<String> DONE = Set.of(Family.WORD.of("succeeded"), Family.WORD.of("successful"),
      Family.WORD.of("success"), Family.WORD.of("completed"), Family.WORD.of("complete"), Family.WORD.of("finished"),
      Family.WORD.of("done"), Family.TYPE_POSITIVE.of("succeeded"), Family.TYPE_POSITIVE.of("complete"),
      Family.TYPE_POSITIVE.of("success"));

  private Rules() {}
}
