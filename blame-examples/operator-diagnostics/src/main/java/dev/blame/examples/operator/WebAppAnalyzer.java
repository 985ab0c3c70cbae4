package dev.blame.examples.operator;

import dev.blame.api.EdgeKind;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.KindSelector;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a WebApp by its children only: the Deployment and the Service it owns.
 *
 * <p>It deliberately ignores the WebApp's own {@code status}: the operator writes that status from this
 * verdict, and the generic custom-resource analyzer, which would otherwise judge WebApps by their
 * {@code Ready} condition, would feed the operator's last answer back to it (a WebApp once Ready=False would
 * stay so after its pods recover). Registered in code by {@link WebAppOperator}, so it needs no ServiceLoader
 * entry.
 */
public final class WebAppAnalyzer implements Analyzer {

  /** The Deployment or Service the operator creates does not exist (yet). */
  public static final ReasonCode CHILD_MISSING = ReasonCode.of("ChildMissing");
  /** The Deployment does not run {@code spec.image} (yet). */
  public static final ReasonCode CHILD_OUTDATED = ReasonCode.of("ChildOutdated");

  private static final GroupKind DEPLOYMENT = GroupKind.DEPLOYMENT;

  @Override
  public String id() {
    return "example.WebApp";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(WebApp.KIND);
  }

  /** The Deployment and Service it owns: a live source watches them when a WebApp is queried. */
  @Override
  public Set<GroupKind> reads() {
    return Set.of(DEPLOYMENT, GroupKind.SERVICE);
  }

  @Override
  public Verdict analyze(AnalysisContext ctx) {
    Node app = ctx.node();
    List<Node> children = ctx.graph().targets(app.ref(), EdgeKind.OWNS);
    List<Finding> findings = new ArrayList<>();
    for (GroupKind kind : List.of(DEPLOYMENT, GroupKind.SERVICE)) {
      if (children.stream().noneMatch(c -> c.ref().groupKind().equals(kind))) {
        findings.add(Finding.builder().subject(app.ref()).health(Health.PROGRESSING).reason(CHILD_MISSING)
            .message(kind.kind() + " " + app.ref().name() + " has not been created yet")
            .addEvidence(Evidence.field("ownerReferences of " + kind, "none")).build());
      }
    }
    Optional<String> wanted = app.as(GenericKubernetesResource.class).flatMap(WebApp::image);
    children.stream().filter(c -> c.ref().groupKind().equals(DEPLOYMENT)).findFirst()
        .flatMap(d -> d.as(Deployment.class)).ifPresent(d -> {
          String running = d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
          if (wanted.isPresent() && !wanted.get().equals(running)) {
            findings.add(Finding.builder().subject(app.ref()).health(Health.PROGRESSING).reason(CHILD_OUTDATED)
                .message("Deployment " + d.getMetadata().getName() + " runs " + running + ", not " + wanted.get())
                .addEvidence(Evidence.field("spec.image", wanted.get())).build());
          }
        });
    for (Node child : children) {
      ctx.graph().verdict(child.ref()).filter(v -> v.health() != Health.HEALTHY).ifPresent(v ->
          findings.add(Finding.builder().subject(app.ref()).health(v.health()).reason(ReasonCode.CHILD_FAILING)
              .message(child.ref().display() + " is " + v.health() + (v.message().isEmpty() ? "" : ": "
                  + v.message()))
              .addEvidence(Evidence.builder().kind(Evidence.Kind.FIELD).path("verdict")
                  .value(v.toString()).source(child.ref()).build())
              .build()));
    }
    Health health = findings.stream().map(Finding::health).max(Comparator.naturalOrder()).orElse(Health.HEALTHY);
    ReconcileStatus status = health == Health.HEALTHY ? ReconcileStatus.CURRENT
        : health == Health.DEGRADED ? ReconcileStatus.FAILED : ReconcileStatus.IN_PROGRESS;
    String message = health == Health.HEALTHY ? "Deployment and Service are healthy"
        : findings.stream().filter(f -> f.health() == health).findFirst().map(Finding::message).orElse("");
    return Verdict.builder().health(health).status(status).message(message).addAllFindings(findings).build();
  }
}
