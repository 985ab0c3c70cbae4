package dev.blame.analyzers.custom;

import dev.blame.api.spi.Condition;
import java.util.regex.Pattern;

/**
 * A tally in a condition's message that counts no failure. Operators summarise their parts in the message as counts,
 * failures among them, and write the count even when it is zero: NetObserv's FlowCollector {@code Ready=False Pending}
 * "4 ready components, 0 with failure, 1 pending" (held-out round seventy), Tekton's PipelineRun
 * {@code Succeeded=Unknown Running} "Tasks Completed: 2 (Failed: 0, Cancelled 0), Incomplete: 1, Skipped: 0". A
 * failure word counted zero, before it ({@code 0 failed}, {@code 0 with failure}) or after it ({@code Failed: 0}), says
 * no part failed, so it is taken out before the message is read for failure words. A count above zero stays, and so
 * does a zero that counts something else beside a failure word ({@code 0 ready, 3 failed}), and a zero that begins a
 * fraction after the word: the scheduler's "0/3 nodes are available: ..." (kube-scheduler's FailedScheduling message,
 * which operators pass on after "error:" or "failed:") counts what is available, not failures.
 */
final class Tallies {

  /** A zero before the failure word, with at most two plain words between ({@code 0 with failure}). */
  private static final Pattern ZERO_BEFORE = Pattern.compile(
      "(?<![\\w.])0\\s+(?:[a-z]+\\s+){0,2}?(?:fail\\w*|errors?|errored)\\b", Pattern.CASE_INSENSITIVE);
  /** A zero after the failure word and a colon or space ({@code Failed: 0}, {@code errors 0}), not a fraction's. */
  private static final Pattern ZERO_AFTER = Pattern.compile(
      "\\b(?:fail\\w*|errors?|errored)\\s*:?\\s*0(?![\\w./])", Pattern.CASE_INSENSITIVE);

  private Tallies() {}

  /** The message with each failure counted zero taken out. */
  static String withoutZeroFailures(String message) {
    return ZERO_AFTER.matcher(ZERO_BEFORE.matcher(message).replaceAll(" ")).replaceAll(" ");
  }

  /** What a condition says, reason and message, for a reading of failure words. */
  static String said(Condition c) {
    return c.reason() + " " + withoutZeroFailures(c.message());
  }
}
