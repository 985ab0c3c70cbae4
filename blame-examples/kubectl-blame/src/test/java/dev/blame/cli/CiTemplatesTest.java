package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blame.demo.ControllerSimulator;
import dev.blame.demo.DemoCluster;
import dev.blame.demo.Scenario;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitLab CI job template ({@code ci/gitlab/kubectl-blame.gitlab-ci.yml}) and the Tekton Task
 * ({@code ci/tekton/kubectl-blame-wait.yaml}): each is parsed, its command line taken as the runner would run it
 * (GitLab: the job's variables as environment, the script lines in one shell; Tekton: the step's env with
 * {@code $(params.*)} and {@code $(workspaces.*)} substituted, its script in the working directory) and run
 * against the demo cluster. {@code java -jar kubectl-blame.jar} runs this module's classes: a jar whose manifest
 * names {@code dev.blame.cli.Main} and the test class path.
 */
@Timeout(300)
class CiTemplatesTest {

  static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final Pattern PARAM = Pattern.compile("\\$\\(params\\.([a-z-]+)\\)");

  static DemoCluster cluster;
  static ControllerSimulator simulator;
  static Path kubeconfig;

  @TempDir
  static Path dir;

  @TempDir
  Path work;

  @BeforeAll
  static void start() {
    cluster = DemoCluster.start();
    simulator = ControllerSimulator.start(cluster);
    kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"), "default");
    Scenario.TALK.play(cluster.client(), Duration.ofSeconds(30));
    Scenario.HEALTHY_ROLLOUT.play(cluster.client(), Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    simulator.close();
    cluster.close();
  }

  @Test
  void theGitlabJobFailsOnACrashingRolloutWithItsCauseAndAJunitReport() throws Exception {
    JsonNode job = YAML.readTree(ROOT.resolve("ci/gitlab/kubectl-blame.gitlab-ci.yml").toFile())
        .path(".kubectl-blame-wait");
    assertThat(job.path("artifacts").path("reports").path("junit").asText()).isEqualTo("$BLAME_JUNIT_REPORT");
    assertThat(job.path("artifacts").path("when").asText()).isEqualTo("always");
    Map<String, String> env = new LinkedHashMap<>();
    job.path("variables").fieldNames().forEachRemaining(n -> env.put(n, job.path("variables").path(n).asText()));
    assertThat(env).containsKeys("BLAME_TARGETS", "BLAME_NAMESPACE", "BLAME_TIMEOUT", "BLAME_JUNIT_REPORT");
    StringBuilder lines = new StringBuilder();
    job.path("script").forEach(line -> lines.append(line.asText()).append('\n'));
    String script = lines.toString();
    // What an including job overrides; the cluster comes from KUBECONFIG as a file-type CI/CD variable gives it.
    env.put("KUBECTL_BLAME_JAR", jar().toString());
    env.put("BLAME_TARGETS", "deploy/my-busybox");
    env.put("BLAME_NAMESPACE", "talk");
    env.put("BLAME_TIMEOUT", "60s");
    env.put("KUBECONFIG", kubeconfig.toString());
    Result r = sh(script, work, env);

    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.out).as(r.toString()).contains("FAILED after", "deployment.apps/my-busybox", "Culprits:")
        .containsPattern("pod/my-busybox-\\w+-\\w+ \\[busybox\\] (CrashLoopBackOff|Restarted|NonZeroExit)")
        .doesNotContain("::error");
    String xml = Files.readString(work.resolve("kubectl-blame-wait.xml"));
    assertThat(xml).contains("tests=\"1\" failures=\"1\"", "<testcase classname=\"talk\" name=\"deployment.apps/my-busybox\"");
  }

