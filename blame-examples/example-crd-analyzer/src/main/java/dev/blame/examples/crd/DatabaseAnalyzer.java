package dev.blame.examples.crd;

import dev.blame.api.Edge;
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
import dev.blame.api.spi.KindSelector;
import dev.blame.api.spi.Link;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges {@code Database.example.dev}, a made-up CRD: {@code spec.replicas} instances, reported in
 * {@code status.phase} ({@code Provisioning}, {@code Ready}, {@code Failed}) and {@code status.readyReplicas};
 * {@code spec.configMap} names a ConfigMap it needs. Because it names the kind, the generic custom-resource
 * fallback does not run for Databases. The guide docs/writing-an-analyzer.md quotes the tagged regions.
 */
// tag::identity[]
public final class DatabaseAnalyzer implements Analyzer {

  public static final GroupKind DATABASE = GroupKind.of("example.dev", "Database");
  public static final ReasonCode PROVISIONING_FAILED = ReasonCode.of("DatabaseProvisioningFailed");
  public static final ReasonCode REPLICAS_NOT_READY = ReasonCode.of("DatabaseReplicasNotReady");
  public static final ReasonCode CONFIG_MISSING = ReasonCode.of("DatabaseConfigMissing");

  @Override
  public String id() {
    return "example.Database";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(DATABASE);
  }

  @Override
  public Set<GroupKind> reads() {
    return Set.of(GroupKind.CONFIG_MAP); // a live source then watches ConfigMaps too
  }
  // end::identity[]

  // tag::links[]
  @Override
  public List<Link> links(Node node) {
    Object name = section(node.object(), "spec").get("configMap");
    if (name == null) {
      return List.of();
    }
    ObjectRef config = ObjectRef.of(GroupKind.CONFIG_MAP, node.ref().namespace(), String.valueOf(name));
    return List.of(Link.to(EdgeKind.REFERENCES, config, "spec.configMap"));
  }
  // end::links[]

  // tag::analyze[]
  @Override
  public Verdict analyze(AnalysisContext ctx) {
    ObjectRef self = ctx.node().ref();
    for (Edge edge : ctx.graph().edgesFrom(self)) {
      // A link to an object that is not in the graph: missing, if ConfigMaps are observed at all.
      if (edge.kind() == EdgeKind.REFERENCES && ctx.graph().node(edge.to()).isEmpty()
          && ctx.graph().observes(edge.to().groupKind())) {
        return Verdict.builder().health(Health.DEGRADED).status(ReconcileStatus.FAILED)
            .message("ConfigMap " + edge.to().name() + " is missing")
            .addFinding(Finding.builder().subject(self).health(Health.DEGRADED).reason(CONFIG_MISSING)
                .message("ConfigMap " + edge.to().name() + " named in spec.configMap does not exist")
                .addEvidence(Evidence.field("spec.configMap", edge.to().name())).build())
            .build();
      }
    }
    Map<String, Object> spec = section(ctx.node().object(), "spec");
    Map<String, Object> status = section(ctx.node().object(), "status");
    String phase = String.valueOf(status.getOrDefault("phase", "Provisioning"));
    long wanted = number(spec.get("replicas"), 1);
    long ready = number(status.get("readyReplicas"), 0);
    if ("Failed".equals(phase)) {
      return Verdict.builder().health(Health.DEGRADED).status(ReconcileStatus.FAILED)
          .message("provisioning failed")
          .addFinding(Finding.builder().subject(self).health(Health.DEGRADED).reason(PROVISIONING_FAILED)
              .message("database provisioning failed: " + status.getOrDefault("message", "no message"))
              .addEvidence(Evidence.field("status.phase", phase)).build())
          .build();
    }
    if (ready < wanted) {
      return Verdict.builder().health(Health.PROGRESSING).status(ReconcileStatus.IN_PROGRESS)
          .message(ready + "/" + wanted + " replicas ready")
          .addFinding(Finding.builder().subject(self).health(Health.PROGRESSING)
              .reason(REPLICAS_NOT_READY).message(ready + " of " + wanted + " database replicas ready")
              .addEvidence(Evidence.field("status.readyReplicas", String.valueOf(ready)))
              .addEvidence(Evidence.field("spec.replicas", String.valueOf(wanted))).build())
          .build();
    }
    return Verdict.of(Health.HEALTHY, ReconcileStatus.CURRENT, ready + "/" + wanted + " replicas ready");
  }
  // end::analyze[]

  // tag::section[]
  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(HasMetadata object, String name) {
    if (object instanceof GenericKubernetesResource) { // custom resources arrive untyped
      Object value = ((GenericKubernetesResource) object).getAdditionalProperties().get(name);
      if (value instanceof Map) {
        return (Map<String, Object>) value;
      }
    }
    return Map.of();
  }
  // end::section[]

  private static long number(Object value, long fallback) {
    return value instanceof Number ? ((Number) value).longValue() : fallback;
  }
}
