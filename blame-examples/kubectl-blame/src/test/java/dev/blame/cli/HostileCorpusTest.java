package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.blame.api.Escape;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every real captured case of the corpus with hostile text appended to every string it holds (names, namespaces,
 * labels, annotations, images, container names, condition reasons and messages, Event reasons and messages, owner
 * names, field managers...), consistently, so that references still resolve: each text sink of the CLI (the tree,
 * DOT, Mermaid, the status table, stderr) holds no control, bidi or zero-width character, no line a CI runner reads
 * as a command; {@code -o json} and {@code -o yaml} hold none raw either and parse. It found {@code -o yaml} folding a
 * long message after an escape onto a line beginning {@code ::error::forged} (see {@link CiRunnerCommandTest}).
 */
class HostileCorpusTest {

  /**
   * C1 CSI, an OSC 8 hyperlink, bidi override and isolate, zero-width space, workflow commands, a line separator;
   * since the fourth red team also an OSC 52 clipboard write ended by ST (xterm's ctlseqs), a C1 DCS ... ST, NUL, a
   * Hangul filler, a run of variation selectors and a combining grapheme joiner (anti-trojan-source's invisibles).
   */
  static final String HOSTILE = "\u202e\u200b\u009b2J\u001b]8;;https:x.test\u0007L\u001b]8;;\u0007\u2066"
      + "\n::error::forged%0A##[error]g\u0085##vso[task.setvariable variable=x]y\u2028`<b>]]>\r"
      + "\u001b]52;c;aGk=\u001b\\\u0090q\u009c\u0000\u3164a\ufe01\ufe02\ufe03\u034f";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
  private static final ObjectMapper JSON = new ObjectMapper();
  /** JSON documents (YAML 1.2 flow) with every non-ASCII character as a {@code \}{@code uXXXX} escape. */
  private static final ObjectMapper ASCII_JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
  private static final Path ROOT = Path.of(Run.resource("corpus"));
  private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT.*");

  @TempDir
  static Path dir;

  @TestFactory
  Stream<DynamicTest> everySinkHoldsTheHostileTextEncoded() throws IOException {
    return Files.list(ROOT).filter(Files::isDirectory).sorted()
        .map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
  }

  static void check(Path dir) throws IOException {
    JsonNode want = YAML.readTree(dir.resolve("expected.yaml").toFile());
    StringWriter text = new StringWriter();
    try (var parser = YAML.getFactory().createParser(dir.resolve("objects.yaml").toFile())) {
      Iterator<JsonNode> docs = YAML.readValues(parser, JsonNode.class);
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
          continue;
        }
        text.append(ASCII_JSON.writeValueAsString(hostile(doc, ""))).append("\n---\n");
      }
    }
    Path file = Files.writeString(HostileCorpusTest.dir.resolve(dir.getFileName() + ".yaml"), text.toString());
    String target = want.path("target").asText() + HOSTILE;
    String ns = want.path("namespace").asText() + HOSTILE;
    List<String[]> runs = new ArrayList<>();
    for (String format : new String[] {"tree", "dot", "mermaid", "json", "yaml"}) {
      runs.add(new String[] {target, "-n", ns, "-f", file.toString(), "-o", format});
    }
    for (String format : new String[] {"tree", "json", "yaml"}) {
      runs.add(new String[] {"status", "-A", "-f", file.toString(), "-o", format});
    }
    runs.add(new String[] {"status", "-n", ns, "-f", file.toString()});
    for (String[] args : runs) {
      Run run = Run.withBuiltInAnalyzers(args);
      String what = dir.getFileName() + " " + String.join(" ", args).replace(HOSTILE, "<H>");
      assertThat(run.code()).as("%s: %s", what, run).isIn(0, 1, 2);
      assertEncoded(what + " (stderr)", run.err());
      assertEncoded(what, run.out());
      if (args[args.length - 1].equals("json")) {
        JSON.readTree(run.out());
        assertThat(run.out()).as(what).doesNotContain("##");
      }
    }
  }

  static void assertEncoded(String what, String out) {
    for (String line : out.split("\n", -1)) {
      // A variation selector is kept by a terminal only after an emoji or an ideograph; the hostile text puts a run
      // of them after a letter, so none may be left raw in any output.
      assertThat(line.codePoints().filter(c -> Escape.isUnsafe(c) || c >= 0xfe00 && c <= 0xfe0f)
          .mapToObj(c -> String.format("U+%04X", c)).toList())
          .as("%s: %s", what, line).isEmpty();
      assertThat(line.strip()).as(what).doesNotStartWith("::");
      assertThat(line).as(what).doesNotContain("##[", "##vso[");
    }
  }

  /** The object with {@link #HOSTILE} after every string but its kind, apiVersion, timestamps and condition statuses. */
  static JsonNode hostile(JsonNode node, String key) {
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        copy.set(e.getKey(), hostile(e.getValue(), e.getKey()));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = ((ArrayNode) node).arrayNode();
      node.forEach(n -> copy.add(hostile(n, key)));
      return copy;
    }
    if (node.isTextual() && !key.equals("kind") && !key.equals("apiVersion") && !TIME.matcher(node.asText()).matches()
        && !node.asText().matches("True|False|Unknown")) {
      return TextNode.valueOf(node.asText() + HOSTILE);
    }
    return node;
  }
}
