package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a plain-HTTP server (the demo cluster, {@code kubectl proxy}) the CLI speaks HTTP/1.1 as kubectl does: no
 * request offers an upgrade to HTTP/2 over cleartext ({@code Upgrade: h2c}), which the JDK's client sends by default
 * and which left a LIST unanswered under load when the demo cluster took it (docs/performance.md).
 */
class CleartextHttpTest {

  @TempDir
  Path dir;

  HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void noRequestOffersAnUpgradeToCleartextHttp2() throws IOException {
    List<String> paths = new CopyOnWriteArrayList<>();
    List<String> upgrades = new CopyOnWriteArrayList<>();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      paths.add(exchange.getRequestURI().getPath());
      List<String> upgrade = exchange.getRequestHeaders().get("Upgrade");
      if (upgrade != null) {
        upgrades.addAll(upgrade);
      }
      // An empty list of whatever was asked for: the Deployment is not found.
      byte[] body = "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[]}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    Path kubeconfig = LiveClusterTest.kubeconfig(dir,
        "http://127.0.0.1:" + server.getAddress().getPort(), "shop");

    Run run = Run.of("deploy/web", "--kubeconfig", kubeconfig.toString(), "--request-timeout", "10");

    assertThat(paths).as(run.toString()).isNotEmpty();
    assertThat(upgrades).as("Upgrade headers of %s", paths).isEmpty();
  }
}
