package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.blame.api.Escape;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An API server on loopback that refuses every request with 401 (an expired token) or 403 (no RBAC at all), as
 * a real one does (a {@code Status} body). The CLI says which, in one line, exit 3; never "not found", and a 401
 * is not called forbidden.
 */
@Timeout(60)
class AccessDeniedTest {

  @TempDir
  Path dir;

  HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  void refuse(int code, String reason) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"" + reason
          + "\",\"reason\":\"" + (code == 401 ? "Unauthorized" : "Forbidden") + "\",\"code\":" + code + "}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(code, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @ParameterizedTest(name = "HTTP {0}")
  @CsvSource({"401, Unauthorized, unauthorized (HTTP 401)", "403, forbidden by RBAC, forbidden"})
  void refusedAccessIsSaidAsSuchNotNotFound(int code, String reason, String expected) throws IOException {
    refuse(code, reason);
    Path kubeconfig = LiveClusterTest.kubeconfig(dir, "http://127.0.0.1:" + server.getAddress().getPort(), "shop");
    for (String[] args : new String[][] {{"deploy/web"}, {"wait", "deploy/web", "--timeout", "10s"},
        {"status", "deploy/web"}, {"status", "deployments"}, {"status"}}) {
      String[] all = Stream.concat(Arrays.stream(args),
          Stream.of("--kubeconfig", kubeconfig.toString(), "--request-timeout", "5"))
          .toArray(String[]::new);
      Run run = Run.of(all);
      assertThat(run.code()).as(run.toString()).isEqualTo(3);
      assertThat(run.err()).as(run.toString()).hasLineCount(1).contains(expected).doesNotContain("not found");
      if (code == 401) {
        assertThat(run.err()).doesNotContain("forbidden");
      }
    }
  }

  /**
   * A server's Status message is its text wherever the CLI shows it, the stack trace of {@code --verbose} too:
   * {@code printStackTrace} printed each message of the chain as it is (the library's and fabric8's exceptions
   * quote the server), so an OSC 52 clipboard write, a bidi override and a line the GitHub runner reads as
   * {@code ::error::} reached the terminal and the CI log.
   */
  @ParameterizedTest(name = "HTTP {0}")
  @CsvSource({"400", "403"})
  void aServersMessageIsShownEncodedInTheErrorLineAndTheStackTrace(int code) throws IOException {
    refuse(code, "no\\u001b]52;c;SGk=\\u0007\\n::error::forged ##[add-mask]x \\u202eexe.gnp\\u009b2J");
    Path kubeconfig = LiveClusterTest.kubeconfig(dir, "http://127.0.0.1:" + server.getAddress().getPort(), "shop");
    for (boolean verbose : new boolean[] {false, true}) {
      List<String> args = new ArrayList<>(List.of("deploy/web", "--kubeconfig", kubeconfig.toString(),
          "--request-timeout", "5"));
      if (verbose) {
        args.add("--verbose");
      }
      Run run = Run.of(args.toArray(String[]::new));
      assertThat(run.code()).as(run.toString()).isEqualTo(3);
      if (verbose) {
        assertThat(run.err()).as(run.toString()).contains("\tat ");
      }
      for (String line : run.err().split("\n")) {
        assertThat(line.codePoints().filter(c -> c != '\t').noneMatch(Escape::isUnsafe))
            .as("%s", line).isTrue();
        assertThat(line.strip()).as(run.toString()).doesNotStartWith("::");
        assertThat(line).as(run.toString()).doesNotContain("##[");
      }
    }
  }

