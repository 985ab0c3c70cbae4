package dev.blame.examples.crd;

import dev.blame.api.Edge;
import dev.blame.api.EdgeKind;
import dev.blame.api.Evidence;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges {@code Database.example.dev}, a made-up CRD: {@code spec.replicas} instances, reported in
 * {@code status.phase} ({@code Provisioning}, {@code Ready}, {@code Failed}) and {@code status.readyReplicas};
 * {@code spec.configMap} names a ConfigMap it needs. Because it names the kind, the generic custom-resource
 * fallback does not run for Databases. A {@code Ready} condition set to False by a failed provisioning is kept as
 * a second finding, with the operator's reason. It reads fields with {@link Unstructured} and {@link Condition}
 * and builds its verdict with {@link Judgement}, the helpers the built-in analyzers use. The guide
 * docs/writing-an-analyzer.md quotes the tagged regions.
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
    String name = Unstructured.of(node.object()).string("spec", "configMap");
    if (name.isEmpty()) {
      return List.of();
    }
    ObjectRef config = ObjectRef.of(GroupKind.CONFIG_MAP, node.ref().namespace(), name);
    return List.of(Link.to(EdgeKind.REFERENCES, config, "spec.configMap"));
  }
  // end::links[]

  // tag::analyze[]
  @Override
  public Verdict analyze(AnalysisContext ctx) {
    ObjectRef self = ctx.node().ref();
    Judgement j = new Judgement(self);
    for (Edge edge : ctx.graph().edgesFrom(self)) {
      // A link to an object that is not in the graph: missing, if ConfigMaps are observed at all.
      if (edge.kind() == EdgeKind.REFERENCES && ctx.graph().node(edge.to()).isEmpty()
          && ctx.graph().observes(edge.to().groupKind())) {
        return j.worsen(Health.DEGRADED, ReconcileStatus.FAILED)
            .message("ConfigMap " + edge.to().name() + " is missing")
            .find(Health.DEGRADED, CONFIG_MISSING,
                "ConfigMap " + edge.to().name() + " named in spec.configMap does not exist",
                Evidence.field("spec.configMap", edge.to().name()))
            .build();
      }
    }
    // tag::section[]
    Unstructured u = Unstructured.of(ctx.node().object()); // typed or not, absent fields read as empty
    String phase = u.has("status", "phase") ? u.string("status", "phase") : "Provisioning";
    long wanted = u.number("spec", "replicas").orElse(1L);
    long ready = u.number("status", "readyReplicas").orElse(0L);
    Optional<Condition> notReady = Condition.find(u.conditions(), "Ready").filter(Condition::isFalse);
    // end::section[]
    if ("Failed".equals(phase)) {
      String why = u.string("status", "message");
      j.worsen(Health.DEGRADED, ReconcileStatus.FAILED).message("provisioning failed")
          .find(Health.DEGRADED, PROVISIONING_FAILED,
              "database provisioning failed: " + (why.isEmpty() ? "no message" : why),
              Evidence.field("status.phase", phase));
      // The Ready condition, when the operator writes one, says why in its own words: keep it as evidence.
      notReady.ifPresent(c -> j.find(Health.DEGRADED, c.reasonCode(PROVISIONING_FAILED), c.describe(),
          c.evidence()));
      return j.build();
    }
    if (ready < wanted) {
      return j.worsen(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS)
          .message(ready + "/" + wanted + " replicas ready")
          .find(Health.PROGRESSING, REPLICAS_NOT_READY, ready + " of " + wanted + " database replicas ready",
              Evidence.field("status.readyReplicas", String.valueOf(ready)),
              Evidence.field("spec.replicas", String.valueOf(wanted)))
          .build();
    }
    return j.message(ready + "/" + wanted + " replicas ready").build();
  }
  // end::analyze[]
}
