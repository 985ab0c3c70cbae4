package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CI job's log is read by its runner for commands, and not only at the start of a line: GitHub's runner takes the
 * legacy {@code ##[error]text}, {@code ##[set-output name=x;]v}, {@code ##[add-mask]v} and
 * {@code ##[stop-commands]token} anywhere in a line (ActionCommand.TryParse, tried when a line is no
 * {@code ::command::}), Azure Pipelines {@code ##vso[...]}; {@code ::command::} counts at a line's start after
 * blanks. Cluster text holding them, in a manifest read with {@code -f} (where a namespace or a label key may be
 * anything), reaches no output format as a command; JSON and YAML still parse back to the same text.
 */
class CiRunnerCommandTest {

  static final String LEGACY = "##[error]forged ##[set-output name=verdict;]COMPLETE ##[add-mask]x "
      + "###[stop-commands]tok ##vso[task.setvariable variable=x]y ##teamcity[buildStatus text='x']";
  static final Pattern COMMAND = Pattern.compile("##(\\[|vso\\[|teamcity\\[)");

  static final String DUMP = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        namespace: "::error::ns"
        uid: u1
        creationTimestamp: "2026-11-22T11:50:00Z"
        labels: {"::error::key": "::warning::value", "a##[error]k": "v##[error]l"}
        annotations: {"::notice::a": "MSG"}
      spec: {containers: [{name: app, image: "nginx:nope"}]}
      status:
        phase: Pending
        containerStatuses:
        - {name: app, image: "nginx:nope", ready: false, restartCount: 0,
           state: {waiting: {reason: ImagePullBackOff, message: "MSG"}}}
      ---
      apiVersion: v1
      kind: Event
      metadata: {name: e1, namespace: "::error::ns"}
      involvedObject: {kind: Pod, apiVersion: v1, name: web, namespace: "::error::ns", uid: u1}
      type: Warning
      reason: "::warning::reason"
      message: "MSG"
      count: 3
      lastTimestamp: "2026-11-22T11:59:00Z"
      """.replace("MSG", LEGACY);

  static void assertNoRunnerCommand(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    for (String line : (run.out() + run.err()).lines().toList()) {
      assertThat(COMMAND.matcher(line).find()).as("a legacy command in %s", line).isFalse();
      assertThat(line.strip()).as("a workflow command at the start of %s", line).doesNotStartWith("::");
    }
  }

  @ParameterizedTest(name = "-o {0}")
  @ValueSource(strings = {"tree", "json", "yaml", "dot", "mermaid"})
  void blameOutputHoldsNoRunnerCommand(String format, @TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("pod.yaml"), DUMP);
    Run run = Run.withBuiltInAnalyzers("pod/web", "-n", "::error::ns", "-f", file.toString(), "-o", format);
    assertNoRunnerCommand(run);
    if (format.equals("json") || format.equals("yaml")) {
      JsonNode doc = new ObjectMapper(format.equals("json") ? new com.fasterxml.jackson.core.JsonFactory()
          : new YAMLFactory()).readTree(run.out());
      assertThat(doc.path("target").path("namespace").asText()).isEqualTo("::error::ns");
      assertThat(doc.path("culprits").path(0).path("message").asText()).as(run.out()).endsWith(LEGACY);
    }
  }

  @ParameterizedTest(name = "status -o {0}")
  @ValueSource(strings = {"tree", "json", "yaml"})
  void statusOutputHoldsNoRunnerCommand(String format, @TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("pod.yaml"), DUMP);
    Run run = Run.withBuiltInAnalyzers("status", "-A", "-f", file.toString(), "-o", format);
    assertNoRunnerCommand(run);
    if (format.equals("tree")) {
      assertThat(run.out()).contains("\\u003a:error::ns", "#\\u0023[error]forged");
    } else {
      JsonNode rows = new ObjectMapper(format.equals("json") ? new com.fasterxml.jackson.core.JsonFactory()
          : new YAMLFactory()).readTree(run.out());
      JsonNode pod = java.util.stream.StreamSupport.stream(rows.spliterator(), false)
          .filter(r -> r.path("kind").asText().equals("Pod")).findFirst().orElseThrow();
      assertThat(pod.path("namespace").asText()).isEqualTo("::error::ns");
      assertThat(pod.path("message").asText()).endsWith(LEGACY);
    }
  }

  /** A file name is echoed in error messages: it is terminal text like any other. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"d##[error]x.yaml", "::error::x.yaml"})
  void aFileNameInAnErrorHoldsNoRunnerCommand(String name, @TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve(name), "kind: [\n");
    Run run = Run.withBuiltInAnalyzers("status", "-f", file.toString());
    assertThat(run.code()).isEqualTo(3);
    assertThat(COMMAND.matcher(run.err()).find()).as(run.err()).isFalse();
    assertThat(run.err()).startsWith("error: ").contains("malformed YAML");
  }

  /**
   * SnakeYAML folds a double-quoted scalar longer than 80 columns onto continuation lines, at a space (the next
   * line then begins with an escaped {@code \ }) or right after an escape such as {@code \xe9} for an accented
   * letter, where the next line begins with the text as it is: {@code ::error::forged}, after the indent, which the
   * runner reads as a command. Before, {@code -o yaml} of this pod printed such lines.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"pod/web -n shop -o yaml", "status -A -o yaml"})
  void aLongYamlScalarIsNotFoldedOntoALineTheRunnerReads(String args, @TempDir Path dir) throws Exception {
    String message = "pull failed: " + "\u00e9::error::forged".repeat(20);
    Path file = Files.writeString(dir.resolve("pod.yaml"), DUMP.replace(LEGACY, message)
        .replace("\"::error::ns\"", "shop"));
    java.util.List<String> argv = new java.util.ArrayList<>(java.util.List.of(args.split(" ")));
    argv.addAll(java.util.List.of("-f", file.toString()));
    Run run = Run.withBuiltInAnalyzers(argv.toArray(String[]::new));
    assertNoRunnerCommand(run);
    assertThat(new ObjectMapper(new YAMLFactory()).readTree(run.out()).findValuesAsText("message"))
        .as(run.out()).anySatisfy(m -> assertThat(m).endsWith(message.strip()));
  }
}
