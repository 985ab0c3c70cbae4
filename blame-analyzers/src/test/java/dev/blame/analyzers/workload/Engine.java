package dev.blame.analyzers.workload;

import dev.blame.api.Blame;
import dev.blame.api.spi.Analyzer;
import dev.blame.core.BlameEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Builds blame-core's engine over manifests with only the workload analyzers and a fixed clock. */
final class Engine {

  private Engine() {}

  static Blame over(String sourceName, String yaml, Instant now) {
    BlameEngine.Builder builder = BlameEngine.builder()
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .discoverAnalyzers(false);
    for (Analyzer analyzer : Analyzers.workload()) {
      builder.addAnalyzer(analyzer);
    }
    return builder.manifests(sourceName, yaml).build();
  }
}
