package dev.blame.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Activity;
import dev.blame.api.Blame;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.KindSelector;
import dev.blame.core.testing.RolloutAnalyzer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BlameViewsTest {

  @Test
  void agesReadLikeKubectls() {
    assertThat(BlameViews.human(Duration.ofSeconds(15))).isEqualTo("15s");
    assertThat(BlameViews.human(Duration.ofSeconds(119))).isEqualTo("119s");
    assertThat(BlameViews.human(Duration.ofSeconds(210))).isEqualTo("3m30s");
    assertThat(BlameViews.human(Duration.ofMinutes(45))).isEqualTo("45m");
    assertThat(BlameViews.human(Duration.ofMinutes(200))).isEqualTo("3h20m");
    assertThat(BlameViews.human(Duration.ofHours(28))).isEqualTo("28h");
    assertThat(BlameViews.human(Duration.ofHours(51))).isEqualTo("2d3h");
    assertThat(BlameViews.human(Duration.ofDays(21))).isEqualTo("21d");
    assertThat(BlameViews.ago(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:30Z")))
        .isEqualTo("in 30s");
  }

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
      return Verdict.builder().from(new RolloutAnalyzer().analyze(context))
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
        .addAnalyzer(new RolloutAnalyzer())
        .clock(Clock.fixed(Instant.parse("2026-11-22T12:00:15Z"), ZoneOffset.UTC))
        .manifests(Path.of(getClass().getResource("/scenarios/talk.yaml").toURI()))
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
