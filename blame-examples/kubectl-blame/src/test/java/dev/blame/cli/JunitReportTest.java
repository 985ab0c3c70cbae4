package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Escape;
import dev.blame.api.Explanation;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.WaitOutcome;
import dev.blame.api.WaitResult;
import dev.blame.api.WaitState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code --junit-report} is read by people (GitLab's merge request widget, Jenkins, test-report actions that turn
 * it into Markdown): it holds what the text output holds, cut and made visible the same way.
 */
class JunitReportTest {

  static WaitResult failed(String name, String text) {
    ObjectRef ref = ObjectRef.of(GroupKind.POD, "shop", name);
    Explanation why = HostileTextTest.explain(name, text);
    return WaitResult.builder().outcome(WaitOutcome.FAILED)
        .addStates(WaitState.builder().ref(ref).phase(WaitState.Phase.DOOMED).message(text).build())
        .addCulprits(Finding.builder().subject(ref).container("app").health(Health.DEGRADED)
            .reason(ReasonCode.of("ImagePullBackOff")).message(text).build())
        .addExplanations(why).decidedAt(HostileTextTest.NOW).elapsed(Duration.ofSeconds(3)).build();
  }

  static Element failure(Path report) throws Exception {
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
    return (Element) doc.getElementsByTagName("failure").item(0);
  }

  /** Before, the megabyte went whole into the report three times (the message attribute, the culprit, the event). */
  @Test
  void aMegabyteMessageIsCutAsInTheTextOutput(@TempDir Path dir) throws Exception {
    String text = "pull failed: " + "0123456789abcdef".repeat(1 << 16);
    Path report = dir.resolve("report.xml");
    JunitReport.write(report, failed("web", text));

    assertThat(Files.size(report)).isLessThan(16 * 1024);
    Element failure = failure(report);
    assertThat(failure.getAttribute("message")).startsWith("pull failed: 0123456789abcdef")
        .endsWith("… (" + (text.length() - Escape.TERMINAL_MAX) + " more characters)");
    assertThat(failure.getTextContent().lines()).hasSize(2)
        .allSatisfy(line -> assertThat(line).containsPattern("… \\(\\d{7} more characters\\)$"));
  }

  /**
   * A name or message that reorders what a reader sees (U+202E), hides text (U+200B) or holds a C1 CSI is shown as
   * its escapes, as on a terminal; before, XML carried them as they were (they are legal XML 1.0), and a report
   * viewer drew {@code pod/web-‮lmth.exe} reversed.
   */
  @Test
  void bidiZeroWidthAndC1AreShownAsEscapes(@TempDir Path dir) throws Exception {
    String name = "web-\u202elmth.exe";
    String text = "pull\u200b failed \u009b31m red \u2066isolated\u2069";
    Path report = dir.resolve("report.xml");
    JunitReport.write(report, failed(name, text));

    String xml = Files.readString(report);
    assertThat(xml.codePoints().filter(c -> c != '\n').noneMatch(Escape::isUnsafe)).as(xml).isTrue();
    Element failure = failure(report);
    assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("pod/web-\\u202elmth.exe");
    assertThat(failure.getAttribute("message")).isEqualTo("pull\\u200b failed \\u009b31m red \\u2066isolated\\u2069");
  }
}
