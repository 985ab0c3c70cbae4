package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blame.api.Escape;
import dev.blame.demo.ControllerSimulator;
import dev.blame.demo.DemoCluster;
import dev.blame.demo.Scenario;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action ({@code action.yml} at the repository root and its {@code run.sh}) run as the runner would:
 * bash with {@code GITHUB_ACTIONS=true}, {@code GITHUB_OUTPUT} and {@code GITHUB_STEP_SUMMARY} files and the
 * {@code INPUT_*} variables action.yml maps, against the demo cluster. The CLI is this module's classes, on PATH
 * as {@code kubectl-blame} (what the action runs when no jar is given).
 */
@Timeout(300)
class GithubActionTest {

  static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();
  static final Path ACTION = ROOT.resolve("action.yml");
  static final Path SCRIPT = ROOT.resolve("blame-examples/kubectl-blame/src/main/action/run.sh");
  static final Pattern DATA_HOSTILE = Pattern.compile("::set-output|::add-mask|verdict=COMPLETE");

  static DemoCluster cluster;
  static ControllerSimulator simulator;
  static Path kubeconfig;

  @TempDir
  static Path dir;

  @TempDir
  Path run;

  @BeforeAll
  static void start() {
    cluster = DemoCluster.start();
    simulator = ControllerSimulator.start(cluster);
    kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"), "default");
    Scenario.TALK.play(cluster.client(), Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    simulator.close();
    cluster.close();
  }

  @Test
  void aFailingRolloutSetsTheOutputsAnnotatesAndSummarisesWithTheTwoViews() throws Exception {
    // Hostile text from the cluster: an event about each pod whose message tries to run workflow commands,
    // forge an output and break out of the summary's code block.
    String hostile = "boom\n::set-output name=verdict::COMPLETE\n::add-mask::x\n````\n# forged heading <img src=x>";
    for (Pod pod : cluster.client().pods().inNamespace("talk").list().getItems()) {
      cluster.client().v1().events().inNamespace("talk").resource(new EventBuilder()
          .withNewMetadata().withName(pod.getMetadata().getName() + ".hostile").withNamespace("talk").endMetadata()
          .withNewInvolvedObject().withKind("Pod").withApiVersion("v1").withNamespace("talk")
          .withName(pod.getMetadata().getName()).withUid(pod.getMetadata().getUid()).endInvolvedObject()
          .withType("Warning").withReason("Hostile").withMessage(hostile).withCount(1)
          .withLastTimestamp(Instant.now().plusSeconds(3600).toString()).build()).create();
    }
    Path junit = run.resolve("reports/wait.xml");
    Result r = action(Map.of("INPUT_TARGETS", "deploy/my-busybox", "INPUT_NAMESPACE", "talk",
        "INPUT_TIMEOUT", "60s", "INPUT_KUBECONFIG", kubeconfig.toString(), "INPUT_JUNIT_REPORT", junit.toString()));

    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.outputs).as(r.toString()).containsOnlyKeys("verdict", "culprit", "exit-code")
        .containsEntry("verdict", "Failed").containsEntry("exit-code", "1");
    assertThat(r.outputs.get("culprit"))
        .matches("pod/my-busybox-\\w+-\\w+ \\[busybox\\] (CrashLoopBackOff|Restarted|NonZeroExit): .*");
    // The CLI's annotations reach the runner, outside any stop-commands section.
    assertThat(r.commands).anySatisfy(c -> assertThat(c).startsWith("::error title=Rollout failed%3A Pod my-busybox-"));
    assertThat(r.commands).anySatisfy(c -> assertThat(c).startsWith("::notice title=Revision change::"));
    assertThat(r.commands).noneMatch(c -> DATA_HOSTILE.matcher(c).find());
    assertThat(r.stdout).contains("kubectl-blame wait: Failed after", "Culprits:");

    assertThat(r.summary).startsWith("## kubectl-blame wait: Failed (exit 1)\n")
        .contains("### Objects", "Deployment/my-busybox (talk): Doomed", "### Culprits", "### Revision change",
            "busybox:v3", "### Last events", "### Why: object 1 (cause → effect, effect → cause)");
    assertThat(markdownOutsideFences(r.summary)).as(r.summary)
        .allMatch(line -> line.isEmpty() || line.startsWith("## kubectl-blame wait: ") || line.startsWith("### "))
        .noneMatch(line -> line.contains("forged") || line.contains("<img"));
    assertThat(r.summary).contains("Hostile", "# forged heading <img src=x>");
    // The two views, as `kubectl blame deploy/my-busybox` prints them.
    String why = r.summary.substring(r.summary.indexOf("### Why"));
    assertThat(why).contains("Cause → effect:", "Effect → cause:", "Deployment my-busybox revision 2")
        .doesNotContain("error:");

    String xml = Files.readString(junit);
    assertThat(xml).contains("tests=\"1\" failures=\"1\"", "name=\"deployment.apps/my-busybox\"");
  }

