package dev.blame.analyzers.support;

import dev.blame.api.EdgeKind;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.GraphView;
import dev.blame.api.spi.Judgement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Reads owned children and their verdicts, and lifts a child's failure onto its owner as evidence. */
public final class Children {

  private Children() {}

  /** The objects of a kind the subject owns, by name. */
  public static List<Node> owned(GraphView graph, ObjectRef owner, GroupKind kind) {
    // Targets come sorted by reference; called on every update of a child, so no sorting again.
    List<Node> targets = graph.targets(owner, EdgeKind.OWNS);
    List<Node> owned = new ArrayList<>(targets.size());
    for (Node child : targets) {
      if (child.ref().groupKind().equals(kind)) {
        owned.add(child);
      }
    }
    return Collections.unmodifiableList(owned);
  }

  /** The children whose verdict is at least this bad. */
  public static List<Node> atLeast(GraphView graph, List<Node> children, Health health) {
    List<Node> matching = new ArrayList<>();
    for (Node child : children) {
      Optional<Verdict> verdict = graph.verdict(child.ref());
      if (verdict.isPresent() && !health.isWorseThan(verdict.get().health())) {
        matching.add(child);
      }
    }
    return Collections.unmodifiableList(matching);
  }

  /**
   * A finding about {@code subject} that names the child and carries the child's worst finding's evidence,
   * each item pointing back to the child: "Pod my-busybox-pod-v10: Container [main] is crash-looping".
   */
  public static Optional<Finding> lift(GraphView graph, ObjectRef subject, ReasonCode reason, Node child,
      String prefix) {
    Optional<Verdict> verdict = graph.verdict(child.ref());
    Optional<Finding> worst = verdict.flatMap(Verdict::worstFinding);
    if (verdict.isEmpty()) {
      return Optional.empty();
    }
    String detail = worst.map(Finding::message).orElse(verdict.get().message());
    return Optional.of(Finding.builder()
        .subject(subject)
        .health(verdict.get().health())
        .reason(reason)
        .message(prefix + child.ref().display() + ": " + detail)
        .evidence(worst.map(f -> f.evidence().stream().map(e -> withSource(e, child.ref())).toList())
            .orElse(List.of()))
        .revision(worst.flatMap(Finding::revision).or(() -> verdict.get().revision()))
        .since(worst.flatMap(Finding::since))
        .build());
  }

  /**
   * Lifts the first failing (DEGRADED) child onto the subject as a finding with this reason, if any child
   * fails, and returns how many fail.
   */
  public static int liftFailing(GraphView graph, Judgement judgement, ReasonCode reason, List<Node> children,
      String prefix) {
    List<Node> failing = atLeast(graph, children, Health.DEGRADED);
    if (!failing.isEmpty()) {
      lift(graph, judgement.subject(), reason, failing.get(0),
          prefix + failing.size() + " of " + children.size() + " failing; ")
          .ifPresent(f -> judgement.add(f).worsen(Health.DEGRADED, ReconcileStatus.FAILED));
    }
    return failing.size();
  }

  private static Evidence withSource(Evidence e, ObjectRef child) {
    return e.source().isPresent() ? e : Evidence.builder().from(e).source(child.key()).build();
  }
}
