package dev.blame.core.testing;

import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.KindSelector;

/**
 * Listed only in the test class path's META-INF/services: proves discovery. Judges ConfigMaps with a
 * {@code broken} key as Degraded.
 */
public final class DiscoveredOnlyAnalyzer implements Analyzer {

  public static final ReasonCode BROKEN = ReasonCode.of("BrokenConfig");

  @Override
  public String id() {
    return "test.DiscoveredOnly";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.CONFIG_MAP);
  }

  @Override
  public Verdict analyze(AnalysisContext context) {
    if (context.node().labels().containsKey("broken")) {
      return Verdict.builder().health(Health.DEGRADED).status(ReconcileStatus.CURRENT)
          .addFinding(Finding.of(context.node().ref(), Health.DEGRADED, BROKEN, "labelled broken"))
          .build();
    }
    return Verdict.of(Health.HEALTHY, ReconcileStatus.CURRENT, "");
  }
}