  @Test
  void aHealthyRolloutFromManifestsCompletesWithoutAnnotations() throws Exception {
    Scenario.HEALTHY_ROLLOUT.play(cluster.client(), Duration.ofSeconds(30));
    Path manifest = run.resolve("k8s dir/api.yaml");
    Files.createDirectories(manifest.getParent());
    Files.writeString(manifest, """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: healthy-rollout}
        spec: {replicas: 3, selector: {matchLabels: {app: api}}, template: {metadata: {labels: {app: api}}}}
        """);
    // With -n: the CLI watches the session's namespace (the kubeconfig's "default" otherwise).
    Result r = action(Map.of("INPUT_FILES", "\n  " + manifest + "  \n", "INPUT_NAMESPACE", "healthy-rollout",
        "INPUT_TIMEOUT", "60s",
        "INPUT_KUBECONFIG", kubeconfig.toString()));

    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.outputs).containsOnly(Map.entry("verdict", "Complete"), Map.entry("culprit", ""),
        Map.entry("exit-code", "0"));
    assertThat(r.commands).as(r.toString()).noneMatch(c -> c.startsWith("::error") || c.startsWith("::notice"));
    assertThat(r.summary).startsWith("## kubectl-blame wait: Complete (exit 0)\n")
        .contains("Deployment/api (healthy-rollout): Done").doesNotContain("### Culprits", "### Why");
  }

  @Test
  void badInputIsAnErrorVerdictWithTheCliLineInTheSummary() throws Exception {
    Result r = action(Map.of("INPUT_TARGETS", "deploy/nope", "INPUT_NAMESPACE", "talk",
        "INPUT_KUBECONFIG", kubeconfig.toString()));
    assertThat(r.code).as(r.toString()).isEqualTo(3);
    assertThat(r.outputs).containsEntry("verdict", "Error").containsEntry("culprit", "").containsEntry("exit-code", "3");
    assertThat(r.summary).contains("## kubectl-blame wait: Error (exit 3)", "\"nope\" not found in namespace \"talk\"");
  }

  /** Every input the script reads is declared in action.yml and mapped from that input; every output is wired. */
  @Test
  void actionYmlDeclaresWhatTheScriptReads() throws Exception {
    JsonNode action = new ObjectMapper(new YAMLFactory()).readTree(ACTION.toFile());
    assertThat(action.path("runs").path("using").asText()).isEqualTo("composite");
    JsonNode step = action.path("runs").path("steps").get(0);
    assertThat(step.path("shell").asText()).isEqualTo("bash");
    assertThat(step.path("run").asText()).contains("$GITHUB_ACTION_PATH/blame-examples/kubectl-blame/src/main/action/run.sh")
        .doesNotContain("${{");
    String script = Files.readString(SCRIPT);
    Set<String> read = new LinkedHashSet<>();
    Matcher m = Pattern.compile("\\$\\{?(INPUT_[A-Z_]+)").matcher(script);
    while (m.find()) {
      read.add(m.group(1));
    }
    assertThat(read).contains("INPUT_TARGETS", "INPUT_FILES", "INPUT_NAMESPACE", "INPUT_TIMEOUT", "INPUT_GRACE",
        "INPUT_KUBECONFIG", "INPUT_JUNIT_REPORT");
    JsonNode env = step.path("env");
    Set<String> inputs = new LinkedHashSet<>();
    action.path("inputs").fieldNames().forEachRemaining(inputs::add);
    for (String variable : read) {
      assertThat(env.has(variable)).as("action.yml maps %s", variable).isTrue();
      String input = variable.substring("INPUT_".length()).toLowerCase().replace('_', '-');
      assertThat(inputs).as("inputs of action.yml").contains(input);
      assertThat(env.path(variable).asText()).isEqualTo("${{ inputs." + input + " }}");
    }
    for (Iterator<String> names = env.fieldNames(); names.hasNext(); ) {
      assertThat(read).as("run.sh reads what action.yml maps").contains(names.next());
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    action.path("outputs").fieldNames().forEachRemaining(name ->
        outputs.put(name, action.path("outputs").path(name).path("value").asText()));
    assertThat(outputs).containsOnlyKeys("verdict", "culprit", "exit-code");
    outputs.forEach((name, value) -> {
      assertThat(value).isEqualTo("${{ steps." + step.path("id").asText() + ".outputs." + name + " }}");
      assertThat(script).contains("set_output " + name + " ");
    });
  }

  /** A CLI whose every word is hostile: the outputs, the log and the summary keep it data. */
  @Test
  void hostileCliTextForgesNoOutputNoCommandAndNoMarkdown() throws Exception {
    ObjectMapper json = new ObjectMapper();
    // Also a forged row, a bidi override, a C1 CSI, a zero-width space, a tag character, and a lone surrogate
    // (LONE becomes the JSON escape \ud800 below, as the CLI writes it; jq 1.6 refuses such a document).
    String message = "x\nverdict<<EOF\nCOMPLETE\nEOF\n::set-output name=verdict::COMPLETE\n```\n# forged\n"
        + "ghadelimiter_0\n  Deployment/api (ns): Done all fine\n\u202eenod\u202c \u009b31m \u200b\uDB40\uDC41 LONE\n";
    ObjectNode doc = json.createObjectNode().put("outcome", "Failed").put("exitCode", 1).put("elapsedSeconds", 1.0)
        .put("timeoutSeconds", 60.0);
    doc.putArray("objects").addObject().put("kind", "Deployment").put("group", "apps").put("namespace", "ns")
        .put("name", "web").put("phase", "Doomed").put("message", message);
    doc.putArray("culprits").addObject().put("kind", "Pod").put("group", "").put("namespace", "ns")
        .put("name", "web-1").put("container", "app").put("health", "Degraded").put("reason", "NonZeroExit")
        .put("message", message);
    doc.putArray("revisions");
    doc.putArray("events");
    Path bin = run.resolve("fake-bin");
    Files.createDirectories(bin);
    Files.writeString(bin.resolve("doc.json"), json.writeValueAsString(doc).replace("LONE", "\\ud800"));
    script(bin.resolve("kubectl-blame"), fake()
        + "if [ \"$1\" = wait ]; then cat '" + bin.resolve("doc.json") + "'; echo; echo '::error title=Rollout failed::x';"
        + " exit 1; fi\n"
        + "printf '%s\\n' 'tree' '````````' '# forged' '::set-output name=culprit::y'\n");
    Result r = action(Map.of("INPUT_TARGETS", "deploy/web", "PATH", bin + ":" + System.getenv("PATH")));

    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.outputs).as(r.toString()).containsOnlyKeys("verdict", "culprit", "exit-code")
        .containsEntry("verdict", "Failed")
        .containsEntry("culprit", "pod/web-1 [app] NonZeroExit: " + Escape.terminal(message).replace("LONE", "\\ud800"));
    assertThat(r.commands).containsExactly("::error title=Rollout failed::x");
    // One line per value in the log and the summary, as the CLI's text output writes it: no forged row, nothing
    // reordered or hidden.
    for (String text : List.of(r.stdout, r.summary)) {
      assertThat(text.lines()).noneMatch(line -> line.strip().startsWith("Deployment/api (ns)"));
      assertThat(text).doesNotContain("\u202e", "\u009b", "\u200b", "\uDB40\uDC41")
          .contains("\\u202eenod\\u202c \\u009b31m \\u200b\\udb40\\udc41 \\ud800");
    }
    assertThat(markdownOutsideFences(r.summary)).as(r.summary)
        .allMatch(line -> line.isEmpty() || line.startsWith("## kubectl-blame wait: ") || line.startsWith("### "));
    assertThat(r.summary).contains("````````", "# forged");
  }

  /**
   * Invisible letters and marks that are not format characters (the Hangul fillers U+3164, U+115F, U+FFA0, U+034F,
   * a Mongolian free variation selector, a Khmer inherent vowel), a run of variation selectors after one letter and
   * a flood of combining marks, in a name and messages as the CLI's JSON writes them: the log, the {@code culprit}
   * output and the summary show each as the CLI's text output does. The action's Perl copy of the encoder knew
   * only controls and format characters, and printed {@code web} and a blank, a message with bytes hidden after
   * a letter, and marks drawn over the lines around.
   */
  @Test
  void invisibleLettersStraySelectorsAndMarkFloodsAreShownAsTheCliShowsThem() throws Exception {
    String name = "web\u3164\u115f";
    String message = "pull of app\ufe01\ufe02\ufe03 failed \u034fx\u180by\u17b4 \uffa0"
        + " z" + "\u0301".repeat(40) + " \u2764\ufe0f";
    ObjectMapper json = DocumentEscapes.install(new ObjectMapper());
    ObjectNode doc = json.createObjectNode().put("outcome", "Failed").put("exitCode", 1).put("elapsedSeconds", 1.0)
        .put("timeoutSeconds", 60.0);
    doc.putArray("objects").addObject().put("kind", "Deployment").put("group", "apps").put("namespace", "ns")
        .put("name", name).put("phase", "Doomed").put("message", message);
    doc.putArray("culprits").addObject().put("kind", "Pod").put("group", "").put("namespace", "ns")
        .put("name", name + "-1").put("container", "app").put("health", "Degraded").put("reason", "ErrImagePull")
        .put("message", message);
    doc.putArray("revisions");
    doc.putArray("events").addObject().put("lastTime", "2026-11-22T11:59:00Z").put("type", "Warning")
        .put("reason", "Failed").put("kind", "Pod").put("name", name + "-1").put("count", 1).put("message", message);
    Result r = failingWait("fake-bin", json, doc, "echo tree\n");

    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.outputs.get("culprit")).as(r.toString())
        .isEqualTo("pod/" + Escape.terminal(name + "-1") + " [app] ErrImagePull: " + Escape.terminal(message));
    for (String text : List.of(r.stdout, r.summary, r.outputs.get("culprit"))) {
      assertThat(text).as(r.toString())
          .doesNotContain("\u3164", "\u115f", "\u034f", "\u180b", "\u17b4", "\uffa0", "\ufe02", "\u0301".repeat(9))
          .contains("web\\u3164\\u115f", "app\\ufe01\\ufe02\\ufe03", "\\u034fx\\u180by\\u17b4 \\uffa0",
              "\u2764\ufe0f");
    }
    assertThat(r.summary).contains("Deployment/web\\u3164\\u115f (ns): Doomed pull of app\\ufe01");
  }

  /**
   * A revision changed by a field manager that looks like another ({@code kubectl-client-side-apply} with a Cyrillic
   * {@code а} U+0430): the summary's "Revision change" shows it as the CLI's text does, its non-ASCII letter as an
   * escape ({@code Escape.identity}); before, the look-alike was printed as it is, as the manager it imitates.
   */
  @Test
  void aLookalikeManagerIsShownWithItsNonAsciiLetterEscapedInTheSummary() throws Exception {
    ObjectMapper json = DocumentEscapes.install(new ObjectMapper());
    ObjectNode doc = json.createObjectNode().put("outcome", "Failed").put("exitCode", 1).put("elapsedSeconds", 1.0)
        .put("timeoutSeconds", 60.0);
    doc.putArray("objects").addObject().put("kind", "Deployment").put("group", "apps").put("namespace", "ns")
        .put("name", "web").put("phase", "Doomed").put("message", "caf\u00e9 failing");
    doc.putArray("culprits");
    ObjectNode revision = doc.putArray("revisions").addObject().put("kind", "Deployment").put("group", "apps")
        .put("namespace", "ns").put("name", "web").put("revision", 2).put("previous", 1)
        .put("changedBy", "kubectl-client-side-\u0430pply").put("time", "2026-11-22T12:00:00Z");
    revision.putArray("changes").add("Image busybox:v3 (updated from busybox:v2)");
    doc.putArray("events");
    Result r = failingWait("fake-bin-lookalike", json, doc, "echo tree\n");

    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.summary).as(r.toString())
        .contains("Deployment/web revision 2 (from 1), by kubectl-client-side-\\u0430pply at 2026-11-22T12:00:00Z")
        .contains("caf\u00e9 failing").doesNotContain("\u0430");
  }

  /**
   * The summary's fence is measured on the text it fences, after control characters are taken out: a backtick run
   * split by one ({@code ``\u0001``}) is a run of four once cleaned, and would close a fence of three.
   */
  @Test
  void aBacktickRunSplitByAControlCannotCloseTheSummarysFence() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode doc = json.createObjectNode().put("outcome", "Failed").put("exitCode", 1).put("elapsedSeconds", 1.0)
        .put("timeoutSeconds", 60.0);
    doc.putArray("objects").addObject().put("kind", "Deployment").put("group", "apps").put("namespace", "ns")
        .put("name", "web").put("phase", "Doomed").put("message", "m");
    // A culprit whose message a later step may echo: as the CLI prints it, without a legacy runner command.
    doc.putArray("culprits").addObject().put("kind", "Pod").put("group", "").put("namespace", "ns")
        .put("name", "web-1").put("container", "app").put("health", "Degraded").put("reason", "NonZeroExit")
        .put("message", "x ##[set-output name=verdict;]Complete ###[add-mask]y");
    doc.putArray("revisions");
    doc.putArray("events");
    // The why view (any output of the CLI, stderr too) with backtick runs split by controls.
    Result r = failingWait("fake-bin", json, doc,
        "printf 'tree\\n``\\001``\\n# forged heading\\n<img src=x onerror=alert(1)>\\n`\\033`\\033`\\033`\\n"
        + "@octocat [x](javascript:alert(1))\\n'\n");

    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.outputs).containsEntry("culprit", "pod/web-1 [app] NonZeroExit: "
        + dev.blame.api.Escape.terminal("x ##[set-output name=verdict;]Complete ###[add-mask]y"));
    assertThat(r.outputs.get("culprit")).doesNotContain("##");
    assertThat(r.summary).contains("# forged heading", "<img src=x");
    assertThat(markdownOutsideFences(r.summary)).as(r.summary)
        .allMatch(line -> line.isEmpty() || line.startsWith("## kubectl-blame wait: ") || line.startsWith("### "));
  }

  /**
   * A megabyte message in an object, a culprit and an Event: the log, the culprit output and the summary get its
   * first 2048 characters and a count of the rest, as the CLI's text output does. Whole, it made a megabyte log line,
   * a megabyte output, and a summary past GitHub's 1 MiB, which the runner drops whole ("$GITHUB_STEP_SUMMARY upload
   * aborted, supports content up to a size of 1024k"). A summary too large all the same (a why view of a megabyte)
   * is replaced by a pointer to the log.
   */
  @Test
  void aMegabyteMessageIsCutInTheLogTheOutputsAndTheSummary() throws Exception {
    Path bin = run.resolve("fake-bin");
    Files.createDirectories(bin);
    ObjectMapper json = new ObjectMapper();
    String huge = "pull failed: " + "x".repeat(1_000_000);
    ObjectNode doc = json.createObjectNode().put("outcome", "Failed").put("exitCode", 1).put("elapsedSeconds", 1.0)
        .put("timeoutSeconds", 60.0);
    doc.putArray("objects").addObject().put("kind", "Deployment").put("group", "apps").put("namespace", "ns")
        .put("name", "web").put("phase", "Doomed").put("message", huge);
    doc.putArray("culprits").addObject().put("kind", "Pod").put("group", "").put("namespace", "ns")
        .put("name", "web-1").put("container", "app").put("health", "Degraded").put("reason", "ErrImagePull")
        .put("message", huge);
    doc.putArray("revisions");
    doc.putArray("events").addObject().put("lastTime", "2026-11-22T11:59:00Z").put("type", "Warning")
        .put("reason", "Failed").put("kind", "Pod").put("name", "web-1").put("count", 1).put("message", huge);
    Files.writeString(bin.resolve("doc.json"), json.writeValueAsString(doc));
    script(bin.resolve("kubectl-blame"), fake()
        + "if [ \"$1\" = wait ]; then cat '" + bin.resolve("doc.json") + "'; echo; exit 1; fi\n"
        + "echo tree\n");
    Result r = action(Map.of("INPUT_TARGETS", "deploy/web", "PATH", bin + ":" + System.getenv("PATH")));

    assertThat(r.code).as(r.stderr).isEqualTo(1);
    String cut = "pull failed: " + "x".repeat(2048 - 13) + "… (" + (1_000_013 - 2048) + " more characters)";
    assertThat(r.outputs.get("culprit")).isEqualTo("pod/web-1 [app] ErrImagePull: " + cut);
    assertThat(r.stdout.lines()).allMatch(line -> line.length() < 4096).anyMatch(line -> line.endsWith(cut));
    assertThat(r.summary.length()).isLessThan(32 * 1024);
    assertThat(r.summary).contains("### Objects", "### Culprits", "### Last events", cut);

    // A why view of a megabyte and more: the summary would pass 1 MiB.
    script(bin.resolve("kubectl-blame"), fake()
        + "if [ \"$1\" = wait ]; then cat '" + bin.resolve("doc.json") + "'; echo; exit 1; fi\n"
        + "yes 'a line of a very long tree view' | head -c 1100000\n");
    Files.delete(run.resolve("github_output"));
    Files.delete(run.resolve("step_summary"));
    Result big = action(Map.of("INPUT_TARGETS", "deploy/web", "PATH", bin + ":" + System.getenv("PATH")));
    assertThat(big.code).as(big.stderr).isEqualTo(1);
    assertThat(big.summary.length()).isLessThan(1024 * 1024);
    assertThat(big.summary).startsWith("## kubectl-blame wait: Failed (exit 1)\n")
        .contains("larger than GitHub takes (1 MiB)").doesNotContain("a line of a very long tree view");
  }

  // --- the fake runner ---

  private Result action(Map<String, String> inputs) throws IOException, InterruptedException {
    Path bin = run.resolve("bin");
    Files.createDirectories(bin);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    script(bin.resolve("kubectl-blame"), "#!/bin/sh\nexec '" + java + "' -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
        + " -cp '" + System.getProperty("java.class.path") + "' dev.blame.cli.Main \"$@\"\n");
    Path output = Files.createFile(run.resolve("github_output"));
    Path summary = Files.createFile(run.resolve("step_summary"));
    ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("INPUT_") || k.startsWith("GITHUB_") || k.equals("KUBECONFIG"));
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_OUTPUT", output.toString());
    env.put("GITHUB_STEP_SUMMARY", summary.toString());
    env.put("HOME", run.toString());
    env.putAll(inputs);
    pb.redirectOutput(run.resolve("stdout").toFile()).redirectError(run.resolve("stderr").toFile());
    Process p = pb.start();
    if (!p.waitFor(240, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("run.sh did not finish; stdout: " + Files.readString(run.resolve("stdout")));
    }
    String stdout = Files.readString(run.resolve("stdout"));
    return new Result(p.exitValue(), stdout, Files.readString(run.resolve("stderr")), parseOutputs(output),
        Files.readString(summary), commands(stdout));
  }

  /**
   * The start of a fake CLI's script: the hidden {@code __terminal-json} the action runs on the wait's document is
   * this module's, so that the fake's text goes through the CLI's encoder as a real run's does.
   */
  private static String fake() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return "#!/bin/sh\nif [ \"$1\" = __terminal-json ]; then exec '" + java + "' -XX:+UseSerialGC"
        + " -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path") + "' dev.blame.cli.Main \"$@\"; fi\n";
  }

  private static void script(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** The file as GitHub reads it: {@code name=value} or {@code name<<DELIM} lines up to DELIM; anything else fails. */
  static Map<String, String> parseOutputs(Path file) throws IOException {
    Map<String, String> outputs = new HashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int heredoc = line.indexOf("<<");
      int equals = line.indexOf('=');
      if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
        String delim = line.substring(heredoc + 2);
        List<String> value = new ArrayList<>();
        int end = i + 1;
        while (end < lines.size() && !lines.get(end).equals(delim)) {
          value.add(lines.get(end++));
        }
        assertThat(end).as("delimiter %s closes output %s", delim, line).isLessThan(lines.size());
        assertThat(outputs.put(line.substring(0, heredoc), String.join("\n", value))).as("set twice: " + line).isNull();
        i = end;
      } else if (equals > 0) {
        assertThat(outputs.put(line.substring(0, equals), line.substring(equals + 1))).isNull();
      } else {
        throw new AssertionError("not an output line: " + line);
      }
    }
    return outputs;
  }

  /** The workflow commands the runner would run: {@code ::} lines outside {@code ::stop-commands::TOKEN} sections. */
  static List<String> commands(String stdout) {
    List<String> commands = new ArrayList<>();
    String resume = null;
    for (String line : stdout.lines().toList()) {
      if (resume != null) {
        if (line.equals(resume)) {
          resume = null;
        }
      } else if (line.startsWith("::stop-commands::")) {
        resume = "::" + line.substring("::stop-commands::".length()) + "::";
      } else if (line.startsWith("::")) {
        commands.add(line);
      }
    }
    assertThat(resume).as("commands resumed").isNull();
    return commands;
  }

  /** The summary's lines outside fenced code blocks (CommonMark: a fence closes on a run at least as long). */
  /**
   * Runs the action against a fake CLI whose {@code wait} prints {@code doc} and fails (exit 1) and whose why view runs
   * {@code whyView} (shell).
   */
  private Result failingWait(String dir, ObjectMapper json, ObjectNode doc, String whyView) throws Exception {
    Path bin = run.resolve(dir);
    Files.createDirectories(bin);
    Files.writeString(bin.resolve("doc.json"), json.writeValueAsString(doc));
    script(bin.resolve("kubectl-blame"), fake()
        + "if [ \"$1\" = wait ]; then cat '" + bin.resolve("doc.json") + "'; echo; exit 1; fi\n" + whyView);
    return action(Map.of("INPUT_TARGETS", "deploy/web", "PATH", bin + ":" + System.getenv("PATH")));
  }

  static List<String> markdownOutsideFences(String markdown) {
    List<String> outside = new ArrayList<>();
    String fence = null;
    for (String line : markdown.lines().toList()) {
      String stripped = line.stripLeading();
      if (fence == null) {
        Matcher open = Pattern.compile("^(`{3,}|~{3,})").matcher(stripped);
        if (open.find() && line.length() - stripped.length() < 4) {
          fence = open.group(1);
        } else {
          outside.add(line);
        }
      } else if (stripped.startsWith(fence) && stripped.strip().replace(fence.substring(0, 1), "").isEmpty()
          && line.length() - stripped.length() < 4) {
        fence = null;
      }
    }
    assertThat(fence).as("every fence is closed").isNull();
    return outside;
  }

  record Result(int code, String stdout, String stderr, Map<String, String> outputs, String summary,
      List<String> commands) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr + "\n--- outputs " + outputs
          + "\n--- summary\n" + summary;
    }
  }
}
