package dev.blame.examples.operator;

import dev.blame.api.BlameTree;
import dev.blame.api.Escape;
import dev.blame.api.Explanation;
import dev.blame.api.Finding;
import dev.blame.api.Health;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The WebApp's {@code Ready} condition as the operator derives it from blame's explanation: what it writes,
 * and what it compares to decide whether anything needs writing.
 *
 * <p>The message is made of stable parts only (the culprit's kind, name, reason and revision), never of
 * counts or ages: a crash-looping pod's restart count grows forever, and a message that carried it would
 * turn every restart into a status write. The full finding, counts included, goes into the Event instead.
 *
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param reason UpperCamelCase: the culprit's reason ({@code CrashLoopBackOff}), or {@code Available}
 * @param message e.g. {@code pod web-6b7d-abcde is CrashLoopBackOff since revision 2}
 * @param detail the culprit's full finding for the Event; not part of the condition, not compared
 * @param observedGeneration the WebApp generation this verdict is about
 */
public record ReadyCondition(String status, String reason, String message, String detail,
    long observedGeneration) {

  /** The condition for a WebApp of this generation, given blame's explanation of it. */
  public static ReadyCondition from(Explanation why, long generation) {
    if (why.health() == Health.HEALTHY) {
      return new ReadyCondition("True", "Available", Escape.conditionMessage(why.verdict().message()),
          why.verdict().message(), generation);
    }
    // Culprits are evidence of a failure; a WebApp still rolling out has none, and says what it waits for: the
    // worst finding on the deepest unsettled objects below it (a pod backing off an image pull).
    Optional<Finding> culprit = why.culprits().stream().findFirst().or(() -> waitingOn(why.effects()))
        .or(() -> why.verdict().worstFinding());
    String status = why.health() == Health.UNKNOWN ? "Unknown" : "False";
    String healthReason = camel(why.health().name());
    if (culprit.isEmpty()) {
      return new ReadyCondition(status, healthReason, Escape.conditionMessage(why.verdict().message()),
          why.verdict().message(), generation);
    }
    Finding f = culprit.get();
    // About the WebApp itself (a child not created yet): the finding's own sentence is stable and clearer.
    String message = f.subject().equals(why.target()) ? f.message()
        : f.subject().kind().toLowerCase(Locale.ROOT) + " " + f.subject().name() + " is " + f.reason()
            + f.revision().map(r -> " since revision " + r.number()).orElse("");
    // What the API server accepts in a condition: an Event's reason may hold any letter, a message any length.
    return new ReadyCondition(status, Escape.conditionReason(f.reason().code(), healthReason),
        Escape.conditionMessage(message), f.toString(), generation);
  }

  /** The worst finding of the deepest objects under {@code tree} that are neither healthy nor suspended. */
  private static Optional<Finding> waitingOn(BlameTree tree) {
    List<Finding> deepest = new ArrayList<>();
    for (BlameTree child : tree.children()) {
      collect(child, deepest);
    }
    return deepest.stream().min(Finding.WORST_FIRST);
  }

  private static boolean collect(BlameTree tree, List<Finding> out) {
    Health health = tree.verdict().health();
    if (health == Health.HEALTHY || health == Health.SUSPENDED || tree.node().isEmpty()) {
      return false;
    }
    boolean below = false;
    for (BlameTree child : tree.children()) {
      below |= collect(child, out);
    }
    if (!below) {
      tree.verdict().worstFinding().ifPresent(out::add);
    }
    return true;
  }

  /** The {@code Ready} condition a WebApp's status holds now, if any; detail is empty. */
  public static Optional<ReadyCondition> read(GenericKubernetesResource app) {
    Object observed = WebApp.section(app, "status").get("observedGeneration");
    long generation = observed instanceof Number n ? n.longValue() : 0;
    return WebApp.readyCondition(app).map(c -> new ReadyCondition(String.valueOf(c.get("status")),
        String.valueOf(c.get("reason")), String.valueOf(c.get("message")), "", generation));
  }

  /** True when writing {@code other} would change nothing a reader of the WebApp sees. */
  public boolean sameAs(ReadyCondition other) {
    return sameVerdict(other) && observedGeneration == other.observedGeneration;
  }

  /** True when the condition says the same thing (only the generation it is about may differ). */
  public boolean sameVerdict(ReadyCondition other) {
    return other != null && status.equals(other.status) && reason.equals(other.reason)
        && message.equals(other.message);
  }

  /** True for {@code status: "True"}. */
  public boolean isTrue() {
    return "True".equals(status);
  }

  /** {@code Ready=False because pod web-6b7d-abcde is CrashLoopBackOff since revision 2}. */
  @Override
  public String toString() {
    return "Ready=" + status + " because " + message;
  }

  private static String camel(String upperSnake) {
    StringBuilder out = new StringBuilder();
    for (String part : upperSnake.split("_")) {
      out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReadyCondition other && sameAs(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, reason, message, observedGeneration);
  }
}
