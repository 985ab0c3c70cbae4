package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs nobody should trust: manifests and kubeconfigs that hold secrets and are malformed, inputs without end,
 * FIFOs, exec credential plugins that hang or fail. Each ends in one line on stderr and exit 3, never quoting the
 * secret, never a stack trace.
 */
@Timeout(120)
class HostileInputTest {

  static final String SECRET = "hunter2-S3CRET-value";

  @TempDir
  Path dir;

  static void assertOneLineWithoutSecret(Run run) {
    assertThat(run.code()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).as(run.toString()).startsWith("error: ").hasLineCount(1).doesNotContain(SECRET)
        .doesNotContain("Exception", "\tat ");
    assertThat(run.out()).doesNotContain(SECRET);
  }

  /** The three shapes a malformed Secret takes: YAML syntax, JSON syntax, a value of the wrong type. */
  @ParameterizedTest
  @ValueSource(strings = {
      "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData:\n  password: " + SECRET + ": [\n",
      "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"metadata\": {\"name\": \"db\"}, \"data\": {\"password\": \""
          + SECRET + "}}",
      "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata: [" + SECRET + "]\n",
      "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ntype: {x: " + SECRET + "}\n",
      "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: \"" + SECRET + "\n"})
  void parseErrorsNameTheFileAndLineNeverTheText(String manifest) throws IOException {
    Path file = dir.resolve("secret.yaml");
    Files.writeString(file, manifest);
    Run run = Run.of("status", "-f", file.toString());
    assertOneLineWithoutSecret(run);
    assertThat(run.err()).contains(file.toString());
  }

