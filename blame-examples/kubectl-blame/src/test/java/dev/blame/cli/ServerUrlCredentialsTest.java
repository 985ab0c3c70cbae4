package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kubeconfig's server URL may carry credentials: user info ({@code https://admin:PASSWORD@host}) and a query
 * ({@code ?token=...}). Messages name the server without them, whether it refuses the connection or refuses
 * access, in {@code blame}, {@code status} and {@code wait}.
 */
class ServerUrlCredentialsTest {

  static final String PASSWORD = "s3cr3t-pw-77";
  static final String TOKEN = "t0ken-in-query-88";

  @TempDir
  Path dir;

  HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** Each command fails in one line without the credentials, naming {@code hostPort} when not null. */
  static void assertNamedWithoutCredentials(Path kubeconfig, String hostPort) {
    for (String[] args : new String[][] {{"deploy/web"}, {"status", "deploy/web"},
        {"wait", "deploy/web", "--timeout", "10s"}}) {
      String[] all = Stream.concat(Arrays.stream(args),
          Stream.of("--kubeconfig", kubeconfig.toString(), "--request-timeout", "5")).toArray(String[]::new);
      Run run = Run.of(all);
      assertThat(run.code()).as(run.toString()).isEqualTo(3);
      assertThat(run.out() + run.err()).as(run.toString()).doesNotContain(PASSWORD, TOKEN, "admin:", "admin@");
      assertThat(run.err()).as(run.toString()).hasLineCount(1);
      if (hostPort != null) {
        assertThat(run.err()).as(run.toString()).contains(hostPort);
      }
    }
  }

  @Test
  void aRefusedConnectionNamesTheServerWithoutItsCredentials() throws IOException {
    Path kubeconfig = LiveClusterTest.kubeconfig(dir,
        "https://admin:" + PASSWORD + "@127.0.0.1:1/?token=" + TOKEN, "shop");
    assertNamedWithoutCredentials(kubeconfig, "127.0.0.1:1");
  }

  @Test
  void aRefusedRequestNamesTheServerWithoutItsCredentials() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"no\","
          + "\"reason\":\"Forbidden\",\"code\":403}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(403, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    String hostPort = "127.0.0.1:" + server.getAddress().getPort();
    Path kubeconfig = LiveClusterTest.kubeconfig(dir, "http://admin:" + PASSWORD + "@" + hostPort, "shop");
    // (a 403 names the kind and the namespace, not the server)
    assertNamedWithoutCredentials(kubeconfig, null);
  }
}
