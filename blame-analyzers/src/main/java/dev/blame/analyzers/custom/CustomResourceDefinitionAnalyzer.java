package dev.blame.analyzers.custom;

import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.KindSelector;
import dev.blame.api.spi.Unstructured;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CustomResourceDefinitions, as kstatus' {@code crdConditions}: names not accepted, or Established=False for a
 * reason other than {@code Installing}, is failed; Established=True is current; anything else is installing.
 */
public final class CustomResourceDefinitionAnalyzer implements Analyzer {

  public static final ReasonCode NAMES_NOT_ACCEPTED = ReasonCode.of("NamesNotAccepted");
  public static final ReasonCode NOT_ESTABLISHED = ReasonCode.of("NotEstablished");
  public static final ReasonCode INSTALLING = ReasonCode.of("Installing");

  @Override
  public String id() {
    return "blame.CustomResourceDefinition";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.CUSTOM_RESOURCE_DEFINITION);
  }

  @Override
  public Verdict analyze(AnalysisContext ctx) {
    ObjectRef ref = ctx.node().ref();
    if (ctx.node().deletedAt().isPresent()) {
      return Judgement.of(Health.PROGRESSING, ReconcileStatus.TERMINATING, "being deleted", List.of());
    }
    List<Condition> conditions = Unstructured.of(ctx.node().object()).conditions();
    List<Finding> findings = new ArrayList<>();
    Optional<Condition> names = Condition.find(conditions, "NamesAccepted");
    if (names.isPresent() && names.get().isFalse()) {
      findings.add(GenericResourceAnalyzer.conditionFinding(ref, names.get(), Health.DEGRADED, NAMES_NOT_ACCEPTED));
      return Judgement.of(Health.DEGRADED, ReconcileStatus.FAILED, "", findings);
    }
    Optional<Condition> established = Condition.find(conditions, "Established");
    if (established.isPresent() && established.get().isTrue()) {
      return Judgement.healthy("Established");
    }
    if (established.isPresent() && established.get().isFalse()
        && !"Installing".equals(established.get().reason())) {
      findings.add(GenericResourceAnalyzer.conditionFinding(ref, established.get(), Health.DEGRADED,
          NOT_ESTABLISHED));
      return Judgement.of(Health.DEGRADED, ReconcileStatus.FAILED, "", findings);
    }
    Finding installing = established
        .map(c -> GenericResourceAnalyzer.conditionFinding(ref, c, Health.PROGRESSING, INSTALLING))
        .orElse(Finding.builder().subject(ref).health(Health.PROGRESSING).reason(INSTALLING)
            .message("not yet Established (no condition)")
            .addEvidence(Evidence.field("status.conditions[Established]", "<absent>")).build());
    return Judgement.of(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS, "Install in progress", List.of(installing));
  }
}
