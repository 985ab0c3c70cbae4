package dev.blame.analyzers.custom;

import static dev.blame.analyzers.custom.ReasonVocabulary.FAILURE;

import dev.blame.api.spi.Condition;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A release held at its promotion gate: the new version is ready and waits for a person or a hook to promote it,
 * while the live one keeps serving. The progressive-delivery operators call that wait a pause: Argo Rollouts' blue-green
 * rollout without auto-promotion pauses before the switch ({@code pauseConditions[].reason: BlueGreenPause}, which
 * Argo CD shows Suspended), Flagger's canary "promotion is paused until the hooks return HTTP 200" in phase
 * {@code WaitingPromotion}, and the Kong Gateway Operator's blue/green DataPlane writes {@code RolledOut=False
 * AwaitingPromotion} until {@code promote-when-ready} is set (held-out round sixty-two). Only the wait for the
 * promotion itself, in one short word or phrase: promoting ({@code Promoting}, {@code PromotionInProgress}) is work
 * under way and a failed promotion ({@code PromotionFailed}) a failure, as their own words say. A condition at the gate
 * whose message reports a failure, or whose severity is {@code Error} (the reporter gave up), is not a pause: a stop
 * for something wrong is a failure, as with a pause condition.
 */
final class PromotionGate {

  /** The rule of a wait at the promotion gate. */
  static final String RULE = "promotion-gate";

  /** {@code AwaitingPromotion}, {@code WaitingPromotion}, {@code Waiting for promotion}, separators removed. */
  private static final Pattern HELD = Pattern.compile("a?wait(ing|s)?(for)?(the)?(manual)?promotion");

  private PromotionGate() {}

  /** The rule by which a phase or a reason says the release waits at its promotion gate, if it does. */
  static Optional<String> held(String text) {
    String word = StatusWords.normal(text);
    return HELD.matcher(word).matches() ? Optional.of(RULE) : Optional.empty();
  }

  /** The rule by which a condition's reason says the release waits at its gate, unless it reports a failure. */
  static Optional<String> held(Condition c) {
    if ("Error".equalsIgnoreCase(c.severity()) || ReasonVocabulary.match(FAILURE, c.message()).isPresent()) {
      return Optional.empty();
    }
    return held(c.reason());
  }
}
