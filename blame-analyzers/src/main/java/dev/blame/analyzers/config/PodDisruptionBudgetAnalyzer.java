package dev.blame.analyzers.config;

import dev.blame.analyzers.network.SelectedPods;
import dev.blame.api.EdgeKind;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Selector;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.KindSelector;
import dev.blame.api.spi.Link;
import dev.blame.api.spi.Unstructured;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PodDisruptionBudgets: selects its pods; in progress until the controller observed the spec and while
 * fewer pods are healthy than desired (kstatus {@code pdbConditions}); when no disruption is allowed although
 * every pod is healthy, evictions and node drains block for good.
 */
public final class PodDisruptionBudgetAnalyzer implements Analyzer {

  public static final GroupKind PDB = GroupKind.of("policy", "PodDisruptionBudget");
  public static final ReasonCode BUDGET_NOT_MET = ReasonCode.of("BudgetNotMet");
  public static final ReasonCode DISRUPTIONS_BLOCKED = ReasonCode.of("DisruptionsBlocked");
  public static final ReasonCode GENERATION_NOT_OBSERVED = ReasonCode.of("GenerationNotObserved");
  /**
   * The disruption controller could not compute the budget (its {@code DisruptionAllowed=False} condition with
   * reason {@code SyncFailed}, {@code policy/v1.SyncFailedReason}): e.g. a selected pod has no controller, or a
   * percentage budget over pods whose controller has no scale subresource. Evictions are refused until the spec or
   * the pods change; waiting does not help.
   */
  public static final ReasonCode SYNC_FAILED = ReasonCode.of("SyncFailed");
  /**
   * The disruption controller found no pod for the selector: its Normal {@code NoPods} Event "No matching pods found"
   * ({@code trySync}, emitted on every sync that lists none) while the status it wrote counts no pod and no selected
   * pod is in view. The budget protects nothing until the selector or the pods' labels change.
   */
  public static final ReasonCode NO_MATCHING_PODS = ReasonCode.of("NoMatchingPods");
  /** The disruption controller's Event and message when the selector lists no pod ({@code trySync}). */
  private static final String NO_PODS_EVENT = "NoPods";
  private static final String NO_PODS_MESSAGE = "No matching pods found";

  @Override
  public String id() {
    return "blame.PodDisruptionBudget";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(PDB);
  }

  /** Workloads that scale pods: one scaled to zero explains a budget with no pod. */
  private static final List<GroupKind> SCALED_WORKLOADS =
      List.of(GroupKind.DEPLOYMENT, GroupKind.STATEFUL_SET, GroupKind.REPLICA_SET);

  /** It selects pods and reads their readiness; it reads the workloads that may have scaled them to zero. */
  @Override
  public Set<GroupKind> reads() {
    Set<GroupKind> reads = new HashSet<>(SCALED_WORKLOADS);
    reads.add(GroupKind.POD);
    return Set.copyOf(reads);
  }

  @Override
  public Set<GroupKind> linksTo() {
    return Set.of(GroupKind.POD);
  }

  @Override
  public List<Link> links(Node node) {
    return selector(Unstructured.of(node.object()))
        .map(s -> List.of(Link.select(EdgeKind.SELECTS, GroupKind.POD, node.ref().namespace(), s)))
        .orElse(List.of());
  }

