package dev.blame.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import java.time.Instant;

/** One user health rule, for the kinds its key names. */
abstract class Rule {

  /** The rule's verdict. */
  static final ReasonCode HEALTH_RULE = ReasonCode.of("HealthRule");
  /** The rule could not judge the object: it failed, looped or returned something that is not a health. */
  static final ReasonCode HEALTH_RULE_FAILED = ReasonCode.of("HealthRuleFailed");

  /** The longest message kept from a rule. */
  private static final int MAX_MESSAGE = 1000;

  private final String key;
  private final String file;

  Rule(String key, String file) {
    this.key = key;
    this.file = file;
  }

  /** The Argo CD key the rule was written for: {@code group/Kind}, {@code Kind}, with {@code *} globs. */
  final String key() {
    return key;
  }

  /** Where the rule came from: a file, or a ConfigMap and key. */
  final String file() {
    return file;
  }

  final boolean isPattern() {
    return key.contains("*");
  }

  /** {@code file [key]}: what evidence names. */
  final String name() {
    return file + " [" + key + "]";
  }

  /** Judges one object, given as JSON; never throws for a problem with the object or the rule. */
  abstract Verdict judge(ObjectRef ref, JsonNode object, Instant now);

  final Verdict verdict(ObjectRef ref, Health health, String message, String returned) {
    String text = clip(message);
    Finding finding = Finding.builder().subject(ref).health(health).reason(HEALTH_RULE)
        .message(text.isBlank() ? health.toString().charAt(0) + health.toString().substring(1)
            .toLowerCase(java.util.Locale.ROOT) + " by " + name() : text)
        .addEvidence(Evidence.rule(name(), clip(returned)))
        .build();
    return Verdict.builder().health(health).status(statusOf(health)).message(text).addFinding(finding).build();
  }

  final Verdict failed(ObjectRef ref, String error) {
    String text = clip(name() + ": " + error);
    return Verdict.builder().health(Health.UNKNOWN).status(ReconcileStatus.UNKNOWN).message(text)
        .addFinding(Finding.builder().subject(ref).health(Health.UNKNOWN).reason(HEALTH_RULE_FAILED)
            .message(text).addEvidence(Evidence.rule(name(), clip(error))).build())
        .build();
  }

  static ReconcileStatus statusOf(Health health) {
    switch (health) {
      case HEALTHY:
      case SUSPENDED:
        return ReconcileStatus.CURRENT;
      case PROGRESSING:
        return ReconcileStatus.IN_PROGRESS;
      case DEGRADED:
        return ReconcileStatus.FAILED;
      case MISSING:
        return ReconcileStatus.NOT_FOUND;
      case UNKNOWN:
      default:
        return ReconcileStatus.UNKNOWN;
    }
  }

  static String clip(String text) {
    // Verbatim (trailing newlines included, as Argo CD keeps them): sinks encode what they print.
    String one = text == null ? "" : text;
    if (one.length() <= MAX_MESSAGE) {
      return one;
    }
    // Never between the two halves of a four-byte character (a lone surrogate is U+FFFD in JSON, an escape elsewhere).
    int end = Character.isHighSurrogate(one.charAt(MAX_MESSAGE - 1)) ? MAX_MESSAGE - 1 : MAX_MESSAGE;
    return one.substring(0, end) + "...";
  }
}
