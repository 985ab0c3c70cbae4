package dev.blame.cli;

import dev.blame.api.BlameException;
import dev.blame.api.Escape;

/** Turns failures into the one line the CLI prints on stderr. */
final class Errors {

  private Errors() {}

  /** A Java class name as wrapped exceptions put it in messages: {@code java.net.UnknownHostException: }. */
  private static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile(
      "\\b(?:[a-z_][a-z0-9_]*\\.)+(?<simple>[A-Z][A-Za-z0-9_]*(?:\\$[A-Za-z0-9_]+)*)(?::\\s*)?");
  /** A word said twice once a class name became it: {@code connection refused: Connection refused}. */
  private static final java.util.regex.Pattern REPEATED = java.util.regex.Pattern.compile(
      "(?i)\\b([a-z][a-z ]+[a-z]): \\1\\b");

  /**
   * The message of an exception on one line, without Java class names: a wrapped cause's class becomes what it
   * means ({@code connection refused}, {@code unknown host}) or goes. Encoded for a terminal: a message quoting
   * cluster text cannot start a line or a control sequence.
   */
  static String oneLine(Throwable e) {
    String message = Escape.withoutCredentials(e.getMessage());
    if (e instanceof CliException && !message.isBlank()) {
      // Composed here, one line by design: a line break in it is in a name the user gave (a file, a context, a
      // selector) or a file holds, and is shown escaped as given (a\nb.yaml), not joined as a parser's lines are.
      return Escape.terminal(message);
    }
    if (message == null || message.isBlank()) {
      message = meaning(e).orElse("unexpected failure");
    }
    java.util.regex.Matcher m = CLASS_NAME.matcher(message);
    StringBuilder plain = new StringBuilder();
    while (m.find()) {
      String simple = m.group("simple").substring(m.group("simple").lastIndexOf('$') + 1);
      String word = simple.endsWith("Exception") || simple.endsWith("Error")
          ? MEANINGS.getOrDefault(simple, "") : m.group();
      m.appendReplacement(plain, java.util.regex.Matcher.quoteReplacement(word));
    }
    m.appendTail(plain);
    message = REPEATED.matcher(plain.toString()).replaceAll("$1");
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

  private static final java.util.Map<String, String> MEANINGS = java.util.Map.of(
      "UnknownHostException", "unknown host ",
      "ConnectException", "connection refused: ",
      "AnnotatedConnectException", "connection refused: ",
      "SocketTimeoutException", "no answer in time: ",
      "TimeoutException", "no answer in time: ",
      "SSLHandshakeException", "TLS handshake failed: ",
      "SSLException", "TLS failed: ",
      "NoRouteToHostException", "no route to host: ");

  /** What a network failure means, from the innermost cause that says; encoded for a terminal (it quotes hosts). */
  static java.util.Optional<String> meaning(Throwable e) {
    String found = null;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (Class<?> c = t.getClass(); c != null && c != Throwable.class; c = c.getSuperclass()) {
        String word = MEANINGS.get(c.getSimpleName());
        if (word != null) {
          String detail = t.getMessage() == null ? "" : oneLineOf(Escape.withoutCredentials(t.getMessage()));
          found = Escape.terminal(withoutRepeats((word + detail).strip()));
          if (found.endsWith(":")) {
            found = found.substring(0, found.length() - 1);
          }
          break;
        }
      }
    }
    return java.util.Optional.ofNullable(found);
  }

  private static String oneLineOf(String message) {
    return message.replaceAll("\\s*\\R\\s*", "; ").replaceAll(CLASS_NAME.pattern(), "").strip();
  }

  static String withoutRepeats(String text) {
    return REPEATED.matcher(text).replaceAll("$1");
  }

  /** Why a request to the API server at {@code server} failed, on one line, naming the server. */
  static String connection(Throwable e, String server) {
    String why = meaning(e).orElseGet(() -> oneLine(e));
    String at = Escape.terminal(Escape.serverUrl(server));
    return why + (at.isEmpty() || why.contains(at) ? "" : " (" + at + ")");
  }

  /** What to do when the cluster cannot be reached. */
  static final String REACH_HINT = "; check that the cluster is up and that the kubeconfig's context and server "
      + "are right ('kubectl config view --minify'), or read manifests with -f";

  /** {@code error: ...} for a library failure, saying what kind of failure it is. */
  static String describe(BlameException e) {
    String message = oneLine(e);
    switch (e.kind()) {
      case UNREACHABLE:
        return "cannot reach the cluster: " + meaning(e).filter(m -> !message.toLowerCase(java.util.Locale.ROOT)
            .contains(m.toLowerCase(java.util.Locale.ROOT).split(":")[0])).map(m -> message + " (" + m + ")")
            .orElse(message) + REACH_HINT;
      case FORBIDDEN:
        return "the cluster refused access: " + message + "; ask for read access to it (see docs/rbac.yaml) or "
            + "use another context with --context";
      case TIMEOUT:
        return "the cluster did not answer in time: " + message + "; retry, or raise --request-timeout";
      case CONFIGURATION:
        return "analyzers are misconfigured: " + message;
      case BAD_INPUT:
      default:
        return message;
    }
  }
}