  @Test
  void aResponseLargerThanTheCapIsCutOffAtTheCap() throws IOException {
    // A server that ignores the page size: every LIST answers with a body far larger than the cap.
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write("{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":{\"padding\":\"".getBytes(StandardCharsets.UTF_8));
        byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 64; i++) {
          out.write(chunk);
        }
        out.write("\"},\"items\":[]}".getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // The client hung up at the cap: what this test wants.
      }
    });
    server.start();
    Path kubeconfig = LiveClusterTest.kubeconfig(dir, "http://127.0.0.1:" + server.getAddress().getPort(), "shop");
    Run run = Run.of("deploy/web", "--kubeconfig", kubeconfig.toString(), "--request-timeout", "10",
        "--max-input-bytes", "1Mi");
    assertThat(run.code()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).as(run.toString()).hasLineCount(1).contains("larger than 1Mi", "--max-input-bytes");
  }

  /**
   * The reason a response was cut off is the failed call's own: a run that fails for another reason while another
   * run (a served request before it, or beside it) had its response cut off does not say "larger than". The old
   * process-wide reason, set by the other run's cut after this run had reset it, named the other run's request.
   */
  @Test
  @Timeout(300)
  void aResponseCutOffInAnotherRunIsNotThisRunsReason() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
        out.write("{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":{\"padding\":\"".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 64; i++) {
          out.write(chunk);
        }
        out.write("\"},\"items\":[]}".getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // Cut off by the client: what the other run wants.
      }
    });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    CountDownLatch asked = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    HttpServer failing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    failing.createContext("/", exchange -> {
      asked.countDown();
      try {
        answer.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"etcd down\",\"code\":500}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(500, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    failing.setExecutor(Executors.newCachedThreadPool());
    failing.start();
    ExecutorService runs = Executors.newSingleThreadExecutor();
    try {
      Path large = LiveClusterTest.kubeconfig(dir.resolve("large"), "http://127.0.0.1:" + server.getAddress().getPort(),
          "shop");
      Path broken = LiveClusterTest.kubeconfig(dir.resolve("broken"),
          "http://127.0.0.1:" + failing.getAddress().getPort(), "shop");
      Future<Run> first = runs.submit(() -> Run.of("deploy/web", "--kubeconfig", broken.toString(),
          "--request-timeout", "20", "--max-input-bytes", "1Mi"));
      // A first run in a cold JVM on a loaded machine may take a while to ask.
      assertThat(asked.await(240, TimeUnit.SECONDS)).isTrue();
      // While the first run waits for its answer, another has its response cut off at the cap.
      Run cut = Run.of("deploy/web", "--kubeconfig", large.toString(), "--request-timeout", "10",
          "--max-input-bytes", "1Mi");
      assertThat(cut.err()).as(cut.toString()).hasLineCount(1).contains("larger than 1Mi");
      answer.countDown();
      Run run = first.get(60, TimeUnit.SECONDS);
      assertThat(run.code()).as(run.toString()).isEqualTo(3);
      assertThat(run.err()).as(run.toString()).hasLineCount(1).contains("HTTP 500", "etcd down")
          .doesNotContain("larger than");
    } finally {
      answer.countDown();
      runs.shutdownNow();
      failing.stop(0);
    }
  }

  /**
   * An exec credential plugin whose token the server refuses (401 on everything): fabric8 runs the plugin again
   * to refresh the token after a 401. The plugin counts its runs; they stay bounded (no plugin run per request,
   * no loop of refresh and retry), and the CLI says unauthorized in one line.
   */
  @Test
  void aRefusedExecPluginTokenIsRefreshedABoundedNumberOfTimes() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
    refuse(401, "Unauthorized");
    Path runs = dir.resolve("runs");
    Path script = LiveClusterTest.script(dir.resolve("token.sh"), "echo run >> '" + runs + "'\n"
        + LiveClusterTest.printCredential("expired-token"));
    Path kubeconfig = LiveClusterTest.execKubeconfig(dir.resolve("exec.kubeconfig"),
        "http://127.0.0.1:" + server.getAddress().getPort(), "shop", script);
    for (String[] args : new String[][] {{"deploy/web"}, {"wait", "deploy/web", "--timeout", "10s"},
        {"status"}}) {
      Files.deleteIfExists(runs);
      String[] all = Stream.concat(Arrays.stream(args),
          Stream.of("--kubeconfig", kubeconfig.toString(), "--request-timeout", "5"))
          .toArray(String[]::new);
      Run run = Run.of(all);
      assertThat(run.code()).as(run.toString()).isEqualTo(3);
      assertThat(run.err()).as(run.toString()).hasLineCount(1).contains("unauthorized (HTTP 401)");
      long count = Files.readAllLines(runs).size();
      System.out.println(String.join(" ", args) + ": the plugin ran " + count + " times");
      // Once to load the kubeconfig, at most once more to refresh after the first 401.
      assertThat(count).as(String.join(" ", args) + ": plugin runs").isBetween(1L, 2L);
    }
  }

  /**
   * The other side of the bound: a token that has expired is refreshed once and the requests go on with the new
   * one. The plugin prints "stale" on its first run and "fresh" after; the server refuses all but "fresh" (and
   * knows no objects: 404).
   */
  @Test
  void anExpiredExecPluginTokenIsRefreshedOnceAndUsed() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
    AtomicInteger fresh = new AtomicInteger();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      boolean ok = "Bearer fresh".equals(exchange.getRequestHeaders().getFirst("Authorization"));
      if (ok) {
        fresh.incrementAndGet();
      }
      int code = ok ? 404 : 401;
      byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\""
          + (ok ? "NotFound" : "Unauthorized") + "\",\"code\":" + code + "}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(code, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    Path runs = dir.resolve("runs");
    Path script = LiveClusterTest.script(dir.resolve("token.sh"),
        "if [ -f '" + runs + "' ]; then t=fresh; else t=stale; fi\necho run >> '" + runs + "'\n"
        + LiveClusterTest.printCredential("'$t'"));
    Path kubeconfig = LiveClusterTest.execKubeconfig(dir.resolve("exec.kubeconfig"),
        "http://127.0.0.1:" + server.getAddress().getPort(), "shop", script);
    Run run = Run.of("status", "--kubeconfig", kubeconfig.toString(), "--request-timeout", "5");
    assertThat(run.err()).as(run.toString()).doesNotContain("unauthorized", "gave no credentials");
    assertThat(fresh.get()).as("requests with the refreshed token").isPositive();
    assertThat(Files.readAllLines(runs)).as("plugin runs").hasSize(2);
  }
}
