package dev.blame.cli;

import dev.blame.core.BlameEngine;
import dev.blame.testkit.WaitingContainersAnalyzer;
import dev.blame.testkit.WorstChildAnalyzer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/** Runs the CLI in-process with captured streams and the test analyzers (not the built-in ones). */
record Run(int code, String out, String err) {

  static final Consumer<BlameEngine.Builder> TEST_ANALYZERS = builder -> builder.discoverAnalyzers(false)
      .addAnalyzer(new WaitingContainersAnalyzer()).addAnalyzer(new WorstChildAnalyzer());

  static Run of(String... args) {
    return withStdin("", args);
  }

  /** With the analyzers a user gets: those discovered on the class path (blame-analyzers). */
  static Run withBuiltInAnalyzers(String... args) {
    return run("", builder -> { }, args);
  }

  static Run withStdin(String stdin, String... args) {
    return run(stdin, TEST_ANALYZERS, args);
  }

  private static Run run(String stdin, Consumer<BlameEngine.Builder> engine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Cli cli = new Cli(new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.of(), false, engine);
    int code = BlameCli.run(cli, args);
    return new Run(code, out.toString(), err.toString());
  }

  /** The path of a test resource, e.g. {@code dumps/talk.yaml}. */
  static String resource(String name) {
    try {
      return Path.of(Run.class.getResource("/" + name).toURI()).toString();
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test resource " + name, e);
    }
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
