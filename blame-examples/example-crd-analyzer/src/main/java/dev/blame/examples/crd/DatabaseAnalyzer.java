package dev.blame.examples.crd;

import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.KindSelector;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/**
 * Judges {@code Database.example.dev}, a made-up CRD: {@code spec.replicas} instances, reported in
 * {@code status.phase} ({@code Provisioning}, {@code Ready}, {@code Failed}) and {@code status.readyReplicas}.
 * Because it names the kind, the generic custom-resource fallback does not run for Databases.
 */
public final class DatabaseAnalyzer implements Analyzer {

  public static final GroupKind DATABASE = GroupKind.of("example.dev", "Database");
  public static final ReasonCode PROVISIONING_FAILED = ReasonCode.of("DatabaseProvisioningFailed");
  public static final ReasonCode REPLICAS_NOT_READY = ReasonCode.of("DatabaseReplicasNotReady");

  @Override
  public String id() {
    return "example.Database";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(DATABASE);
  }

  @Override
  public Verdict analyze(AnalysisContext ctx) {
    Map<String, Object> spec = section(ctx.node().object(), "spec");
    Map<String, Object> status = section(ctx.node().object(), "status");
    String phase = String.valueOf(status.getOrDefault("phase", "Provisioning"));
    long wanted = number(spec.get("replicas"), 1);
    long ready = number(status.get("readyReplicas"), 0);
    if ("Failed".equals(phase)) {
      return Verdict.builder().health(Health.DEGRADED).status(ReconcileStatus.FAILED)
          .message("provisioning failed")
          .addFinding(Finding.builder().subject(ctx.node().ref()).health(Health.DEGRADED).reason(PROVISIONING_FAILED)
              .message("database provisioning failed: " + status.getOrDefault("message", "no message"))
              .addEvidence(Evidence.field("status.phase", phase)).build())
          .build();
    }
    if (ready < wanted) {
      return Verdict.builder().health(Health.PROGRESSING).status(ReconcileStatus.IN_PROGRESS)
          .message(ready + "/" + wanted + " replicas ready")
          .addFinding(Finding.builder().subject(ctx.node().ref()).health(Health.PROGRESSING)
              .reason(REPLICAS_NOT_READY).message(ready + " of " + wanted + " database replicas ready")
              .addEvidence(Evidence.field("status.readyReplicas", String.valueOf(ready)))
              .addEvidence(Evidence.field("spec.replicas", String.valueOf(wanted))).build())
          .build();
    }
    return Verdict.of(Health.HEALTHY, ReconcileStatus.CURRENT, ready + "/" + wanted + " replicas ready");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(HasMetadata object, String name) {
    if (object instanceof GenericKubernetesResource) {
      Object value = ((GenericKubernetesResource) object).getAdditionalProperties().get(name);
      if (value instanceof Map) {
        return (Map<String, Object>) value;
      }
    }
    return Map.of();
  }

  private static long number(Object value, long fallback) {
    return value instanceof Number ? ((Number) value).longValue() : fallback;
  }
}
