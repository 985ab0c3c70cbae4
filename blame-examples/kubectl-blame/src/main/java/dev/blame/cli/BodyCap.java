package dev.blame.cli;

import java.util.Optional;

/**
 * The reason the response cap ({@link dev.blame.core.HttpLimits}, {@code --max-input-bytes}) cut a response off in
 * this run, for the error line: the HTTP client reports a body cut off as a reset stream, not with the reason.
 */
final class BodyCap {

  /** The last cap exceeded in this process. The CLI runs one command per process; {@link #reset} starts a run. */
  private static volatile String breach;

  private BodyCap() {}

  /** Notes that the response to {@code request} ({@code GET /api/v1/...}, terminal text) went past {@code cap}. */
  static void cut(String request, long cap) {
    breach = "the response to " + request + " is larger than " + Inputs.human(cap) + "; raise the limit with "
        + Inputs.FLAG;
  }

  static void reset() {
    breach = null;
  }

  /** The reason a response was cut off in this run, when one was. */
  static Optional<String> breach() {
    return Optional.ofNullable(breach);
  }
}
