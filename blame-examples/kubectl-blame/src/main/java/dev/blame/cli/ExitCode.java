package dev.blame.cli;

/** The plugin's exit codes, documented in docs/cli.md. */
final class ExitCode {

  /** The question was answered (whatever the health of the object). */
  static final int OK = 0;
  /** An unexpected failure inside the CLI: a bug. */
  static final int INTERNAL = 1;
  /** Bad input, an object or type not found, or the cluster unreachable, forbidden or too slow. */
  static final int ERROR = 3;

  private ExitCode() {}
}
