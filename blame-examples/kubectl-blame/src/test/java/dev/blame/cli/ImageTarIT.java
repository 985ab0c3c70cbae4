package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blame.demo.ControllerSimulator;
import dev.blame.demo.DemoCluster;
import dev.blame.demo.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image {@code mvn -Pimage verify} builds with Jib ({@code target/kubectl-blame-image.tar}, docker
 * format): its config (entrypoint, non-root user, labels), its layers (no shell), and, where the test runs as
 * root with {@code chroot}, the image's root file system running {@code wait} against the demo cluster as the
 * image's user: no Docker daemon needed.
 */
@Timeout(300)
class ImageTarIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;

  static JsonNode config;
  static List<String> layers = new ArrayList<>();

  @BeforeAll
  static void unpack() throws Exception {
    Path tar = Path.of(System.getProperty("image.tar", "target/kubectl-blame-image.tar"));
    assertThat(tar).as("built by mvn -Pimage package").exists();
    run(dir, "tar", "xf", tar.toString());
    JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile()).get(0);
    config = JSON.readTree(dir.resolve(manifest.path("Config").asText()).toFile());
    manifest.path("Layers").forEach(l -> layers.add(l.asText()));
  }

  @Test
  void theConfigRunsTheCliAsANonRootUserWithVersionAndSourceLabels() {
    JsonNode c = config.path("config");
    assertThat(c.path("Entrypoint").get(0).asText()).isEqualTo("/opt/java/bin/java");
    assertThat(c.path("Entrypoint").toString()).contains("dev.blame.cli.Main");
    assertThat(c.path("User").asText()).matches("[1-9]\\d*:[1-9]\\d*");
    assertThat(c.path("Labels").path("org.opencontainers.image.version").asText())
        .isEqualTo(System.getProperty("image.version"));
    assertThat(c.path("Labels").path("org.opencontainers.image.source").asText()).startsWith("https://");
    assertThat(config.path("os").asText()).isEqualTo("linux");
  }

  @Test
  void theLayersHoldAJreAndTheCliButNoShell() throws Exception {
    List<String> entries = new ArrayList<>();
    for (String layer : layers) {
      entries.addAll(run(dir, "tar", "tzf", layer).lines().map(e -> e.replaceFirst("^\\./", "")).toList());
    }
    assertThat(entries).contains("opt/java/bin/java", "opt/java/lib/server/libjvm.so", "opt/java/lib/server/classes.jsa",
        "app/jib-classpath-file",
        "lib64/ld-linux-x86-64.so.2", "lib/x86_64-linux-gnu/libc.so.6");
    assertThat(entries).anyMatch(e -> e.matches("app/libs/picocli-.*\\.jar"));
    assertThat(entries).noneMatch(e -> e.matches("(usr/)?s?bin/(sh|bash|dash|busybox)"));
  }

  @Test
  void theRootFileSystemRunsWaitAgainstTheDemoClusterAsTheImageUser() throws Exception {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/chroot")),
        "skipped: running the image's root file system needs root and chroot");
    Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
    for (String layer : layers) {
      run(rootfs, "tar", "xzf", dir.resolve(layer).toString());
    }
    // A container runtime mounts /proc (the JVM and the CLI read it); chroot does not, so the test does.
    Path proc = Files.createDirectories(rootfs.resolve("proc"));
    Process mount = new ProcessBuilder("mount", "-t", "proc", "proc", proc.toString()).redirectErrorStream(true).start();
    Assumptions.assumeTrue(mount.waitFor() == 0, "skipped: cannot mount /proc in the image's root file system");
    try (DemoCluster cluster = DemoCluster.start(); ControllerSimulator simulator = ControllerSimulator.start(cluster)) {
      Scenario.TALK.play(cluster.client(), Duration.ofSeconds(30));
      cluster.writeKubeconfig(rootfs.resolve("tmp/kubeconfig"), "default");
      List<String> command = new ArrayList<>(List.of("/usr/sbin/chroot", "--userspec=" + config.path("config")
          .path("User").asText(), rootfs.toString()));
      config.path("config").path("Entrypoint").forEach(a -> command.add(a.asText()));
      command.addAll(List.of("wait", "deploy/my-busybox", "-n", "talk", "--timeout", "60s",
          "--kubeconfig", "/tmp/kubeconfig"));
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.environment().clear();
      config.path("config").path("Env").forEach(e -> {
        String[] kv = e.asText().split("=", 2);
        pb.environment().put(kv[0], kv[1]);
      });
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isEqualTo(1);
      assertThat(out).contains("FAILED after", "deployment.apps/my-busybox", "Culprits:");
    } finally {
      run(rootfs, "umount", proc.toString());
    }
  }

  private static String run(Path cwd, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    return out.lines().filter(l -> !l.contains("Ignoring unknown extended header")).reduce("", (a, b) -> a + b + "\n");
  }
}
