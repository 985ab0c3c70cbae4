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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    return target(node).map(t -> List.of(Link.to(EdgeKind.SCALES, t, "spec.scaleTargetRef"))).orElse(List.of());
  }

  private static Optional<ObjectRef> target(Node node) {
    Unstructured t = Unstructured.of(node.object()).child("spec", "scaleTargetRef");
    if (t.string("name").isEmpty() || t.string("kind").isEmpty()) {
      return Optional.empty();
    }
    String apiVersion = t.string("apiVersion").isEmpty() ? "v1" : t.string("apiVersion");
    return Optional.of(ObjectRef.of(apiVersion, t.string("kind"), node.ref().namespace(), t.string("name")));
  }

  /**
   * The API server's answer when the target of a scale subresource cannot be read: the registry's scale storage
   * returns NotFound for the subresource itself ({@code deployments/scale.apps "web" not found}; the core group has
   * no suffix: {@code replicationcontrollers/scale "web" not found}), which the HPA controller quotes in
   * {@code AbleToScale=False FailedGetScale}. A failure to map the kind ({@code no matches for kind}) or to decode
   * the scale is another matter: the target may well exist.
   */
  private static final Pattern SCALE_NOT_FOUND =
      Pattern.compile("\\b([a-z0-9]+)/scale(?:\\.[a-z0-9.-]+)? \"([^\"]+)\" not found");

  /**
   * Whether the message is the scale subresource's NotFound for {@code target}: its name, and a resource that is the
   * kind's plural (the kind lower-cased, a final {@code y} made {@code ies} as the API's default plural does:
   * {@code ScalingPolicy}, {@code scalingpolicies}).
   */
  static boolean scaleNotFound(String message, ObjectRef target) {
    Matcher m = SCALE_NOT_FOUND.matcher(message == null ? "" : message);
    String kind = target.kind().toLowerCase(Locale.ROOT);
    String stem = kind.endsWith("y") ? kind.substring(0, kind.length() - 1) : kind;
    return m.find() && m.group(2).equals(target.name()) && m.group(1).startsWith(stem);
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
    Optional<ObjectRef> target = target(node);
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
          b.addEvidence(Evidence.field("status.currentMetrics", metrics(u)));
        }
        findings.add(b.build());
        if (code == CANNOT_SCALE && target.isPresent() && scaleNotFound(c.message(), target.get())
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
    boolean computed = conditions.isEmpty() && metricsComputed(u);
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
        + min + ", max " + max + ")" + (computed ? "; metrics computed: " + metrics(u) : "") : "", findings);
  }

  /**
   * No condition in view (a {@code kubectl get} line, a trimmed capture), and a current value for every metric of
   * the spec: the HPA controller wrote them. It reads the target's scale first (a failure there sets
   * {@code AbleToScale=False} and stops before any metric) and writes a metric's current value only when it could
   * compute that metric (a metric it cannot read keeps an empty entry: kubectl's {@code <unknown>}), in the same
   * status update as its conditions (pkg/controller/podautoscaler/horizontal.go, {@code reconcileAutoscaler}). So
   * the conditions were not captured, and the controller got the scale and every metric in its last sync: judged as
   * {@code AbleToScale=True}. An {@code autoscaling/v1} object's {@code currentCPUUtilizationPercentage} says the same.
   */
  static boolean metricsComputed(Unstructured u) {
    if (u.number("status", "currentCPUUtilizationPercentage").isPresent()) {
      return true;
    }
    List<Unstructured> current = u.list("status", "currentMetrics");
    return !current.isEmpty() && current.size() >= u.list("spec", "metrics").size()
        && current.stream().allMatch(m -> !value(m).isEmpty());
  }

  /** The current metric values the controller could read, e.g. {@code cpu 186% (372m)}, or {@code <none>}. */
  private static String metrics(Unstructured u) {
    List<String> values = new ArrayList<>();
    for (Unstructured m : u.list("status", "currentMetrics")) {
      String type = m.string("type");
      Unstructured source = m.child(type.isEmpty() ? "resource" : Character.toLowerCase(type.charAt(0)) + type.substring(1));
      String name = source.string("name").isEmpty() ? source.string("metric", "name") : source.string("name");
      values.add((name.isEmpty() ? type : name) + " " + value(m));
    }
    u.number("status", "currentCPUUtilizationPercentage").filter(v -> values.isEmpty())
        .ifPresent(v -> values.add("cpu " + v + "%"));
    return values.isEmpty() ? "<none>" : String.join(", ", values);
  }

  /** A current metric's value ({@code current} of autoscaling/v2 and v2beta2, {@code current*} of v2beta1), or "". */
  private static String value(Unstructured m) {
    String type = m.string("type");
    Unstructured source = m.child(type.isEmpty() ? "resource" : Character.toLowerCase(type.charAt(0)) + type.substring(1));
    Unstructured current = source.child("current");
    String utilization = current.string("averageUtilization").isEmpty() ? source.string("currentAverageUtilization")
        : current.string("averageUtilization");
    if (!utilization.isEmpty()) {
      return utilization + "%";
    }
    for (String v : List.of(current.string("averageValue"), current.string("value"),
        source.string("currentAverageValue"), source.string("currentValue"))) {
      if (!v.isEmpty()) {
        return v;
      }
    }
    return "";
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
