package dev.blame.cli;

import dev.blame.cli.server.Client;
import dev.blame.cli.server.Server;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code kubectl-blame __train} (hidden): what the launcher runs once, in the background, to record the classes a
 * run loads into a class-data archive (CDS, or Java 25's AOT cache): the usage texts, an offline blame in each
 * format, and live blames (one-shot, status, wait) against the demo cluster served by a child JVM, so that the
 * archive holds the client's classes and none of the demo cluster's (its mock API server is 10 MB of classes no
 * user run loads). Prints nothing, unless a run that should answer did not (the live part included: the demo
 * cluster not serving counts): then one line on stderr, and exit 3, so that the launcher keeps no archive without
 * what a run loads (it trains again after the next run).
 */
@Command(name = "__train", hidden = true, description = "Loads what a run loads, for a class-data archive.")
final class TrainCommand implements Callable<Integer> {

  static final String DUMP = """
      apiVersion: v1
      kind: List
      items:
      - apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: train, uid: d1, generation: 2, labels: {app: web},
          annotations: {deployment.kubernetes.io/revision: "2"}, creationTimestamp: "2026-01-01T00:00:00Z"}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: "web:2"}]}
        status:
          observedGeneration: 2
          replicas: 1
          conditions:
          - {type: Progressing, status: "True", reason: ReplicaSetUpdated, lastUpdateTime: "2026-01-01T00:01:00Z"}
      - apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: web-2, namespace: train, uid: r2, labels: {app: web},
          annotations: {deployment.kubernetes.io/revision: "2"}, creationTimestamp: "2026-01-01T00:00:30Z",
          ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d1, controller: true}]}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: "web:2"}]}
        status: {replicas: 1, observedGeneration: 1}
      - apiVersion: v1
        kind: Pod
        metadata: {name: web-2-a, namespace: train, uid: p1, labels: {app: web}, creationTimestamp: "2026-01-01T00:00:31Z",
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-2, uid: r2, controller: true}]}
        spec: {containers: [{name: web, image: "web:2"}]}
        status:
          phase: Running
          containerStatuses:
          - name: web
            ready: false
            restartCount: 3
            image: "web:2"
            imageID: ""
            state: {waiting: {reason: CrashLoopBackOff, message: back-off}}
            lastState: {terminated: {exitCode: 1, reason: Error, finishedAt: "2026-01-01T00:00:50Z"}}
      - apiVersion: v1
        kind: Event
        metadata: {name: web-2-a.1, namespace: train}
        involvedObject: {apiVersion: v1, kind: Pod, name: web-2-a, namespace: train, uid: p1}
        reason: BackOff
        type: Warning
        message: Back-off restarting failed container
        count: 3
        lastTimestamp: "2026-01-01T00:01:00Z"
      """;

  private final Cli cli;

  TrainCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() throws IOException {
    Path dump = Files.createTempFile("kubectl-blame-train", ".yaml");
    try {
      Files.writeString(dump, DUMP, StandardCharsets.UTF_8);
      String file = dump.toString();
      List<List<String>> runs = List.of(
          List.of("--help"), List.of("--version"), List.of("status", "--help"), List.of("wait", "--help"),
          List.of("-f", file, "deploy/web"), List.of("-f", file, "deploy", "web", "-o", "json"),
          List.of("-f", file, "deploy/web", "-o", "yaml"), List.of("status", "-f", file),
          List.of("analyzers"), List.of("__complete", "dep"));
      for (List<String> args : runs) {
        // Each must answer: a run that fails early (a flag in the wrong place) loads little of what it stands for.
        int code = quietly(args);
        if (code != ExitCode.OK) {
          return failed("'" + String.join(" ", args).replace(file, "DUMP") + "' exited " + code);
        }
      }
      quietly(List.of("no-such-type/x"));
      clientAndServer();
      Optional<String> failed = live();
      if (failed.isPresent()) {
        // The launcher keeps no archive from a failed training run (it would miss the live path's classes, and a
        // live run with it would load ~1,900 classes from the jar) and trains again after the next run.
        return failed("the live part did not run: " + failed.get());
      }
      return ExitCode.OK;
    } finally {
      Files.deleteIfExists(dump);
    }
  }

  /**
   * The background server's client asks a server (in this JVM, on a socket in a temporary 0700 directory) once, so
   * that the archive holds what a served run loads. Not a check: a machine without Unix sockets runs in-process.
   */
  private static void clientAndServer() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("kubectl-blame-train", PosixFilePermissions
          .asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Path socket = dir.resolve("s.sock");
      Optional<Server> server = Server.bind(socket, "train",
          Map.of(), (args, cwd, env, console, command, in, out, err) -> {
            try {
              out.write('\n');
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return 0;
          }, Server.sameUser());
      if (server.isPresent()) {
        Thread serving = new Thread(() -> server.get().serve(Duration.ofMinutes(1), Optional.empty()));
        serving.setDaemon(true);
        serving.start();
        Client.ask(socket, "train", List.of("deploy/web"), Map.of(), false, "kubectl blame",
            InputStream.nullInputStream(), OutputStream.nullOutputStream(),
            OutputStream.nullOutputStream(), dir);
        server.get().close();
      }
    } catch (IOException | RuntimeException e) {
      // Not recorded; a served run loads these few classes from the jar.
    } finally {
      if (dir != null) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.toList()) {
            Files.deleteIfExists(f);
          }
          Files.deleteIfExists(dir);
        } catch (IOException ignored) {
          // A temporary directory.
        }
      }
    }
  }

  private int failed(String why) {
    cli.err.println("error: training run: " + why);
    cli.err.flush();
    return ExitCode.ERROR;
  }

  /** Runs the CLI with its output discarded; its exit code. */
  private int quietly(List<String> args) {
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    Cli quiet = new Cli(none, none, new ByteArrayInputStream(new byte[0]), Map.of(), false, cli.engine, cli.command);
    return BlameCli.run(quiet, args.toArray(String[]::new));
  }

  /** How long the child's demo cluster may take to play its scenario (a training run is niced, behind builds). */
  static final long SERVE_TIMEOUT_SECONDS = 600;

  /**
   * Live runs against {@code kubectl-blame demo talk --serve} in a child JVM (started with plain flags: it is not
   * recorded), checked: empty when they ran and answered, else why not (no java binary or jar, the demo cluster not
   * serving in time, a live blame that did not answer).
   */
  private Optional<String> live() throws IOException {
    Path jar;
    try {
      jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.of("the jar's location is unknown");
    }
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    if (!Files.isRegularFile(jar) || !Files.isExecutable(javaBin)) {
      return Optional.of("not run from a jar with a java binary beside it");
    }
    Path dir = Files.createTempDirectory("kubectl-blame-train");
    Path kubeconfig = dir.resolve("kubeconfig");
    Path served = dir.resolve("serve.err");
    Process child = new ProcessBuilder(javaBin.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Xlog:disable", "-cp", jar.toString(), Main.class.getName(), "demo", "talk", "--serve",
        "--write-kubeconfig", kubeconfig.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(served.toFile())
        .redirectInput(ProcessBuilder.Redirect.PIPE).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SERVE_TIMEOUT_SECONDS);
      // The serve line on stderr comes once the scenario has played.
      while (!Files.readString(served, StandardCharsets.UTF_8).contains("# demo cluster")) {
        if (!child.isAlive()) {
          return Optional.of("the demo cluster exited before serving (exit " + child.exitValue() + ")");
        }
        if (System.nanoTime() > deadline) {
          return Optional.of("the demo cluster did not serve within " + SERVE_TIMEOUT_SECONDS + " s");
        }
        Thread.sleep(200);
      }
      String kc = kubeconfig.toString();
      // These must answer (exit 0): each one-shot blame reads the cluster, so an answer means the live path ran.
      for (List<String> args : List.of(List.of("--kubeconfig", kc, "deploy/my-busybox"),
          List.of("--kubeconfig", kc, "deploy", "my-busybox", "-o", "json"), List.of("status", "--kubeconfig", kc))) {
        int code = quietly(args);
        if (code != ExitCode.OK) {
          return Optional.of("'" + String.join(" ", args).replace(kc, "KUBECONFIG") + "' exited " + code);
        }
      }
      // Not-found and a timed-out wait: their exits are not 0 by design.
      quietly(List.of("--kubeconfig", kc, "deploy/no-such-deployment"));
      quietly(List.of("wait", "--kubeconfig", kc, "deploy/my-busybox", "--timeout", "3s"));
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    } finally {
      child.destroy();
      try {
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
          child.destroyForcibly();
        }
      } catch (InterruptedException e) {
        child.destroyForcibly();
        Thread.currentThread().interrupt();
      }
      Files.deleteIfExists(kubeconfig);
      Files.deleteIfExists(served);
      Files.deleteIfExists(dir);
    }
  }
}
