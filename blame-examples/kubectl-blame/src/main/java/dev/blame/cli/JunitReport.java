package dev.blame.cli;

import dev.blame.api.Escape;
import dev.blame.api.Finding;
import dev.blame.api.WaitOutcome;
import dev.blame.api.WaitResult;
import dev.blame.api.WaitState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code --junit-report}: one testcase per waited-for object (classname = namespace, name = kind/name), a
 * {@code <failure>} for a doomed object with its culprits, an {@code <error>} for one still pending at the
 * timeout (or held when another failed), nothing for a rolled-out one.
 *
 * <p>A report is read by people (GitLab's merge request widget, Jenkins, a test-report action's Markdown), so its
 * values are encoded as the text output's lines are ({@link Escape#terminal}: one line, controls, bidi and
 * zero-width characters made visible, at most {@link Escape#TERMINAL_MAX} characters and a count of the rest),
 * then for XML ({@link Escape#xml}). Before, a megabyte waiting message went whole into the report, once in the
 * attribute and once per failing object in the body, and a U+202E reordered the name a reader saw.
 */
final class JunitReport {

  private JunitReport() {}

  static void write(Path file, WaitResult result) {
    List<WaitState> states = result.states();
    long failures = states.stream().filter(s -> s.phase() == WaitState.Phase.DOOMED).count();
    long errors = states.stream().filter(s -> s.phase() == WaitState.Phase.PENDING).count();
    String time = String.format(Locale.ROOT, "%.3f", result.elapsed().toMillis() / 1000.0);
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuite name=\"kubectl-blame wait\" tests=\"").append(states.size()).append("\" failures=\"")
        .append(failures).append("\" errors=\"").append(errors).append("\" skipped=\"0\" time=\"").append(time)
        .append("\" timestamp=\"").append(result.decidedAt()).append("\">\n");
    for (WaitState s : states) {
      xml.append("  <testcase classname=\"").append(attr(s.ref().namespace().isEmpty() ? "cluster" : s.ref().namespace()))
          .append("\" name=\"").append(attr(WaitCommand.display(s))).append("\" time=\"").append(time).append('"');
      if (s.phase() == WaitState.Phase.DONE) {
        xml.append("/>\n");
        continue;
      }
      xml.append(">\n");
      String tag = s.phase() == WaitState.Phase.DOOMED ? "failure" : "error";
      String type = s.phase() == WaitState.Phase.DOOMED ? "RolloutFailed"
          : result.outcome() == WaitOutcome.TIMED_OUT ? "RolloutTimedOut" : "RolloutNotFinished";
      StringBuilder body = new StringBuilder();
      for (Finding f : result.culprits()) {
        body.append(Escape.terminal(WaitView.culprit(f))).append('\n');
      }
      result.revisionDiffs().forEach(d -> body.append("Revision change: ")
          .append(Escape.terminal(WaitView.revision(d))).append('\n'));
      WaitView.lastEvents(result).forEach(e -> body.append(Escape.terminal(WaitView.event(e))).append('\n'));
      xml.append("    <").append(tag).append(" type=\"").append(type).append("\" message=\"")
          .append(attr(s.message())).append("\">").append(text(body.toString())).append("</").append(tag)
          .append(">\n  </testcase>\n");
    }
    xml.append("</testsuite>\n");
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, xml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException("--junit-report " + file + ": cannot write: " + e.getMessage(), e);
    }
  }

  /** The body, whose lines are {@link Escape#terminal} text already. */
  private static String text(String s) {
    return Escape.xml(s);
  }

  private static String attr(String s) {
    return Escape.xml(Escape.terminal(s));
  }
}
