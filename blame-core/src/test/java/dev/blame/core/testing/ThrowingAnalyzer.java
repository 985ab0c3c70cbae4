package dev.blame.core.testing;

import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.KindSelector;

/** A provider that cannot even be constructed: discovery must skip it with a warning. */
public final class ThrowingAnalyzer implements Analyzer {

  public ThrowingAnalyzer() {
    throw new IllegalStateException("ThrowingAnalyzer refuses to start");
  }

  @Override
  public String id() {
    return "test.Throwing";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.any();
  }

  @Override
  public Verdict analyze(AnalysisContext context) {
    throw new AssertionError("never constructed");
  }
}
