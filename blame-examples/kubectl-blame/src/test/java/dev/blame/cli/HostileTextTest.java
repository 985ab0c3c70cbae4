package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blame.api.Blame;
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
import dev.blame.core.BlameEngine;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every sink of the CLI fed with cluster text made of every control and separator character: a pod whose name,
 * container waiting message and Event carry random hostile strings, rendered as a tree, a status table, DOT,
 * Mermaid, JSON, YAML, wait's text and GitHub annotations, and a JUnit report, each parsed back. Seeded.
 */
class HostileTextTest {

  static final int STRINGS = 150;
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  static final List<String> PIECES = pieces();

  static List<String> pieces() {
    List<String> pieces = new ArrayList<>();
    for (int c = 0; c < 0x20; c++) {
      pieces.add(String.valueOf((char) c));
    }
    for (int c = 0x7f; c <= 0x9f; c++) {
      pieces.add(String.valueOf((char) c));
    }
    for (int c : new int[] {0x202a, 0x202e, 0x2066, 0x2069, 0x200f, 0x2028, 0x2029, 0xfeff, 0xd800}) {
      pieces.add(String.valueOf((char) c));
    }
    pieces.addAll(List.of("a", "b", " ", "   ", "%", ":", ",", "::error::forged", "::add-mask::x", "\\", "\"", "'",
        "<", ">", "&", "]]>", "#", "`", "|", "[", "]", "(", ")", ";", "\u001b[2J", "\u001b]0;title\u0007",
        "\u009b31m", "\npod/fake-row   Healthy   Current", "\r\n::error title=x::y", "-->", "\u00e9"));
    return pieces;
  }