  @Test
  void theTektonTaskCompletesAHealthyRolloutFromWorkspaceManifestsAndFailsACrashingOne() throws Exception {
    JsonNode task = YAML.readTree(ROOT.resolve("ci/tekton/kubectl-blame-wait.yaml").toFile());
    assertThat(task.path("apiVersion").asText()).isEqualTo("tekton.dev/v1");
    assertThat(task.path("kind").asText()).isEqualTo("Task");
    Path workspace = work.resolve("source");
    Files.createDirectories(workspace.resolve("k8s"));
    Files.copy(jar(), workspace.resolve("kubectl-blame.jar"));
    Files.copy(kubeconfig, workspace.resolve("kubeconfig"));
    Files.writeString(workspace.resolve("k8s/api.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec: {replicas: 3, selector: {matchLabels: {app: api}}, template: {metadata: {labels: {app: api}}}}
        """);

    Result healthy = tekton(task, workspace, Map.of("files", "k8s/api.yaml", "namespace", "healthy-rollout",
        "timeout", "60s", "kubeconfig", "kubeconfig"));
    assertThat(healthy.code).as(healthy.toString()).isZero();
    assertThat(healthy.out).contains("Rolled out: 1 of 1 objects complete");

    Result failing = tekton(task, workspace, Map.of("targets", "deploy/my-busybox", "namespace", "talk",
        "timeout", "60s", "kubeconfig", "kubeconfig"));
    assertThat(failing.code).as(failing.toString()).isEqualTo(1);
    assertThat(failing.out).contains("FAILED after", "Revision change: Deployment my-busybox revision 2");

    Result bad = tekton(task, workspace, Map.of("targets", "deploy/my-busybox", "timeout", "soon",
        "kubeconfig", "kubeconfig"));
    assertThat(bad.code).as(bad.toString()).isEqualTo(3);
    assertThat(bad.err).contains("--timeout \"soon\" is not a duration");
  }

  /** The Task's one step as a TaskRun with these params would run it. */
  private Result tekton(JsonNode task, Path workspace, Map<String, String> given) throws Exception {
    Map<String, String> params = new HashMap<>();
    for (JsonNode p : task.path("spec").path("params")) {
      params.put(p.path("name").asText(), p.path("default").asText());
    }
    assertThat(params).as("params of the Task").containsKeys(given.keySet().toArray(String[]::new));
    params.putAll(given);
    JsonNode step = task.path("spec").path("steps").get(0);
    assertThat(step.path("script").asText()).as("the script has no $(params...)").doesNotContain("$(");
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode e : step.path("env")) {
      env.put(e.path("name").asText(), substitute(e.path("value").asText(), params, workspace));
    }
    String workingDir = substitute(step.path("workingDir").asText(), params, workspace);
    return sh(step.path("script").asText(), Path.of(workingDir), env);
  }

  private static String substitute(String text, Map<String, String> params, Path workspace) {
    Matcher m = PARAM.matcher(text.replace("$(workspaces.source.path)", workspace.toString()));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      assertThat(params).as("declared param").containsKey(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(params.get(m.group(1))));
    }
    return m.appendTail(out).toString();
  }

  /** A runnable {@code java -jar} of this module: Main-Class and the test class path in its manifest. */
  private Path jar() throws IOException {
    Path jar = dir.resolve("kubectl-blame.jar");
    if (Files.exists(jar)) {
      return jar;
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.blame.cli.Main");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry -> Path.of(entry).toAbsolutePath().toUri().toString()).collect(Collectors.joining(" ")));
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
      return jar;
    }
  }

  private Result sh(String script, Path cwd, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).directory(cwd.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("GITHUB_") || k.equals("KUBECONFIG"));
    Path bin = Files.createDirectories(work.resolve("java-bin"));
    if (!Files.exists(bin.resolve("java"))) {
      // The JDK running the test as `java` on PATH (a wrapper: JUnit warns about symlinks out of a temp dir).
      Files.writeString(bin.resolve("java"), "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
          + "' \"$@\"\n");
      Files.setPosixFilePermissions(bin.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
    pb.environment().put("HOME", work.toString());
    pb.environment().putAll(env);
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(240, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the script did not finish: " + script);
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }
}
