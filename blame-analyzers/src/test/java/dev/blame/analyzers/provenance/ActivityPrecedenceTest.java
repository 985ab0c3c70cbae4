package dev.blame.analyzers.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Activity;
import dev.blame.api.Blame;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.KindSelector;
import dev.blame.core.BlameEngine;
import dev.blame.core.BlameViews;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** An analyzer's own activities win over the activity facets'. */
class ActivityPrecedenceTest {

  /** A deployment analyzer reporting its own activities, as blame-analyzers' will. */
  static final class ReportingAnalyzer implements Analyzer {
    @Override
    public String id() {
      return "test.Reporting";
    }

    @Override
    public KindSelector kinds() {
      return KindSelector.of(GroupKind.DEPLOYMENT);
    }

    @Override
    public Verdict analyze(AnalysisContext context) {
      return Verdict.builder().from(new TalkAnalyzer().analyze(context))
          .addActivity(Activity.of(Activity.Verb.SCALING_DOWN,
              ObjectRef.of(GroupKind.REPLICA_SET, "demo", "my-busybox-v9"), "1 -> 0 replicas"))
          .build();
    }
  }

  @Test
  void analyzersActivitiesReplaceTheEnginesGenericOnes() throws Exception {
    try (Blame blame = BlameEngine.builder()
        .discoverAnalyzers(false)
        .addAnalyzer(new ReportingAnalyzer())
        .addAnalyzer(new TalkAnalyzer())
        .clock(Clock.fixed(Instant.parse("2026-11-22T12:00:15Z"), ZoneOffset.UTC))
        .manifests(Path.of(getClass().getResource("/provenance/scenarios/talk.yaml").toURI()))
        .build()) {
      String text = BlameViews.causeToEffect(blame.explain(ObjectRef.of(GroupKind.DEPLOYMENT, "demo", "my-busybox")));

      assertThat(text).startsWith("""
          Deployment my-busybox: Edited 15s ago - In progress...
            -> Scaling down ReplicaSet my-busybox-v9 (1 -> 0 replicas)
          """);
      assertThat(text).doesNotContain("Creating ReplicaSet");
    }
  }
}
