package dev.blame.cli;

import dev.blame.core.BlameEngine;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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

  Cli(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean color,
      Consumer<BlameEngine.Builder> engine) {
    this.out = Objects.requireNonNull(out);
    this.err = Objects.requireNonNull(err);
    this.in = Objects.requireNonNull(in);
    this.env = Map.copyOf(env);
    this.color = color;
    this.engine = Objects.requireNonNull(engine);
  }

  /** The process' own streams; colour only on a terminal and never with NO_COLOR set. */
  static Cli system() {
    Map<String, String> env = System.getenv();
    boolean color = System.console() != null && !env.containsKey("NO_COLOR")
        && !"dumb".equals(env.get("TERM"));
    return new Cli(
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
        System.in, env, color, builder -> { });
  }
}
