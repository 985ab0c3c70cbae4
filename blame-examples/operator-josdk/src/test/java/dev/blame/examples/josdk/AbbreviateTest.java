package dev.blame.examples.josdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The error condition quotes the exception's text, which may quote the API server's and so the cluster's: cut to
 * 1000 characters, it must stay text UTF-8 can hold. Before, a pair straddling the cut left a lone high surrogate,
 * which a UTF-8 encoder replaces with {@code ?} or refuses.
 */
class AbbreviateTest {

  @Test
  void theCutNeverSplitsASurrogatePair() {
    for (int lead = 990; lead <= 1000; lead++) {
      String message = "x".repeat(lead) + "\uD83D\uDE00".repeat(20);
      String cut = WebAppReconciler.abbreviate(message);
      assertThat(cut).hasSizeLessThanOrEqualTo(1000).endsWith("…");
      String kept = cut.substring(0, cut.length() - 1);
      assertThat(new String(kept.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(kept);
      assertThat(message).startsWith(kept);
    }
    assertThat(WebAppReconciler.abbreviate("short")).isEqualTo("short");
  }
}