  static String hostile(Random random) {
    StringBuilder text = new StringBuilder("h");
    int n = 1 + random.nextInt(10);
    for (int i = 0; i < n; i++) {
      text.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return text.toString();
  }

  /** A pod stuck pulling its image, and its Warning Event; {@code text} in its name and messages. */
  static Explanation explain(String name, String text) {
    List<HasMetadata> objects = List.of(
        new PodBuilder().withNewMetadata().withName(name).withNamespace("shop").withUid("u1")
            .withCreationTimestamp("2026-11-22T11:50:00Z").endMetadata()
            .withNewSpec().addNewContainer().withName("app").withImage("nginx:nope").endContainer().endSpec()
            .withNewStatus().withPhase("Pending")
            .addNewCondition().withType("Ready").withStatus("False").withReason("ContainersNotReady")
            .withMessage(text).endCondition()
            .addNewContainerStatus().withName("app").withImage("nginx:nope").withReady(false).withRestartCount(0)
            .withNewState().withNewWaiting().withReason("ImagePullBackOff").withMessage(text).endWaiting()
            .endState().endContainerStatus().endStatus().build(),
        new EventBuilder().withNewMetadata().withName("e1").withNamespace("shop").endMetadata()
            .withNewInvolvedObject().withKind("Pod").withApiVersion("v1").withName(name).withNamespace("shop")
            .withUid("u1").endInvolvedObject().withType("Warning").withReason("Failed").withMessage(text)
            .withCount(3).withLastTimestamp("2026-11-22T11:59:00Z").build());
    Blame blame = BlameEngine.builder().objects(objects).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    return blame.explain(ObjectRef.of(GroupKind.POD, "shop", name));
  }

  static void assertNoControls(String out) {
    out.lines().forEach(line -> assertThat(line.codePoints().noneMatch(Escape::isUnsafe)).as(line).isTrue());
  }

  @Test
  void treeKeepsItsLinesAndHoldsNoControlSequence() {
    Random random = new Random(1);
    String benign = new TreeRenderer(false).render(explain("web-x", "x"));
    for (int i = 0; i < STRINGS; i++) {
      String text = hostile(random);
      String out = new TreeRenderer(false).render(explain("web-" + text, text));
      assertNoControls(out);
      assertThat(out.lines().count()).as(out).isEqualTo(benign.lines().count());
      assertThat(out.lines().filter(l -> l.trim().startsWith("::") || l.startsWith("pod/"))).isEmpty();
    }
  }

  @Test
  void statusTableHasOneLinePerRowAndItsColumns() {
    Random random = new Random(2);
    for (int i = 0; i < STRINGS; i++) {
      String[] cells = {hostile(random), hostile(random), "Degraded", "Failed", hostile(random), hostile(random)};
      Table table = new Table("NAMESPACE", "NAME", "HEALTH", "STATUS", "REASON", "MESSAGE").add(cells)
          .add("shop", "pod/web", "Healthy", "Current", "", "ok");
      List<String> lines = table.toString().lines().toList();
      assertThat(lines).hasSize(3);
      assertNoControls(table.toString());
      String header = lines.get(0);
      int[] starts = {0, header.indexOf("NAME   "), header.indexOf("HEALTH"), header.indexOf("STATUS"),
          header.indexOf("REASON"), header.indexOf("MESSAGE")};
      for (int c = 0; c < cells.length; c++) {
        String cell = Escape.terminal(cells[c]);
        assertThat(lines.get(1).substring(starts[c])).as("column %d of %s", c, lines.get(1)).startsWith(cell.strip());
        if (c > 0) {
          assertThat(lines.get(1).charAt(starts[c] - 1)).isEqualTo(' ');
        }
      }
      assertThat(lines.get(2).substring(starts[1])).startsWith("pod/web");
    }
  }

  @Test
  void dotAndMermaidQuoteEveryName() {
    Random random = new Random(3);
    for (int i = 0; i < STRINGS; i++) {
      String text = hostile(random);
      Explanation why = explain("web-" + text, text);
      String dot = new GraphRenderer(why).dot();
      List<String> lines = dot.lines().toList();
      assertThat(lines.get(0)).isEqualTo("digraph blame {");
      assertThat(lines.get(lines.size() - 1)).isEqualTo("}");
      for (String line : lines.subList(1, lines.size() - 1)) {
        assertThat(outsideDotStrings(line)).as(line).matches("  [a-z]*(=LR)?( -> )?( ?\\[[a-zA-Z=#0-9, ]*\\])?;");
      }
      String mermaid = new GraphRenderer(why).mermaid();
      assertNoControls(mermaid);
      mermaid.lines().filter(l -> l.startsWith("  n") && l.contains("[\""))
          .forEach(l -> assertThat(l).matches("  n\\d+\\[\"[^\"]*\"\\]:::[a-z]+"));
    }
  }

  /** The line with every DOT quoted string removed; fails when a string does not close. */
  static String outsideDotStrings(String line) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != '"') {
        out.append(c);
        continue;
      }
      for (i++; i < line.length() && line.charAt(i) != '"'; i++) {
        if (line.charAt(i) == '\\') {
          i++;
        }
      }
      assertThat(i).as("unclosed string in %s", line).isLessThan(line.length());
    }
    return out.toString();
  }

  @Test
  void jsonAndYamlParseBackToTheSameText() throws Exception {
    Random random = new Random(4);
    ObjectMapper json = new ObjectMapper();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Documents documents = new Documents(new ResourceResolver(List.of(), List::of));
    for (int i = 0; i < STRINGS; i++) {
      String text = hostile(random).replace("\ud800", "");
      Explanation why = explain("web-" + text, text);
      for (OutputFormat format : new OutputFormat[] {OutputFormat.JSON, OutputFormat.YAML}) {
        StringWriter out = new StringWriter();
        Documents.write(documents.blame(why), format, new PrintWriter(out));
        assertNoControls(out.toString());
        JsonNode doc = (format == OutputFormat.JSON ? json : yaml).readTree(out.toString());
        assertThat(doc.path("target").path("name").asText()).isEqualTo("web-" + text);
        assertThat(doc.path("effects").path("events").path(0).path("message").asText()).as(out.toString())
            .isEqualTo(text);
      }
    }
  }

  @Test
  void waitTextAnnotationsAndJunitReportStayInTheirPlace(@TempDir Path dir) throws Exception {
    Random random = new Random(5);
    for (int i = 0; i < STRINGS; i++) {
      String text = hostile(random);
      String name = "web-" + text;
      Explanation why = explain(name, text);
      ObjectRef ref = ObjectRef.of(GroupKind.POD, "shop", name);
      WaitResult result = WaitResult.builder().outcome(WaitOutcome.FAILED)
          .addStates(WaitState.builder().ref(ref).phase(WaitState.Phase.DOOMED).message(text).build())
          .addCulprits(Finding.builder().subject(ref).container(text).health(Health.DEGRADED)
              .reason(ReasonCode.of("ImagePullBackOff")).message(text).build())
          .addExplanations(why).decidedAt(NOW).elapsed(Duration.ofSeconds(3)).build();
      StringWriter out = new StringWriter();
      Cli cli = new Cli(new PrintWriter(out), new PrintWriter(new StringWriter()),
          new ByteArrayInputStream(new byte[0]), Map.of(), false, b -> { });
      WaitView view = new WaitView(cli, false, System.nanoTime());
      view.progress(result.states());
      view.result(result, Duration.ofMinutes(1));
      int textLines = (int) out.toString().lines().count();
      view.annotations(result, Duration.ofMinutes(1));
      cli.out.flush();
      List<String> lines = out.toString().lines().toList();
      assertNoControls(out.toString());
      // progress, FAILED, Culprits:, the culprit, Last events:, the event
      assertThat(textLines).as(out.toString()).isEqualTo(6);
      assertThat(lines.subList(0, textLines)).noneMatch(l -> l.trim().startsWith("::"));
      List<String> commands = lines.subList(textLines, lines.size());
      assertThat(commands).hasSize(1);
      String command = commands.get(0);
      assertThat(command).startsWith("::error title=");
      int end = command.indexOf("::", 2);
      assertThat(command.substring(2, end).split(",")).hasSize(1);
      assertThat(command.substring(end + 2)).doesNotContain("\n", "\r");

      Path report = dir.resolve("report-" + i + ".xml");
      JunitReport.write(report, result);
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
      Element testcase = (Element) doc.getElementsByTagName("testcase").item(0);
      // As the text output shows them: one line each, every control, bidi and zero-width character visible.
      assertThat(testcase.getAttribute("name")).isEqualTo(Escape.terminal("pod/" + name));
      Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
      assertThat(failure.getAttribute("message")).isEqualTo(Escape.terminal(text));
      // The culprit and the event, a line each.
      assertThat(failure.getTextContent().lines()).hasSize(2);
      assertNoControls(failure.getTextContent());
      assertThat(Files.readString(report, StandardCharsets.UTF_8)).doesNotContain("]]>");
    }
  }
}