  /**
   * A name given on the command line or held by a file is shown as given, a line break as {@code \n}: the third
   * red team left {@code -f $'a\nb.yaml'} named {@code a; b.yaml} (the lines of every message were joined, as a
   * parser's snippet lines are) and a context {@code "nope; ::error::x"}, a name that was not given.
   */
  @Test
  void namesAreShownAsGivenWithALineBreakEscapedNotJoined() throws IOException {
    Run missing = Run.of("status", "-A", "-f", dir.resolve("a\nb\u001b[2J.yaml").toString());
    assertThat(missing.err()).as(missing.toString()).isEqualTo("error: " + dir.resolve("a")
        + "\\nb\\u001b[2J.yaml: no such file or directory; expected a manifest file or a directory of them\n");
    Path bad = Files.writeString(dir.resolve("c\nd.yaml"), "just text\n");
    Run unreadable = Run.of("status", "-A", "-f", bad.toString());
    assertThat(unreadable.err()).as(unreadable.toString()).isEqualTo("error: " + dir.resolve("c")
        + "\\nd.yaml: document 1 (line 1): expected a Kubernetes object (a mapping with apiVersion, kind and "
        + "metadata), got string\n");
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "http://127.0.0.1:1"}}]
        users: [{name: u, user: {token: t}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        current-context: x
        """);
    Run context = Run.of("deploy/web", "--kubeconfig", kubeconfig.toString(), "--context", "nope\n::error::x");
    assertThat(context.err()).as(context.toString())
        .isEqualTo("error: context \"nope\\n::error::x\" not found in the kubeconfig\n");
    Path pod = Files.writeString(dir.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n");
    Run selector = Run.of("status", "-f", pod.toString(), "-l", "a in (b\n,");
    assertThat(selector.err()).as(selector.toString()).startsWith("error: -l/--selector \"a in (b\\n,\"")
        .hasLineCount(1);
  }

  @Test
  void aKubeconfigWithASyntaxErrorIsNamedWithItsLineNotItsToken() throws IOException {
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster: {server: "http://127.0.0.1:1"}
        users:
        - name: u
          user:
            token: %s: [oops
        contexts:
        - name: x
          context: {cluster: c, user: u}
        current-context: x
        """.formatted(SECRET));
    Run run = Run.of("deploy/web", "--kubeconfig", kubeconfig.toString());
    assertOneLineWithoutSecret(run);
    assertThat(run.err()).contains(kubeconfig.toString(), "line 9");
  }

  /**
   * A kubeconfig that is a "billion laughs" of 800 bytes (48 aliases, under SnakeYAML's 50): fabric8 expanded it to
   * two billion strings, taking 7 GB and a minute before the CLI gave up on its reading thread, which went on. It is
   * refused by name before fabric8 reads it.
   */
  @Test
  void aKubeconfigThatIsAYamlBombIsRefusedBeforeItExpands() throws IOException {
    StringBuilder bomb = new StringBuilder("""
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster: {server: "http://127.0.0.1:1"}
        users:
        - name: u
          user: {token: %s}
        contexts:
        - name: x
          context: {cluster: c, user: u}
        current-context: x
        x:
        """.formatted(SECRET));
    bomb.append("  a0: &a0 [").append("\"lol\",".repeat(49)).append("\"lol\"]\n");
    for (int i = 1; i <= 16; i++) {
      bomb.append("  a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
          .append(i - 1).append(", *a").append(i - 1).append("]\n");
    }
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, bomb);
    long start = System.nanoTime();
    Run run = Run.of("deploy/web", "--kubeconfig", kubeconfig.toString(), "--request-timeout", "2");
    assertOneLineWithoutSecret(run);
    assertThat(run.err()).contains(kubeconfig.toString(), "YAML bomb");
    assertThat((System.nanoTime() - start) / 1_000_000_000L).isLessThan(20);
  }

  private Path plugin(String name, String script) throws IOException {
    Path file = LiveClusterTest.script(dir.resolve(name), script + "\n");
    return LiveClusterTest.execKubeconfig(dir.resolve(name + ".kubeconfig"), "http://127.0.0.1:1", null, file);
  }

  @Test
  void anExecPluginThatHangsIsStoppedAtTheRequestTimeout() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
    Path kubeconfig = plugin("hangs.sh", "sleep 300");
    long start = System.nanoTime();
    Run run = Run.of("deploy/web", "--kubeconfig", kubeconfig.toString(), "--request-timeout", "1");
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertOneLineWithoutSecret(run);
    assertThat(run.err()).contains("exec credential plugin", "hangs.sh", "did not finish within 1s");
    // Before: fabric8 waited for the plugin without a bound. Generous for a loaded machine, far below 300 s.
    assertThat(seconds).isLessThan(90);
    assertThat(ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("")
        .contains("hangs.sh"))).isEmpty();
  }

  @Test
  void anExecPluginThatFailsIsOneLineNamingIt() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
    Path kubeconfig = plugin("fails.sh", "echo " + SECRET + " >&2; exit 1");
    Run run = Run.of("deploy/web", "--kubeconfig", kubeconfig.toString(), "--request-timeout", "5");
    assertOneLineWithoutSecret(run);
    assertThat(run.err()).contains("exec credential plugin", "fails.sh", "gave no credentials");
  }

  /**
   * A kubeconfig that shares its user and exec block by anchors and aliases (YAML 1.2, section 3.2.2.2: an alias
   * node stands for its anchored node; fabric8 reads the file with SnakeYAML, which expands them, and runs the
   * plugin). The CLI named the plugin from a Jackson reading that takes {@code *cmd} as the text {@code cmd}: the
   * user {@code *who} matched no user, so a plugin that failed was not named, and the error said something else.
   */
  @Test
  void aPluginReachedThroughAliasesIsNamedAsFabric8RunsIt() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
    Path script = LiveClusterTest.script(dir.resolve("aliased-fails.sh"), "echo " + SECRET + " >&2; exit 1\n");
    Path kubeconfig = dir.resolve("aliased.kubeconfig");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster: {server: "http://127.0.0.1:1"}
        users:
        - name: &who ci-user
          user:
            exec: &exec
              apiVersion: client.authentication.k8s.io/v1beta1
              command: &cmd %s
              interactiveMode: Never
        - name: other
          user: {exec: *exec}
        contexts:
        - name: x
          context: {cluster: c, user: *who}
        current-context: x
        """.formatted(script));
    Run run = Run.of("deploy/web", "--kubeconfig", kubeconfig.toString(), "--request-timeout", "5");
    assertOneLineWithoutSecret(run);
    assertThat(run.err()).contains("exec credential plugin \"" + script + "\"", "gave no credentials");
  }

  /**
   * A server URL whose password holds a blank (pasted unencoded): the JDK's URI parser ends the user info there, and
   * so did the regular expression that takes user info out of messages, so the error line named the server
   * {@code https://admin:hunter2 S3CRET-value@127.0.0.1:1/}, and {@code --verbose} quoted it again in the
   * {@code URISyntaxException} of the trace.
   */
  @Test
  void aPasswordWithABlankInTheServerUrlIsNotPrinted() throws IOException {
    Path kubeconfig = dir.resolve("blank-password.kubeconfig");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster: {server: "https://admin:hunter2 S3CRET-value@127.0.0.1:1"}
        users:
        - name: u
          user: {token: T0KEN}
        contexts:
        - name: x
          context: {cluster: c, user: u}
        current-context: x
        """);
    Run run = Run.of("deploy/web", "--kubeconfig", kubeconfig.toString(), "--request-timeout", "3");
    assertThat(run.code()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).as(run.toString()).contains("https://127.0.0.1:1/").doesNotContain("S3CRET", "hunter2");
    Run verbose = Run.of("deploy/web", "--kubeconfig", kubeconfig.toString(), "--request-timeout", "3", "--verbose");
    assertThat(verbose.err()).as(verbose.toString()).contains("URISyntaxException")
        .doesNotContain("S3CRET", "hunter2");
  }

  @Test
  void anInputLargerThanTheCapIsRefusedNamingItAndTheFlag() throws IOException {
    Path file = dir.resolve("big.yaml");
    Files.writeString(file, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {blob: \""
        + "x".repeat(4096) + "\"}\n");
    Run run = Run.of("status", "-f", file.toString(), "--max-input-bytes", "1Ki");
    assertOneLineWithoutSecret(run);
    assertThat(run.err()).contains(file.toString(), "1024 bytes", "--max-input-bytes");
    assertThat(Run.of("status", "-f", file.toString(), "--max-input-bytes", "8Ki").code()).isZero();
    Run stdin = Run.withStdin("x".repeat(2048), "status", "-f", "-", "--max-input-bytes", "1Ki");
    assertOneLineWithoutSecret(stdin);
    assertThat(stdin.err()).contains("stdin", "--max-input-bytes");
    assertThat(Run.of("status", "-f", file.toString(), "--max-input-bytes", "lots").code()).isEqualTo(3);
  }

  @Test
  void aDeviceWithoutEndStopsAtTheCap() {
    assumeTrue(Files.exists(Path.of("/dev/zero")));
    Run run = Run.of("status", "-f", "/dev/zero", "--max-input-bytes", "4Mi");
    assertOneLineWithoutSecret(run);
    assertThat(run.err()).contains("/dev/zero", "larger than 4Mi");
  }

  @Test
  void aFifoIsReadOnce() throws Exception {
    Path fifo = dir.resolve("manifests.fifo");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo");
      return;
    }
    assumeTrue(mkfifo.waitFor() == 0);
    // One writer, once: a second open of the FIFO (the old reader opened each -f path twice) would never end.
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (OutputStream out = Files.newOutputStream(fifo)) {
        out.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: piped, namespace: default}\n"
            .getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Run run = Run.of("status", "-f", fifo.toString());
    writer.get();
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("configmap/piped");
  }
}
