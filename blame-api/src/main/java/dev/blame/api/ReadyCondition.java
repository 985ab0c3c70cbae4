package dev.blame.api;

import java.util.Locale;
import java.util.Optional;

/**
 * A Kubernetes-style {@code Ready} condition derived from an {@link Explanation}, for an operator or a controller
 * that writes blame's verdict into a status. Its {@link #reason()} and {@link #message()} change only when the
 * verdict does: they are made of stable parts (the culprit's kind, name, reason code and revision), never of
 * counts or ages, which analyzers' messages carry (a crash-looping container's restart count grows on every
 * restart). A controller that writes the condition only when {@link #sameVerdict} is false therefore writes once
 * per change of verdict, not once per reconcile. The full finding, counts included, is {@link #detail()}: for an
 * Event or a log line, not for the condition.
 *
 * <p>What the condition says:
 *
 * <ul>
 *   <li>Healthy (or deliberately Suspended): {@code True}, reason {@code Available}, the verdict's summary as
 *       message;
 *   <li>Unknown: {@code Unknown}; anything else (Progressing, Missing, Degraded): {@code False};
 *   <li>then the reason is the first culprit's reason code (or the worst finding's, or the health's name), and
 *       the message names the culprit: {@code pod web-6b7d-abcde is CrashLoopBackOff since revision 2}, or the
 *       finding's own sentence when it is about the explained object itself.
 * </ul>
 *
 * <p>The reason and the message are ones the API server accepts in a condition ({@link Escape#conditionReason},
 * {@link Escape#conditionMessage}): a reason code it would refuse (an Event's reason may hold any letter) gives way
 * to the health's name, a message longer than 32768 characters is cut. Values as read from the cluster end up in
 * the message: encode it for any sink other than a status field.
 *
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param reason UpperCamelCase, as Kubernetes condition reasons are
 * @param message one line, stable while the verdict is
 * @param detail the culprit's full finding (or the verdict's summary); changes with counts; not compared
 */
public record ReadyCondition(String status, String reason, String message, String detail) {

  /**
   * The condition for the explained object.
   *
   * @param why blame's explanation of the object whose status holds the condition
   * @return the condition; never null
   */
  public static ReadyCondition of(Explanation why) {
    Verdict verdict = why.verdict();
    if (why.health() == Health.HEALTHY || why.health() == Health.SUSPENDED) {
      return new ReadyCondition("True", "Available", Escape.conditionMessage(verdict.message()), verdict.message());
    }
    String status = why.health() == Health.UNKNOWN ? "Unknown" : "False";
    String healthReason = camel(why.health().name());
    Optional<Finding> culprit = why.culprits().stream().findFirst().or(verdict::worstFinding);
    if (culprit.isEmpty()) {
      return new ReadyCondition(status, healthReason, Escape.conditionMessage(verdict.message()), verdict.message());
    }
    Finding f = culprit.get();
    // About the object itself (say, a child not created yet), the finding's own sentence reads better; analyzers
    // keep such sentences free of counts.
    String message = f.subject().key().equals(why.target().key()) ? f.message()
        : f.subject().kind().toLowerCase(Locale.ROOT) + " " + f.subject().name() + " is " + f.reason().code()
            + f.revision().map(r -> " since revision " + r.number()).orElse("");
    return new ReadyCondition(status, Escape.conditionReason(f.reason().code(), healthReason),
        Escape.conditionMessage(message), f.toString());
  }

  /**
   * Whether writing this condition over {@code other} would change nothing a reader sees: same status, reason
   * and message ({@link #detail()} is not compared).
   *
   * @param other the condition the status holds now; null when it holds none
   * @return true when they say the same
   */
  public boolean sameVerdict(ReadyCondition other) {
    return other != null && status.equals(other.status) && reason.equals(other.reason)
        && message.equals(other.message);
  }

  /** {@return true for {@code status: "True"}}. */
  public boolean isTrue() {
    return "True".equals(status);
  }

  private static String camel(String upperSnake) {
    StringBuilder out = new StringBuilder();
    for (String part : upperSnake.split("_")) {
      out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }
}
