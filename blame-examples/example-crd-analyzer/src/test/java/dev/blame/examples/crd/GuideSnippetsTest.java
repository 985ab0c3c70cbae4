package dev.blame.examples.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/writing-an-analyzer.md honest: every fenced block in it is a copy of a region of a file that the
 * build compiles or packages, and this test fails when they differ.
 *
 * <p>In the guide, a block is preceded by {@code <!-- snippet: PATH#TAG -->} (PATH from the repository root;
 * without {@code #TAG}, the whole file). In the source, the region lies between lines holding
 * {@code tag::TAG[]} and {@code end::TAG[]} (in a {@code //}, {@code #} or {@code <!-- -->} comment); marker
 * lines of other tags inside it are dropped and the common indentation is removed. Blocks whose language is
 * {@code console} (commands and their output) are the only ones exempt.
 *
 * <p>Run with {@code -Dsnippets.update=true} to rewrite the guide's blocks from the sources.
 */
class GuideSnippetsTest {

  static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
  static final Path GUIDE = ROOT.resolve("docs/writing-an-analyzer.md");

  private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+?)(?:#(\\S+))? -->");
  private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");
  private static final Pattern MARKER = Pattern.compile("(tag|end)::([\\w-]+)\\[]");

  record Block(int line, String language, String path, String tag, int start, int end) {}

  @Test
  void everyBlockInTheGuideEqualsTheTaggedSourceRegion() throws IOException {
    check(GUIDE, 5, true);
  }

  /**
   * The README's and the embedding guide's Maven snippets come from the consumer projects that blame-it builds
   * outside the reactor (with Enforcer on), so a user who copies them gets a build that works.
   */
  @Test
  void everyBlockOfTheReadmeAndTheEmbeddingGuideEqualsTheTaggedSourceRegion() throws IOException {
    // Only their marked blocks: both also show commands, output and prose code.
    check(ROOT.resolve("README.md"), 2, false);
    check(ROOT.resolve("docs/embedding.md"), 4, false);
  }

  /**
   * Consumer projects under {@code blame-it/src/it} are filtered by maven-invoker ({@code @project.version@}):
   * a reader sees the values, as the invoker's build does.
   */
  @Test
  void invokerPlaceholdersBecomeTheirValues() {
    assertThat(filter("<version>@project.version@</version>")).doesNotContain("@")
        .isEqualTo("<version>" + System.getProperty("snippet.project.version") + "</version>");
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("@([a-z0-9.]+)@");

  static String filter(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = System.getProperty("snippet." + m.group(1));
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException("no value for @" + m.group(1) + "@: pass -Dsnippet." + m.group(1)
            + " (the module's surefire configuration does)");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void check(Path doc, int minBlocks, boolean everyBlock) throws IOException {
    List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
    List<Block> blocks = blocks(lines);
    if (!everyBlock) {
      blocks = blocks.stream().filter(b -> b.path() != null).toList();
    }
    assertThat(blocks).as("snippets in " + doc).hasSizeGreaterThanOrEqualTo(minBlocks);
    List<String> problems = new ArrayList<>();
    List<String> updated = new ArrayList<>(lines);
    for (int i = blocks.size() - 1; i >= 0; i--) {
      Block b = blocks.get(i);
      if (b.language().equals("console")) {
        continue;
      }
      if (b.path() == null) {
        problems.add("line " + b.line() + ": a ```" + b.language() + " block without a <!-- snippet: PATH#TAG --> "
            + "line before it (only ```console blocks may be free text)");
        continue;
      }
      String expected;
      try {
        expected = filter(region(ROOT.resolve(b.path()), b.tag()));
      } catch (IllegalArgumentException | IOException e) {
        problems.add("line " + b.line() + ": " + e.getMessage());
        continue;
      }
      String actual = String.join("\n", lines.subList(b.start(), b.end()));
      if (!actual.equals(expected)) {
        problems.add("line " + b.line() + ": the block differs from " + b.path() + (b.tag() == null ? ""
            : "#" + b.tag()) + "\n--- guide\n" + actual + "\n--- source\n" + expected);
        updated.subList(b.start(), b.end()).clear();
        updated.addAll(b.start(), expected.lines().toList());
      }
    }
    if (!problems.isEmpty() && Boolean.getBoolean("snippets.update")) {
      Files.write(doc, updated, StandardCharsets.UTF_8);
      return;
    }
    assertThat(problems).as("snippets of " + ROOT.relativize(doc)
        + " (rerun with -Dsnippets.update=true to copy the sources into the guide)").isEmpty();
  }

  @Test
  void regionsDropNestedMarkersAndIndentation() throws IOException {
    Path file = Files.createTempFile("snippet", ".java");
    try {
      Files.writeString(file, "class A {\n  // tag::a[]\n  void f() {\n    // tag::b[]\n    g();\n"
          + "    // end::b[]\n  }\n  // end::a[]\n}\n");
      assertThat(region(file, "a")).isEqualTo("void f() {\n  g();\n}");
      assertThat(region(file, "b")).isEqualTo("g();");
      assertThat(region(file, null)).startsWith("class A {");
    } finally {
      Files.delete(file);
    }
  }

  static List<Block> blocks(List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      int close = i + 1;
      while (close < lines.size() && !lines.get(close).startsWith("```")) {
        close++;
      }
      String path = null;
      String tag = null;
      int before = i - 1;
      while (before >= 0 && lines.get(before).isBlank()) {
        before--;
      }
      Matcher snippet = before >= 0 ? SNIPPET.matcher(lines.get(before).trim()) : null;
      if (snippet != null && snippet.matches()) {
        path = snippet.group(1);
        tag = snippet.group(2);
      }
      blocks.add(new Block(i + 1, open.group(1), path, tag, i + 1, close));
      i = close;
    }
    return blocks;
  }

  /** The tagged region of a file (or the whole file), without marker lines and common indentation. */
  static String region(Path file, String tag) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + ROOT.relativize(file.toAbsolutePath().normalize()));
    }
    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> kept = new ArrayList<>();
    boolean inside = tag == null;
    boolean found = tag == null;
    for (String line : all) {
      Matcher m = MARKER.matcher(line);
      if (m.find()) {
        if (tag != null && m.group(2).equals(tag)) {
          inside = m.group(1).equals("tag");
          found = true;
        }
        continue;
      }
      if (inside) {
        kept.add(line);
      }
    }
    if (!found) {
      throw new IllegalArgumentException("no tag::" + tag + "[] in " + file.getFileName());
    }
    int indent = kept.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
        .min().orElse(0);
    List<String> out = new ArrayList<>();
    for (String line : kept) {
      out.add(line.isBlank() ? "" : line.substring(indent));
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return String.join("\n", out);
  }
}
