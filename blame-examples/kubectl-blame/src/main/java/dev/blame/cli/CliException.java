package dev.blame.cli;

/** A failure the CLI reports as one line on stderr with exit code {@link ExitCode#ERROR}. */
final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
