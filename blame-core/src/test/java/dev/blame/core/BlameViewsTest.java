package dev.blame.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
    assertThat(BlameViews.human(Duration.ofDays(800))).isEqualTo("2y");
    // An object stamped by a clock ahead of the reader's: no negative age (the demo cluster's tables).
    assertThat(BlameViews.human(Duration.ofSeconds(-5))).isEqualTo("0s");
    assertThat(BlameViews.ago(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:30Z")))
        .isEqualTo("in 30s");
  }
}
