package dev.blame.api;

/**
 * An infrastructure failure: the cluster could not be reached, a request was refused or timed out, the
 * caller's input could not be read, or the analyzers are misconfigured. The message names the request or
 * input and what was expected. Problems with one object are never exceptions; see {@link Finding}.
 *
 * <p>The message is one line safe to print or log: it is kept as {@link Escape#terminal} writes it, without the
 * user info of the URLs in it ({@link Escape#withoutCredentials}), since it may quote what a server, a file or a
 * client library said (a 403's Status message, a name read from a manifest). Text that is already terminal text
 * stays as it is.
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

  /** What went wrong; part of the serialized form. */
  private final Kind kind;

  /**
   * A failure without a cause.
   *
   * @param kind what went wrong
   * @param message the request or input, and what was expected; one line
   */
  public BlameException(Kind kind, String message) {
    super(shown(message));
    this.kind = kind;
  }

  /**
   * A failure caused by another exception, e.g. the client's.
   *
   * @param kind what went wrong
   * @param message the request or input, and what was expected; one line
   * @param cause the underlying exception
   */
  public BlameException(Kind kind, String message, Throwable cause) {
    super(shown(message), cause);
    this.kind = kind;
  }

  private static String shown(String message) {
    return message == null ? null : Escape.terminal(Escape.withoutCredentials(message));
  }

  /** {@return what went wrong, for callers that map failures to exit codes or retries}. */
  public Kind kind() {
    return kind;
  }
}
