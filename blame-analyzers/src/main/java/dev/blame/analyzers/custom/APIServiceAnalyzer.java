package dev.blame.analyzers.custom;

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
 * Aggregated APIs: Available=True is healthy; Available=False is progressing (as gitops-engine: the API comes
 * back when its Service does), with the condition's reason (MissingEndpoints, FailedDiscoveryCheck) as the
 * finding. Routes to {@code spec.service}; a missing Service of an observed kind is degraded.
 */
public final class APIServiceAnalyzer implements Analyzer {

  public static final GroupKind API_SERVICE = GroupKind.of("apiregistration.k8s.io", "APIService");
  public static final ReasonCode NOT_AVAILABLE = ReasonCode.of("NotAvailable");
  public static final ReasonCode SERVICE_NOT_FOUND = ReasonCode.of("ServiceNotFound");

  @Override
  public String id() {
    return "blame.APIService";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(API_SERVICE);
  }

  @Override
  public Set<GroupKind> reads() {
    return Set.of(GroupKind.SERVICE);
  }

  /** The kinds its links point to: the Service that serves the API. */
  @Override
  public Set<GroupKind> linksTo() {
    return reads();
  }

  @Override
  public List<Link> links(Node node) {
    return service(node).map(s -> List.of(Link.to(EdgeKind.ROUTES_TO, s, "spec.service"))).orElse(List.of());
  }

  private static Optional<ObjectRef> service(Node node) {
    Unstructured u = Unstructured.of(node.object());
    String name = u.string("spec", "service", "name");
    return name.isEmpty() ? Optional.empty()
        : Optional.of(ObjectRef.of(GroupKind.SERVICE, u.string("spec", "service", "namespace"), name));
  }

  @Override
  public Verdict analyze(AnalysisContext ctx) {
    ObjectRef ref = ctx.node().ref();
    List<Finding> findings = new ArrayList<>();
    Optional<ObjectRef> service = service(ctx.node());
    if (service.isPresent() && ctx.graph().observes(GroupKind.SERVICE)
        && ctx.graph().node(service.get()).isEmpty()) {
      findings.add(Finding.builder().subject(ref).health(Health.DEGRADED).reason(SERVICE_NOT_FOUND)
          .message("backing " + service.get().display() + " in namespace " + service.get().namespace()
              + " does not exist")
          .addEvidence(Evidence.field("spec.service", service.get().namespace() + "/" + service.get().name()))
          .build());
    }
    Optional<Condition> available =
        Condition.find(Unstructured.of(ctx.node().object()).conditions(), "Available");
    if (available.isPresent() && available.get().isTrue()) {
      return Judgement.of(Health.HEALTHY, ReconcileStatus.CURRENT, "Available", findings);
    }
    findings.add(available
        .map(c -> GenericResourceAnalyzer.conditionFinding(ref, c, Health.PROGRESSING, NOT_AVAILABLE))
        .orElse(Finding.builder().subject(ref).health(Health.PROGRESSING).reason(NOT_AVAILABLE)
            .message("waiting to be processed (no Available condition)")
            .addEvidence(Evidence.field("status.conditions[Available]", "<absent>")).build()));
    return Judgement.of(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS, "", findings);
  }
}
