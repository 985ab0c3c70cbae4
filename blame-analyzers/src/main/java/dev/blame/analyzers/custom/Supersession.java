package dev.blame.analyzers.custom;

import dev.blame.api.spi.Condition;
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

  private static final Set<String> OVERRIDDEN = Set.of("overridden");

  private Supersession() {}

  /** Whether this False condition says the object gave way to another that takes precedence. */
  static boolean overridden(Condition c) {
    return ReasonVocabulary.endsPlainlyIn(c.reason(), OVERRIDDEN);
  }
}
