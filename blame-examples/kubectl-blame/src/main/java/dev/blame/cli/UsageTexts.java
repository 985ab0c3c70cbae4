package dev.blame.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The usage texts ({@code --help}) of the command and its visible subcommands, made by picocli at build time
 * ({@link #main}, run by the build into the jar) and printed by {@link Main} without building picocli's model,
 * which reads every command's annotations by reflection (0.4-0.6 s of CPU on each run, docs/performance.md).
 * {@code UsageTextsTest} asserts that each stored text equals what picocli prints, so they cannot go stale.
 *
 * <p>One text per command, per name the usage gives it ({@code kubectl blame} as a plugin, {@code kubectl-blame}
 * otherwise) and per colour setting; help is laid out at picocli's fixed width, like kubectl's own.
 */
public final class UsageTexts {

  /** The commands with a stored text: "" for the root, then the visible subcommands. */
  static final List<String> COMMANDS = List.of("", "status", "demo", "analyzers", "wait", "completion");
  /** The names the usage text gives the command, and the directory of their texts. */
  static final Map<String, String> NAMES = Map.of("kubectl blame", "plugin", "kubectl-blame", "jar");

  private UsageTexts() {}

  /**
   * The subcommand a command line asks the usage of (or "" for the root), when it asks only that: {@code --help},
   * {@code -h}, or {@code SUBCOMMAND --help}; empty for anything else.
   */
  static Optional<String> asked(String[] args) {
    if (args.length == 1 && isHelp(args[0])) {
      return Optional.of("");
    }
    if (args.length == 2 && isHelp(args[1]) && !args[0].isEmpty() && COMMANDS.contains(args[0])) {
      return Optional.of(args[0]);
    }
    return Optional.empty();
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h");
  }

  /** Where the text is in the jar, relative to this class. */
  static String resource(String name, String command, boolean color) {
    return "usage/" + NAMES.get(name) + "/" + (command.isEmpty() ? "kubectl-blame" : command)
        + (color ? ".ansi" : ".txt");
  }

  /** The stored text's bytes, when the build stored it (not for another name, nor another line separator). */
  static Optional<byte[]> stored(String name, String command, boolean color) {
    if (!NAMES.containsKey(name) || !System.lineSeparator().equals("\n")
        || System.getProperty("picocli.usage.width") != null) {
      return Optional.empty();
    }
    try (InputStream in = UsageTexts.class.getResourceAsStream(resource(name, command, color))) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** What picocli prints for {@code [COMMAND] --help}. */
  static String render(String name, String command, boolean color) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Cli cli = new Cli(new PrintWriter(out), new PrintWriter(err), InputStream.nullInputStream(), Map.of(), color,
        builder -> { }, name);
    int code = command.isEmpty() ? BlameCli.run(cli, "--help") : BlameCli.run(cli, command, "--help");
    if (code != ExitCode.OK || !err.toString().isEmpty()) {
      throw new IllegalStateException("'" + command + " --help' exited " + code + ": " + err);
    }
    return out.toString();
  }

  /** The build's step: writes every text under the directory given (the jar's classes). */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    for (String name : NAMES.keySet()) {
      for (String command : COMMANDS) {
        for (boolean color : new boolean[] {false, true}) {
          Path file = root.resolve("dev/blame/cli").resolve(resource(name, command, color));
          Files.createDirectories(file.getParent());
          Files.writeString(file, render(name, command, color), StandardCharsets.UTF_8);
        }
      }
    }
  }
}
