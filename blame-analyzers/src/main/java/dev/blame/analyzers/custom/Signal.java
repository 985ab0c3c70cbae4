package dev.blame.analyzers.custom;

import dev.blame.api.Evidence;
import dev.blame.api.Health;
import dev.blame.api.spi.Condition;
import java.util.List;
import java.util.Optional;

/**
 * One thing the object says about its health, with the field that says it, the rules of the vocabulary that read it
 * ({@link Meaning#rules()}) and what the operator wrote beside the field to explain it (empty when nothing).
 */
record Signal(Health health, String field, String value, Optional<Condition> condition, List<String> rules,
    String explanation) {

  Signal {
    rules = List.copyOf(rules);
  }

  Signal(Health health, String field, String value, Optional<Condition> condition, List<String> rules) {
    this(health, field, value, condition, rules, "");
  }

  Signal(Meaning meaning, String field, String value, Optional<Condition> condition) {
    this(meaning.health(), field, value, condition, meaning.rules());
  }

  /** The same field read again by another rule, with its explanation kept. */
  Signal reread(Health newHealth, List<String> newRules) {
    return new Signal(newHealth, field, value, condition, newRules, explanation);
  }

  Evidence evidence() {
    return condition.map(Condition::evidence).orElseGet(() -> Evidence.field(field, value));
  }

  String describe() {
    if (rules.contains(Rules.CONDITION_STALE) || rules.contains(Rules.CONDITION_STALE_CONTROLLER)) {
      Condition c = condition.orElseThrow();
      return c.path() + " (" + c.type() + " is " + c.status() + ") was written for generation "
          + c.observedGeneration().orElse(0L) + (rules.contains(Rules.CONDITION_STALE_CONTROLLER) ? " by " + value : "")
          + ": not yet reported for the object's current generation";
    }
    if (rules.contains(Rules.VALIDITY_EXPIRED)) {
      // Which clock judged it matters: a capture read later makes a valid certificate look expired.
      return field + " is " + value + ", at or before the time of the analysis: the validity it states has ended";
    }
    return condition.map(c -> c.type() + " is " + c.status() + (c.describe().isEmpty() ? "" : ": " + c.describe()))
        .orElse(field + " is " + value + (explained() ? ": " + explanation : ""));
  }

  /**
   * Whether the explanation is said: only beside a word that is not healthy, since a healthy word says all there is
   * and an operator's old message kept beside it (the last error before it recovered) would read as its cause.
   */
  private boolean explained() {
    return !explanation.isEmpty() && health != Health.HEALTHY;
  }
}
