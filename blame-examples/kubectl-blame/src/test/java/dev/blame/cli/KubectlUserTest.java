package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * As a user would: {@code kubectl blame demo empty --serve} (in-process), Debian's {@code kubectl create -f} of a
 * Deployment whose container crashes, then {@code kubectl blame deploy/NAME --kubeconfig FILE}.
 */
@Timeout(180)
class KubectlUserTest {

  static final Path KUBECTL = Path.of("/usr/bin/kubectl");

  static final String MANIFEST = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: crasher
        labels: {app: crasher}
      spec:
        replicas: 1
        selector:
          matchLabels: {app: crasher}
        template:
          metadata:
            labels: {app: crasher}
          spec:
            containers:
            - name: app
              image: busybox:1.36
              command: ["sh", "-c", "echo starting; exit 3"]
      """;

  @TempDir
  Path dir;

  @Test
  void kubectlCreatesACrashingDeploymentAndBlameNamesThePod() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(KUBECTL),
        "skipped: /usr/bin/kubectl is absent (Debian package kubernetes-client; .ci/run installs it)");

    StringBuffer serveOut = new StringBuffer();
    StringWriter serveErr = new StringWriter();
    Cli cli = new Cli(new PrintWriter(new BufferWriter(serveOut), true), new PrintWriter(serveErr, true),
        new ByteArrayInputStream(new byte[0]), Map.of(), false, builder -> { });
    AtomicInteger serveCode = new AtomicInteger(-1);
    Path kubeconfigFile = dir.resolve("kubeconfig");
    Thread serve = new Thread(() -> serveCode.set(BlameCli.run(cli, "demo", "empty", "--serve",
        "--write-kubeconfig", kubeconfigFile.toString())), "test-demo-serve");
    serve.start();
    try {
      String first = awaitFirstLine(serveOut, 60);
      assertThat(first).as("stdout of demo --serve:\n%s\nstderr:\n%s", serveOut, serveErr)
          .isEqualTo("export KUBECONFIG=" + kubeconfigFile.toAbsolutePath());
      awaitServing(serveErr, 60);

      Path manifest = dir.resolve("crasher.yaml");
      Files.writeString(manifest, MANIFEST);
      Result created = kubectl(kubeconfigFile, "create", "-f", manifest.toString());
      assertThat(created.code).as(created.output).isZero();
      assertThat(created.output).contains("deployment.apps/crasher created");

      String pod = awaitCrashLoop(kubeconfigFile, 60);

      Run run = runBlame("deploy/crasher", "--kubeconfig", kubeconfigFile.toString());
      assertThat(run.code()).as(run.toString()).isZero();
      // The simulator restarts the container after each back-off, so blame may read the pod waiting in
      // CrashLoopBackOff, just terminated again, or running after its restarts: each names the pod and the crash.
      assertThat(run.out()).as(run.toString()).contains(pod).containsPattern("exit(ed with)? code 3");
      assertThat(run.err()).as(run.toString()).isEmpty();
    } finally {
      serve.interrupt();
      serve.join(TimeUnit.SECONDS.toMillis(30));
    }
    assertThat(serve.isAlive()).as("demo --serve stops when interrupted").isFalse();
    assertThat(serveCode.get()).isZero();
    assertThat(serveErr.toString()).doesNotContain("Exception", "\tat ");
    assertThat(DemoCommandTest.demoThreads()).isEmpty();
  }

  /** The pod's name once kubectl shows its container waiting in CrashLoopBackOff. */
  private String awaitCrashLoop(Path kubeconfig, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    Result last = null;
    while (System.nanoTime() < deadline) {
      last = kubectl(kubeconfig, "get", "pods", "-l", "app=crasher", "-o",
          "jsonpath={range .items[*]}{.metadata.name} {.status.containerStatuses[0].state.waiting.reason}{\"\\n\"}{end}");
      for (String line : last.output.lines().toList()) {
        String[] parts = line.trim().split(" ");
        if (parts.length == 2 && parts[1].equals("CrashLoopBackOff")) {
          return parts[0];
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no pod of crasher in CrashLoopBackOff after " + seconds + "s; kubectl said: " + last);
  }

  private static Run runBlame(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Cli cli = new Cli(new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0]), Map.of(),
        false, builder -> { });
    int code = BlameCli.run(cli, args);
    return new Run(code, out.toString(), err.toString());
  }

  private Result kubectl(Path kubeconfig, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(KUBECTL.toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("KUBECONFIG", kubeconfig.toString());
    pb.environment().put("HOME", dir.toString());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish");
    }
    return new Result(p.exitValue(), output);
  }

  private static String awaitFirstLine(StringBuffer out, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      int newline = out.indexOf("\n");
      if (newline >= 0) {
        return out.substring(0, newline);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("demo --serve printed no line in " + seconds + "s");
  }

  /** Waits for the line on stderr that says the scenario has been played. */
  private static void awaitServing(StringWriter err, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (err.toString().contains("Ctrl-C stops it")) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("demo --serve did not report it is serving; stderr: " + err);
  }

  private record Result(int code, String output) {
    @Override
    public String toString() {
      return "exit " + code + ": " + output;
    }
  }

  /** A writer into a buffer that another thread may read while it is written. */
  static final class BufferWriter extends Writer {
    private final StringBuffer buffer;

    BufferWriter(StringBuffer buffer) {
      this.buffer = buffer;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
      buffer.append(cbuf, off, len);
    }

    @Override
    public void flush() { }

    @Override
    public void close() { }
  }
}
