package dev.blame.api;

/**
 * An infrastructure failure: the cluster could not be reached, a request was refused or timed out, the
 * caller's input could not be read, or the analyzers are misconfigured. The message names the request or
 * input and what was expected. Problems with one object are never exceptions; see {@link Finding}.
 */
public class BlameException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, so that callers (a CLI mapping exit codes, say) need not parse messages. */
  public enum Kind {
    /** A file, manifest or argument could not be read or was not what was expected. */
    BAD_INPUT,
    /** The cluster did not answer, or answered with an error that retrying did not cure. */
    UNREACHABLE,
    /** The API refused the request (401 or 403). */
    FORBIDDEN,
    /** The deadline passed or the thread was interrupted. */
    TIMEOUT,
    /** Analyzers could not be set up, e.g. two with one id. */
    CONFIGURATION
  }

  private final Kind kind;

  public BlameException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public BlameException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
