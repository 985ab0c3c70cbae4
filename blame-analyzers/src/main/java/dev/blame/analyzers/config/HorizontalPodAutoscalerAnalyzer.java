package dev.blame.analyzers.config;

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
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.KindSelector;
import dev.blame.api.spi.Link;
import dev.blame.api.spi.Unstructured;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * HorizontalPodAutoscalers of every version. Scales its {@code spec.scaleTargetRef}. Conditions come from
 * {@code status.conditions} or, for {@code autoscaling/v1}, the annotation
 * {@code autoscaling.alpha.kubernetes.io/conditions}. As gitops-engine (argo-cd copy): failing reasons first
 * (the target's scale or the metrics cannot be read), then AbleToScale=True is healthy, else waiting.
 */
public final class HorizontalPodAutoscalerAnalyzer implements Analyzer {

  public static final GroupKind HPA = GroupKind.of("autoscaling", "HorizontalPodAutoscaler");
  public static final String V1_CONDITIONS = "autoscaling.alpha.kubernetes.io/conditions";
  public static final ReasonCode SCALE_TARGET_NOT_FOUND = ReasonCode.of("ScaleTargetNotFound");
  public static final ReasonCode CANNOT_SCALE = ReasonCode.of("CannotScale");
  public static final ReasonCode METRICS_UNAVAILABLE = ReasonCode.of("MetricsUnavailable");
  public static final ReasonCode AT_MAX_REPLICAS = ReasonCode.of("AtMaxReplicas");
  public static final ReasonCode WAITING_TO_AUTOSCALE = ReasonCode.of("WaitingToAutoscale");
  /** ScalingActive=False, ScalingDisabled: the target was scaled to zero, which turns autoscaling off. */
  public static final ReasonCode SCALING_DISABLED = ReasonCode.of("ScalingDisabled");

  @Override
  public String id() {
    return "blame.HorizontalPodAutoscaler";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(HPA);
  }

  /**
   * The kinds a {@code scaleTargetRef} names in practice; it reads whether its target exists. A target of
   * another kind (a custom resource with a scale subresource) is still judged when both are watched.
   */
  @Override
  public Set<GroupKind> reads() {
    return Set.of(GroupKind.DEPLOYMENT, GroupKind.STATEFUL_SET, GroupKind.REPLICA_SET);
  }

  @Override
  public Set<GroupKind> linksTo() {
    return reads();
  }

  @Override
  public List<Link> links(Node node) {
    return ScaleTarget.of(node).map(t -> List.of(Link.to(EdgeKind.SCALES, t, "spec.scaleTargetRef"))).orElse(List.of());
  }

  static List<Condition> conditions(Node node, Unstructured u) {
    List<Condition> conditions = u.conditions();
    if (conditions.isEmpty() && node.annotations().containsKey(V1_CONDITIONS)) {
      conditions = Condition.from(Unstructured.parseJsonArray(node.annotations().get(V1_CONDITIONS)),
          "metadata.annotations[" + V1_CONDITIONS + "]");
    }
    return conditions;
  }

  @Override
  public Verdict analyze(AnalysisContext ctx) {
    Node node = ctx.node();
    ObjectRef ref = node.ref();
    Unstructured u = Unstructured.of(node.object());
    List<Finding> findings = new ArrayList<>();
    Optional<ObjectRef> target = ScaleTarget.of(node);
    if (target.isPresent() && ctx.graph().observes(target.get().groupKind())
        && ctx.graph().node(target.get()).isEmpty()) {
      findings.add(Finding.builder().subject(ref).health(Health.DEGRADED).reason(SCALE_TARGET_NOT_FOUND)
          .message("scale target " + target.get().display() + " does not exist")
          .addEvidence(Evidence.field("spec.scaleTargetRef", target.get().kind() + "/" + target.get().name()))
          .build());
    }
    List<Condition> conditions = conditions(node, u);
    for (Condition c : conditions) {
      if (failing(c)) {
        ReasonCode code = c.type().equals("AbleToScale") ? CANNOT_SCALE : METRICS_UNAVAILABLE;
        var b = Finding.builder().subject(ref).health(Health.DEGRADED).reason(code)
            .message((code == CANNOT_SCALE ? "cannot scale the target: " : "metrics unavailable: ") + c.describe())
            .addEvidence(c.evidence()).since(c.since());
        if (code == METRICS_UNAVAILABLE) {
          b.addEvidence(Evidence.field("status.currentMetrics", AutoscalerMetrics.describe(u)));
        }
        findings.add(b.build());
        if (code == CANNOT_SCALE && target.isPresent() && ScaleTarget.scaleNotFound(c.message(), target.get())
            && findings.stream().noneMatch(f -> f.reason().equals(SCALE_TARGET_NOT_FOUND))) {
          findings.add(Finding.builder().subject(ref).health(Health.DEGRADED).reason(SCALE_TARGET_NOT_FOUND)
              .message("scale target " + target.get().display() + " does not exist: the API server answers NotFound"
                  + " for its scale subresource")
              .addEvidence(c.evidence()).since(c.since()).build());
        }
      } else if (c.type().equals("ScalingActive") && c.isFalse() && c.reason().equals("ScalingDisabled")) {
        findings.add(Finding.builder().subject(ref).health(Health.HEALTHY).reason(SCALING_DISABLED)
            .message("autoscaling is disabled: " + c.describe()).addEvidence(c.evidence()).since(c.since()).build());
      }
    }
    long max = u.number("spec", "maxReplicas").orElse(0L);
    long min = u.number("spec", "minReplicas").orElse(1L);
    long current = u.number("status", "currentReplicas").orElse(0L);
    Optional<Condition> limited = Condition.find(conditions, "ScalingLimited").filter(Condition::isTrue);
    if (limited.map(c -> c.reason().equals("TooManyReplicas")).orElse(max > min && current >= max)) {
      findings.add(Finding.builder().subject(ref).health(Health.HEALTHY).reason(AT_MAX_REPLICAS)
          .message("at maxReplicas (" + max + "): load above the target is not absorbed by more pods")
          .addEvidence(limited.map(Condition::evidence).orElse(Evidence.field("status.currentReplicas", "" + current)))
          .build());
    }
    boolean computed = conditions.isEmpty() && AutoscalerMetrics.computed(u);
    boolean able = computed || conditions.stream().anyMatch(c -> c.isTrue()
        && (c.type().equals("AbleToScale") || c.type().equals("ScalingLimited")));
    Optional<Long> observed = u.number("status", "observedGeneration");
    if (observed.isPresent() && node.generation() > 0 && observed.get() != node.generation()) {
      return Judgement.of(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS, "spec change not yet observed", findings);
    }
    // No condition in view, nothing computed: the controller's Warnings stand for the condition it set with them.
    Optional<Finding> fromEvents = conditions.isEmpty() && !computed
        ? AutoscalerEvents.explainMissingConditions(ctx) : Optional.empty();
    fromEvents.ifPresent(findings::add);
    if (!able && fromEvents.isEmpty() && findings.stream().noneMatch(f -> f.health() == Health.DEGRADED)) {
      findings.add(Finding.builder().subject(ref).health(Health.PROGRESSING).reason(WAITING_TO_AUTOSCALE)
          .message("waiting to autoscale: the controller has not reported AbleToScale yet")
          .addEvidence(Evidence.field(u.has("status", "conditions") ? "status.conditions"
              : "metadata.annotations[" + V1_CONDITIONS + "]", conditions.isEmpty() ? "<none>" : "no AbleToScale=True"))
          .build());
    }
    return Judgement.of(Health.HEALTHY, ReconcileStatus.CURRENT, findings.isEmpty() ? current + " replicas (min "
        + min + ", max " + max + ")" + (computed ? "; metrics computed: " + AutoscalerMetrics.describe(u) : "")
        : "", findings);
  }

  private static boolean failing(Condition c) {
    String reason = c.reason();
    if (c.type().equals("AbleToScale")) {
      return reason.equals("FailedGetScale") || reason.equals("FailedUpdateScale");
    }
    return c.type().equals("ScalingActive") && (reason.startsWith("FailedGet") || reason.startsWith("Invalid")
        || reason.equals("FailedComputeMetricsReplicas"));
  }
}
