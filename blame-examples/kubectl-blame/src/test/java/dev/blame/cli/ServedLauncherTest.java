package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background server end to end, as {@code java -jar kubectl-blame.jar} meets it: the first run answers
 * in-process and starts a server; the next is answered by it, byte for byte the same; deleting the socket stops it.
 * The jar is this module's classes, its dependencies on the manifest's class path (the client must run from a jar to
 * key its server by it). The server started is found by its socket's path (in this test's directory) and stopped.
 */
@Timeout(300)
class ServedLauncherTest {

  @TempDir
  Path dir;

  Path cache;

  @AfterEach
  void noServerLeft() throws InterruptedException {
    for (ProcessHandle p : servers()) {
      p.destroy();
      p.onExit().orTimeout(10, TimeUnit.SECONDS);
    }
  }

  /** Processes serving a socket under this test's directory: only ones this test started. */
  List<ProcessHandle> servers() {
    return ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(args -> Stream.of(args)
        .anyMatch(a -> a.startsWith(dir.toString()) && a.endsWith(".sock"))).orElse(false)).toList();
  }

  @Test
  void theSecondRunIsAnsweredByTheServerTheFirstStarted() throws Exception {
    Path jar = jar();
    cache = dir.resolve("cache");
    Path work = Files.createDirectories(dir.resolve("work"));
    Files.copy(Path.of(Run.resource("dumps/talk.yaml")), work.resolve("talk.yaml"));
    String[] args = {"-f", "talk.yaml", "deploy/my-busybox", "-n", "demo"};

    Result first = launch(jar, work, Map.of(), args);
    assertThat(first.code).as(first.toString()).isZero();
    assertThat(first.out).contains("Deployment my-busybox");
    Path sockets = cache.resolve("server");
    Path socket = awaitSocket(sockets, 240);
    Path log = Path.of(socket.toString().replace(".sock", ".log"));
    // The server writes the line once its socket is bound: under load the test may look in between.
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.readString(log).contains("listening on") && System.nanoTime() < until) {
      Thread.sleep(100);
    }
    assertThat(Files.readString(log)).contains("listening on");
    assertThat(servers()).hasSize(1);

    Result second = launch(jar, work, Map.of(), args);
    assertThat(second).isEqualTo(first);
    Result bad = launch(jar, work, Map.of(), "-f", "nope.yaml", "deploy/web");
    Result badInProcess = launch(jar, work, Map.of("KUBECTL_BLAME_SERVER", "off"), "-f", "nope.yaml", "deploy/web");
    assertThat(bad).isEqualTo(badInProcess);
    assertThat(bad.code).isEqualTo(ExitCode.ERROR);
    assertThat(Files.readString(log)).contains("served 2").doesNotContain("served 3");

    // Deleting the socket stops the server.
    Files.delete(socket);
    ProcessHandle server = servers().get(0);
    assertThat(server.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
  }

  @Test
  void theSwitchTurnsTheServerOff() throws Exception {
    Path jar = jar();
    cache = dir.resolve("cache");
    Result run = launch(jar, dir, Map.of("KUBECTL_BLAME_SERVER", "off"), "-f", Run.resource("dumps/talk.yaml"),
        "deploy/my-busybox", "-n", "demo");
    assertThat(run.code).as(run.toString()).isZero();
    Thread.sleep(2000);
    assertThat(servers()).isEmpty();
    assertThat(cache.resolve("server")).doesNotExist();
  }

  private Path awaitSocket(Path sockets, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(sockets)) {
        try (Stream<Path> files = Files.list(sockets)) {
          Optional<Path> socket = files.filter(f -> f.toString().endsWith(".sock")).findFirst();
          if (socket.isPresent()) {
            return socket.get();
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no server listening in " + sockets + " after " + seconds + " s");
  }

  record Result(int code, String out, String err) { }

  private Result launch(Path jar, Path cwd, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    pb.environment().keySet().removeIf(k -> k.equals("CI") || k.startsWith("KUBECTL_BLAME") || k.startsWith("XDG_"));
    pb.environment().put("HOME", dir.toString());
    pb.environment().put("KUBECTL_BLAME_CACHE", cache.toString());
    pb.environment().putAll(env);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("kubectl-blame " + String.join(" ", args) + " did not finish");
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err));
  }

  /** This module's classes in a jar, its dependencies on the manifest's class path. */
  private Path jar() throws IOException {
    Path classes = Path.of("target/classes").toAbsolutePath();
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.blame.cli.Main");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry -> Path.of(entry).toAbsolutePath())
            .filter(entry -> !entry.equals(classes) && !entry.endsWith("test-classes"))
            .map(entry -> entry.toUri().toString()).collect(Collectors.joining(" ")));
    Path jar = dir.resolve("kubectl-blame.jar");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
