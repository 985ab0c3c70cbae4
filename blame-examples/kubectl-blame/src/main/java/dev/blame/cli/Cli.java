package dev.blame.cli;

import dev.blame.core.BlameEngine;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a run of the CLI talks to: its streams, environment, whether colour is wanted, and (for tests) a hook
 * that adjusts every {@link BlameEngine.Builder} before it is built, e.g. to register analyzers.
 */
final class Cli {

  final PrintWriter out;
  final PrintWriter err;
  final InputStream in;
  final Map<String, String> env;
  final boolean color;
  final Consumer<BlameEngine.Builder> engine;
  /** How usage text names the command: {@code kubectl blame} when the plugin launcher runs it. */
  final String command;
  /**
   * The directory relative paths ({@code -f}, {@code --kubeconfig}, {@code --health-rules}) resolve against: the
   * process's, or the client's when the background server answers for it.
   */
  final Path cwd;
  /** Where live sessions get their clients: {@link KeptClients#NONE} (a new one each), or the server's. */
  final KeptClients clients;

  Cli(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean color,
      Consumer<BlameEngine.Builder> engine) {
    this(out, err, in, env, color, engine, "kubectl-blame");
  }

  Cli(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean color,
      Consumer<BlameEngine.Builder> engine, String command) {
    this(out, err, in, env, color, engine, command, Path.of("").toAbsolutePath());
  }

  Cli(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean color,
      Consumer<BlameEngine.Builder> engine, String command, Path cwd) {
    this(out, err, in, env, color, engine, command, cwd, KeptClients.NONE);
  }

  Cli(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean color,
      Consumer<BlameEngine.Builder> engine, String command, Path cwd, KeptClients clients) {
    this.clients = Objects.requireNonNull(clients);
    this.cwd = cwd.toAbsolutePath();
    this.out = Objects.requireNonNull(out);
    this.err = Objects.requireNonNull(err);
    this.in = Objects.requireNonNull(in);
    this.env = Map.copyOf(env);
    this.color = color;
    this.engine = Objects.requireNonNull(engine);
    this.command = Objects.requireNonNull(command);
  }

  /** The same, writing to other streams. */
  Cli withOut(PrintWriter out) {
    return new Cli(out, err, in, env, color, engine, command, cwd, clients);
  }

  /**
   * A path the user gave, resolved against this run's working directory; left as given (so that messages name it
   * as the user did) when that is the process's own.
   */
  Path path(String given) {
    Path path = Path.of(given);
    return path.isAbsolute() || cwd.equals(Path.of("").toAbsolutePath()) ? path : cwd.resolve(path);
  }

  /** The same, with one more adjustment of every engine builder. */
  Cli withEngine(Consumer<BlameEngine.Builder> more) {
    return new Cli(out, err, in, env, color, engine.andThen(more), command, cwd, clients);
  }

  /** The process' own streams; colour only on a terminal, unless NO_COLOR is set to a non-empty value. */
  static Cli system() {
    return system(System.in);
  }

  /** The process' own streams, reading stdin from {@code in}. */
  static Cli system(InputStream in) {
    Map<String, String> env = System.getenv();
    boolean color = System.console() != null && wantsColor(env);
    return new Cli(
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
        in, env, color, builder -> { }, System.getProperty("kubectl-blame.command", "kubectl-blame"));
  }

  /**
   * What the environment says about colour on a terminal: no-color.org's rule (only a non-empty NO_COLOR turns
   * it off) and a dumb terminal.
   */
  static boolean wantsColor(Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    return (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
  }
}
