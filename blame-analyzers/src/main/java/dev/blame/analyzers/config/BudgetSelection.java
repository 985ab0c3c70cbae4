package dev.blame.analyzers.config;

import dev.blame.api.EdgeKind;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.Selector;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Unstructured;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a PodDisruptionBudget's selector picks when no pod is counted: a selector that matches nothing (the disruption
 * controller's {@code NoPods} Event), or workloads scaled to zero on purpose, for which no pod is the intended state.
 */
final class BudgetSelection {

  /** Workloads that scale pods: one scaled to zero explains a budget with no pod. */
  static final List<GroupKind> SCALED_WORKLOADS =
      List.of(GroupKind.DEPLOYMENT, GroupKind.STATEFUL_SET, GroupKind.REPLICA_SET);

  /** The disruption controller's Event and message when the selector lists no pod ({@code trySync}). */
  private static final String NO_PODS_EVENT = "NoPods";
  private static final String NO_PODS_MESSAGE = "No matching pods found";

  private BudgetSelection() {}

  /** The budget's selector; empty when it has none or it cannot be read (an unknown operator). */
  static Optional<Selector> selector(Unstructured u) {
    if (!u.has("spec", "selector")) {
      return Optional.empty();
    }
    LabelSelector selector = new LabelSelector();
    selector.setMatchLabels(u.stringMap("spec", "selector", "matchLabels"));
    List<LabelSelectorRequirement> reqs = new ArrayList<>();
    for (Unstructured r : u.list("spec", "selector", "matchExpressions")) {
      reqs.add(new LabelSelectorRequirement(r.string("key"), r.string("operator"), r.strings("values")));
    }
    selector.setMatchExpressions(reqs);
    try {
      return Optional.of(Selector.from(selector));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * A workload whose pods the budget selects, scaled to zero on purpose ({@code spec.replicas: 0}), when every
   * such workload in view is: then no pod to protect is the intended state, not a selector that matches nothing.
   * Workloads another of these kinds controls do not count (a Deployment's old ReplicaSets sit at zero while it
   * runs); one another controller owns does (an Argo Rollout's ReplicaSets, an operator's Deployment): its replicas
   * say whether pods are wanted.
   */
  static Optional<Node> scaledToZero(AnalysisContext ctx, Unstructured u) {
    if (u.number("status", "expectedPods").orElse(0L) > 0) {
      return Optional.empty();
    }
    Optional<Selector> selector = selector(u);
    if (selector.isEmpty() || selector.get().matchLabels().isEmpty() && selector.get().requirements().isEmpty()) {
      return Optional.empty();
    }
    List<Node> selected = new ArrayList<>();
    for (GroupKind kind : SCALED_WORKLOADS) {
      if (!ctx.graph().observes(kind)) {
        continue;
      }
      for (Node w : ctx.graph().list(kind, ctx.node().ref().namespace())) {
        Unstructured wu = Unstructured.of(w.object());
        if (!scaledByAnother(wu) && selector.get().matches(wu.stringMap("spec", "template", "metadata", "labels"))) {
          selected.add(w);
        }
      }
    }
    boolean allAtZero = selected.stream()
        .allMatch(w -> Unstructured.of(w.object()).number("spec", "replicas").orElse(1L) == 0);
    return allAtZero ? selected.stream().findFirst() : Optional.empty();
  }

  /** Whether another workload that scales pods controls this one (a Deployment its ReplicaSet). */
  private static boolean scaledByAnother(Unstructured workload) {
    return workload.list("metadata", "ownerReferences").stream().anyMatch(o -> !o.string("apiVersion").isBlank()
        && SCALED_WORKLOADS.contains(GroupKind.fromApiVersion(o.string("apiVersion"), o.string("kind"))));
  }

  /**
   * The controller's {@code NoPods} "No matching pods found" with no pod counted ({@code expectedPods} 0) and no
   * selected pod in view: the selector matches nothing. A selected pod in view, or a counted one, means the Event is
   * older than the pods.
   */
  static Optional<Finding> noMatchingPods(AnalysisContext ctx, Unstructured u) {
    if (u.number("status", "expectedPods").orElse(0L) > 0) {
      return Optional.empty();
    }
    boolean podSelected = ctx.graph().targets(ctx.node().ref(), EdgeKind.SELECTS).stream()
        .anyMatch(p -> p.ref().groupKind().equals(GroupKind.POD));
    if (podSelected) {
      return Optional.empty();
    }
    return ctx.events().stream()
        .filter(e -> !e.isWarning() && e.reason().equals(NO_PODS_EVENT) && e.message().startsWith(NO_PODS_MESSAGE))
        .max(Comparator.comparing(e -> e.lastTime().orElse(Instant.MIN)))
        .map(e -> Finding.builder().subject(ctx.node().ref()).health(Health.DEGRADED)
            .reason(PodDisruptionBudgetAnalyzer.NO_MATCHING_PODS)
            .message("the disruption controller finds no pod matching the selector (" + NO_PODS_EVENT + ": "
                + e.message() + (e.count() > 1 ? ", x" + e.count() : "") + "): the budget protects nothing")
            .addEvidence(Evidence.event(e))
            .addEvidence(Evidence.field("status.expectedPods", u.number("status", "expectedPods")
                .map(String::valueOf).orElse("<unset>")))
            .build());
  }
}
