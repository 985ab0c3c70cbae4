package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blame.api.Escape;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A container's waiting message and an Event message of a megabyte each (a file may hold anything; a condition
 * message 32 KiB): the tree, the status table, DOT and the wait text show a few lines of each and a marker counting
 * what was left out, instead of flooding the terminal and the CI log; {@code -o json} and {@code -o yaml} keep the
 * whole text.
 */
class LongTextTest {

  static final int SIZE = 1 << 20;
  static final String LONG = "pull failed: " + "0123456789abcdef".repeat(SIZE / 16);

  static final String DUMP = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: shop, uid: u1, creationTimestamp: "2026-11-22T11:50:00Z"}
      spec: {containers: [{name: app, image: "nginx:nope"}]}
      status:
        phase: Pending
        containerStatuses:
        - {name: app, image: "nginx:nope", ready: false, restartCount: 0,
           state: {waiting: {reason: ImagePullBackOff, message: "LONG"}}}
      ---
      apiVersion: v1
      kind: Event
      metadata: {name: e1, namespace: shop}
      involvedObject: {kind: Pod, apiVersion: v1, name: web, namespace: shop, uid: u1}
      type: Warning
      reason: Failed
      message: "LONG"
      count: 3
      lastTimestamp: "2026-11-22T11:59:00Z"
      """.replace("LONG", LONG);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"pod/web", "pod/web -o dot", "pod/web -o mermaid", "status", "status pods"})
  void textViewsShowTheStartAndHowMuchIsLeftOut(String args, @TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("pod.yaml"), DUMP);
    java.util.List<String> argv = new java.util.ArrayList<>(java.util.List.of(args.split(" ")));
    argv.addAll(java.util.List.of("-n", "shop", "-f", file.toString()));
    Run run = Run.withBuiltInAnalyzers(argv.toArray(String[]::new));
    assertThat(run.code()).as(run.err()).isZero();
    // Before the cap, each of these held the whole megabyte at least once.
    assertThat(run.out().length() + run.err().length()).as(args).isLessThan(64 * 1024);
    if (!args.contains(" -o ")) {
      assertThat(run.out()).contains("pull failed: 0123456789abcdef")
          .containsPattern("… \\(\\d{7} more characters\\)");
    }
    for (String line : run.out().lines().toList()) {
      assertThat(line.length()).as(args).isLessThan(Escape.TERMINAL_MAX * 2 + 200);
    }
  }

  @ParameterizedTest(name = "-o {0}")
  @ValueSource(strings = {"json", "yaml"})
  void documentsKeepTheWholeText(String format, @TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("pod.yaml"), DUMP);
    Run run = Run.withBuiltInAnalyzers("pod/web", "-n", "shop", "-f", file.toString(), "-o", format);
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode doc = new ObjectMapper(format.equals("json") ? new com.fasterxml.jackson.core.JsonFactory()
        : YAMLFactory.builder().loaderOptions(yamlOptions()).build()).readTree(run.out());
    assertThat(doc.findValuesAsText("message")).contains(LONG);
    assertThat(run.out()).doesNotContain("more characters)");
  }

  private static org.yaml.snakeyaml.LoaderOptions yamlOptions() {
    org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    return options;
  }
}
