package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everything a user reads, against golden files: text, JSON, YAML, dot and Mermaid on the talk's dump and two
 * others. "Now" is the dump's newest timestamp or fixed with --now, so ages are stable.
 */
class GoldenOutputTest {

  static final String TALK = Run.resource("dumps/talk.yaml");
  static final String HEALTHY = Run.resource("dumps/healthy.yaml");
  static final String CRD = Run.resource("dumps/crd.yaml");

  static Stream<Arguments> cases() {
    return Stream.of(
        golden("talk.tree.txt", "-f", TALK, "deploy/my-busybox"),
        golden("talk.json", "-f", TALK, "deploy/my-busybox", "-n", "demo", "-o", "json"),
        golden("talk.yaml", "-f", TALK, "deployment", "my-busybox", "-o", "yaml"),
        golden("talk.dot", "-f", TALK, "deploy/my-busybox", "-o", "dot"),
        golden("talk.mmd", "-f", TALK, "deploy/my-busybox", "-o", "mermaid"),
        golden("talk-pod.tree.txt", "-f", TALK, "po/my-busybox-pod-v10", "--now", "2026-11-22T12:01:00Z"),
        golden("talk-rs.json", "-f", TALK, "rs", "my-busybox-v10", "-o", "json"),
        golden("talk.status.txt", "status", "-f", TALK),
        golden("talk.status.json", "status", "-f", TALK, "-o", "json"),
        golden("healthy.tree.txt", "-f", HEALTHY, "deployments.apps/web"),
        golden("healthy.json", "-f", HEALTHY, "Deployment/web", "-n", "shop", "-o", "json"),
        golden("crd.tree.txt", "-f", CRD, "webapp/shop"),
        golden("crd.json", "-f", CRD, "wa/shop", "-o", "json"),
        golden("crd.status.yaml", "status", "-f", CRD, "-o", "yaml"),
        golden("crd-status-selection.txt", "status", "-f", CRD, "webapps", "deploy/shop-frontend"));
  }

  private static Arguments golden(String file, String... args) {
    return Arguments.of(file, args);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void outputMatchesTheGoldenFile(String file, String[] args) {
    Run run = Run.of(args);
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).as(run.toString()).isEmpty();
    Golden.assertMatches(file, run.out().replace(Run.resource("dumps"), "<dumps>"));
  }

  /** What a user of the jar sees on the talk's dump: the built-in analyzers. Changes when they change. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      talk.builtin.tree.txt | -f TALK deploy/my-busybox
      talk.builtin.json     | -f TALK deploy/my-busybox -o json
      """)
  void theTalkWithTheBuiltInAnalyzersMatchesTheGoldenFile(String file, String args) {
    Run run = Run.withBuiltInAnalyzers(args.replace("TALK", TALK).split(" "));
    assertThat(run.code()).as(run.toString()).isZero();
    Golden.assertMatches(file, run.out());
  }

  /**
   * A custom rollout takes part in both views like a Deployment: {@code kubectl blame rollout/NAME} on an aborted
   * Argo Rollouts canary names the revision, its template change and who made it.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      rollout-aborted.builtin.tree.txt | -f ROLLOUT rollout/checkout -n shop
      rollout-aborted.builtin.json     | -f ROLLOUT rollouts.argoproj.io/checkout -n shop -o json
      """)
  void anArgoRolloutWithTheBuiltInAnalyzersMatchesTheGoldenFile(String file, String args) {
    Run run = Run.withBuiltInAnalyzers(args.replace("ROLLOUT", Run.resource("dumps/rollout-aborted.yaml")).split(" "));
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).as(run.toString()).isEmpty();
    Golden.assertMatches(file, run.out());
  }

  @Test
  void stdinIsReadWithFilenameDash() throws Exception {
    String text = java.nio.file.Files.readString(java.nio.file.Path.of(TALK));
    Run run = Run.withStdin(text, "-f", "-", "deploy/my-busybox", "-o", "json");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo(Run.of("-f", TALK, "deploy/my-busybox", "-o", "json").out());
  }

  @Test
  void aDirectoryIsReadRecursively() {
    Run run = Run.of("status", "-f", Run.resource("dumps"), "-o", "json");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("\"my-busybox\"", "\"web\"", "\"shop\"");
  }

  @Test
  void jsonAndYamlAreTheSameDocument() throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    for (String target : List.of("deploy/my-busybox", "po/my-busybox-pod-v9")) {
      var json = mapper.readTree(Run.of("-f", TALK, target, "-o", "json").out());
      var fromYaml = yaml.readTree(Run.of("-f", TALK, target, "-o", "yaml").out());
      assertThat(fromYaml).isEqualTo(json);
    }
  }

  @Test
  void colourNeverReachesAPipe() {
    List<String> outputs = new ArrayList<>();
    for (String format : List.of("tree", "json", "yaml", "dot", "mermaid")) {
      outputs.add(Run.of("-f", TALK, "deploy/my-busybox", "-o", format).out());
    }
    outputs.add(Run.of("status", "-f", TALK).out());
    assertThat(outputs).noneMatch(o -> o.contains("\u001b["));
  }

  @Test
  void completionScriptCoversTheSubcommands() {
    Run run = Run.of("completion");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("complete -F", "status", "demo", "analyzers", "--output");
  }

  @Test
  void analyzersListsWhatIsInUse() {
    Run run = Run.of("analyzers");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("ID").contains("testkit.WaitingContainers", "[Pod]", "Registered", "testkit.WorstChild");
    Run json = Run.of("analyzers", "-o", "json");
    assertThat(json.out()).contains("\"id\" : \"testkit.WaitingContainers\"", "\"origin\" : \"Registered\"");
  }
}
