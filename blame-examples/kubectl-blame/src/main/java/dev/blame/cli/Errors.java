package dev.blame.cli;

import dev.blame.api.BlameException;
import dev.blame.api.Escape;

/** Turns failures into the one line the CLI prints on stderr. */
final class Errors {

  private Errors() {}

  /**
   * The message of an exception on one line, without the class name noise of wrapped causes, and encoded for a
   * terminal: a message quoting cluster text cannot start a line or a control sequence.
   */
  static String oneLine(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    // Parser messages come with a source snippet and a caret on further lines: keep the words only.
    StringBuilder line = new StringBuilder();
    for (String part : message.split("\\R")) {
      String text = part.trim();
      if (text.isEmpty() || text.matches("\\^+") || text.startsWith("in 'reader'")) {
        continue;
      }
      if (line.length() > 0) {
        line.append(line.charAt(line.length() - 1) == ':' ? " " : "; ");
      }
      line.append(text);
    }
    return Escape.terminal(line.toString());
  }

  /** {@code error: ...} for a library failure, saying what kind of failure it is. */
  static String describe(BlameException e) {
    String message = oneLine(e);
    switch (e.kind()) {
      case UNREACHABLE:
        return "cannot reach the cluster: " + message;
      case FORBIDDEN:
        return "the cluster refused access: " + message;
      case TIMEOUT:
        return "the cluster did not answer in time: " + message;
      case CONFIGURATION:
        return "analyzers are misconfigured: " + message;
      case BAD_INPUT:
      default:
        return message;
    }
  }
}