  /** The budget's selector; empty when it has none or it cannot be read (an unknown operator). */
  private static Optional<Selector> selector(Unstructured u) {
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

  /** Of a selected pod: readiness and why it is not ready. */
  @Override
  public Optional<?> readsOf(Node target, Verdict verdict) {
    return SelectedPods.readOf(target, verdict);
  }

  @Override
  public Verdict analyze(AnalysisContext ctx) {
    Node node = ctx.node();
    ObjectRef ref = node.ref();
    Unstructured u = Unstructured.of(node.object());
    Optional<Long> observed = u.number("status", "observedGeneration");
    // Behind only when the object has a generation the controller has not reached; a dump without
    // metadata.generation (0 here) says nothing about it. The controller writes its pod counts and
    // observedGeneration in one status update (updatePdbStatus), so counts without observedGeneration are a capture
    // that left the field out (describe prints none), not a spec it has not seen.
    if ((observed.isEmpty() && !hasPodCounts(u))
        || (observed.isPresent() && node.generation() > 0 && observed.get() < node.generation())) {
      return Judgement.of(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS, "", List.of(Finding.builder()
          .subject(ref).health(Health.PROGRESSING).reason(GENERATION_NOT_OBSERVED)
          .message("the disruption controller has not yet observed generation " + node.generation())
          .addEvidence(Evidence.field("status.observedGeneration", observed.map(String::valueOf).orElse("<unset>")))
          .build()));
    }
    List<Finding> findings = new ArrayList<>();
    for (Condition c : u.conditions()) {
      if (c.type().equals("DisruptionAllowed") && c.isFalse() && c.reason().equals("SyncFailed")) {
        findings.add(Finding.builder().subject(ref).health(Health.DEGRADED).reason(SYNC_FAILED)
            .message("the disruption controller cannot compute this budget"
                + (c.message().isEmpty() ? "" : ": " + c.message()) + "; every eviction is refused")
            .addEvidence(c.evidence()).since(c.since()).build());
        return Judgement.of(Health.DEGRADED, ReconcileStatus.FAILED, "", findings);
      }
    }
    Optional<Node> scaledToZero = scaledToZero(ctx, u);
    if (scaledToZero.isEmpty()) {
      noMatchingPods(ctx, u).ifPresent(findings::add);
    }
    long currentHealthy = u.number("status", "currentHealthy").orElse(0L);
    long desiredHealthy = u.number("status", "desiredHealthy").orElse(0L);
    long expected = u.number("status", "expectedPods").orElse(0L);
    Optional<Long> allowed = u.number("status", "disruptionsAllowed");
    String counts = currentHealthy + "/" + desiredHealthy + " healthy";
    if (desiredHealthy > currentHealthy && scaledToZero.isEmpty()) {
      List<Node> notReady = ctx.graph().targets(ref, EdgeKind.SELECTS).stream()
          .filter(p -> p.ref().groupKind().equals(GroupKind.POD) && !SelectedPods.isReady(ctx.graph(), p)).toList();
      findings.add(Finding.builder().subject(ref).health(Health.PROGRESSING).reason(BUDGET_NOT_MET)
          .message("budget not met (" + counts + "); no voluntary eviction is allowed"
              + (notReady.isEmpty() ? "" : "; not ready: " + SelectedPods.describeNotReady(ctx.graph(), notReady)))
          .addEvidence(Evidence.field("status.currentHealthy", "" + currentHealthy))
          .addEvidence(Evidence.field("status.desiredHealthy", "" + desiredHealthy))
          .addAllEvidence(notReady.stream().limit(5).map(SelectedPods::readyEvidence).toList()).build());
    } else if (allowed.isPresent() && allowed.get() == 0 && expected > 0) {
      findings.add(Finding.builder().subject(ref).health(Health.DEGRADED).reason(DISRUPTIONS_BLOCKED)
          .message("all " + expected + " pods are healthy yet no disruption is allowed: evictions and node drains"
              + " block until minAvailable/maxUnavailable leave room")
          .addEvidence(Evidence.field("status.disruptionsAllowed", "0"))
          .addEvidence(Evidence.field("status.expectedPods", "" + expected)).build());
    }
    String summary = scaledToZero.map(w -> "no pod to protect: " + w.ref().kind() + " " + w.ref().name()
        + " is scaled to zero").orElseGet(() -> allowed.map(a -> a + " disruptions allowed").orElse(""));
    return Judgement.of(Health.HEALTHY, ReconcileStatus.CURRENT, findings.isEmpty() ? summary : "", findings);
  }

  /**
   * A workload whose pods the budget selects, scaled to zero on purpose ({@code spec.replicas: 0}), when every
   * such workload in view is: then no pod to protect is the intended state, not a selector that matches nothing.
   * Workloads another of these kinds controls do not count (a Deployment's old ReplicaSets sit at zero while it
   * runs); one another controller owns does (an Argo Rollout's ReplicaSets, an operator's Deployment): its replicas
   * say whether pods are wanted.
   */
  private static Optional<Node> scaledToZero(AnalysisContext ctx, Unstructured u) {
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

  /** Whether the status holds the counts only the controller's status update writes (not failSafe's). */
  private static boolean hasPodCounts(Unstructured u) {
    return u.number("status", "expectedPods").isPresent() || u.number("status", "currentHealthy").isPresent()
        || u.number("status", "desiredHealthy").isPresent();
  }

  /**
   * The controller's {@code NoPods} "No matching pods found" with no pod counted ({@code expectedPods} 0) and no
   * selected pod in view: the selector matches nothing. A selected pod in view, or a counted one, means the Event is
   * older than the pods.
   */
  private static Optional<Finding> noMatchingPods(AnalysisContext ctx, Unstructured u) {
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
        .map(e -> Finding.builder().subject(ctx.node().ref()).health(Health.DEGRADED).reason(NO_MATCHING_PODS)
            .message("the disruption controller finds no pod matching the selector (" + NO_PODS_EVENT + ": "
                + e.message() + (e.count() > 1 ? ", x" + e.count() : "") + "): the budget protects nothing")
            .addEvidence(Evidence.event(e))
            .addEvidence(Evidence.field("status.expectedPods", u.number("status", "expectedPods")
                .map(String::valueOf).orElse("<unset>")))
            .build());
  }
}
