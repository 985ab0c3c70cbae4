package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.core.SecretReader;
import dev.blame.core.testing.WebRollout;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background server's requests on kept clients ({@link KeptClients}), on fabric8's mock server in CRUD mode
 * behind a proxy that counts the TCP connections opened to it: a second request opens none, and a kubeconfig that
 * changed (a new token, another context, a plugin's new token) is honoured by the next request.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(120)
class KeptClientsTest {

  static final String NS = "shop";

  KubernetesMockServer server;
  KubernetesClient client;

  @TempDir
  Path dir;

  Proxy proxy;
  KeptClients clients;

  @BeforeEach
  void start() throws IOException, InterruptedException {
    WebRollout.create(client, NS, true);
    // The test's own requests (with the mock client's token) are not the CLI's.
    tokens();
    URI master = URI.create(client.getMasterUrl().toString());
    proxy = new Proxy(master.getHost(), master.getPort());
    clients = new KeptClients(KeptClients.MAX, KeptClients.IDLE, System::nanoTime);
  }

  @AfterEach
  void stop() throws IOException {
    clients.close();
    proxy.close();
  }

  private String url() {
    return URI.create(client.getMasterUrl().toString()).getScheme() + "://127.0.0.1:" + proxy.port() + "/";
  }

  /** One served request with the test analyzers (they read no Secrets: one client's connections are counted). */
  private String served(KeptClients on, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Cli cli = new Cli(new java.io.PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true),
        new java.io.PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true),
        InputStream.nullInputStream(), Map.of(), false, Run.TEST_ANALYZERS, "kubectl blame", dir, on);
    int code = BlameCli.run(cli, args);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text + err.toString(StandardCharsets.UTF_8)).isZero();
    return text;
  }

  @Test
  void aSecondServedRequestOpensNoConnectionAndAnswersTheSame() throws Exception {
    Path kubeconfig = LiveClusterTest.kubeconfig(dir, url(), NS);
    String first = served(clients, "deploy/web", "--kubeconfig", kubeconfig.toString(), "-o", "json");
    int opened = proxy.accepted();
    assertThat(opened).isPositive();
    String second = served(clients, "deploy/web", "--kubeconfig", kubeconfig.toString(), "-o", "json");
    assertThat(proxy.accepted()).isEqualTo(opened);
    assertThat(clients.made()).isEqualTo(1);
    assertThat(clients.size()).isEqualTo(1);
    assertThat(verdictLine(second)).isEqualTo(verdictLine(first)).contains("Degraded");

    // Without kept clients (a run in its own process), each request connects anew.
    served(KeptClients.NONE, "deploy/web", "--kubeconfig", kubeconfig.toString(), "-o", "json");
    assertThat(proxy.accepted()).isGreaterThan(opened);
  }

  /**
   * The Secret reader (blame-core's own client, which reads Secrets as metadata) is kept with the client: a second
   * served request that lists Secrets opens no connection either (pf2 made and closed it per request), and a new
   * token in the kubeconfig is used for the Secrets too.
   */
  @Test
  void theSecretReaderIsKeptWithTheClientAndFollowsItsIdentity() throws Exception {
    client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("db").endMetadata()
        .addToData("password", "c2VjcmV0").build()).create();
    tokens();
    Path kubeconfig = dir.resolve("secrets");
    Files.writeString(kubeconfig, twoUsers("token-one", "first"));
    String first = served(clients, "secret/db", "--kubeconfig", kubeconfig.toString());
    assertThat(first).contains("Secret db");
    List<String> paths = paths();
    assertThat(paths).contains("/api/v1/namespaces/shop/secrets");
    int opened = proxy.accepted();
    String second = served(clients, "secret/db", "--kubeconfig", kubeconfig.toString());
    assertThat(second).contains("Secret db");
    assertThat(paths()).contains("/api/v1/namespaces/shop/secrets");
    assertThat(proxy.accepted()).as("connections opened by the second request").isEqualTo(opened);

    // Another token: the Secrets are listed with it, by a new reader (the old one is closed with its client).
    Files.writeString(kubeconfig, twoUsers("token-two", "first"));
    served(clients, "secret/db", "--kubeconfig", kubeconfig.toString());
    assertThat(tokens()).containsExactly("Bearer token-two");
    assertThat(clients.made()).isEqualTo(2);
  }

  /**
   * A client being made for one key (its exec plugin slow) holds up no lease of another key, and a second lease of
   * the same key waits for that client instead of making another.
   */
  @Test
  void aSlowConnectorHoldsUpOnlyItsOwnKeyAndMakesOneClientForIt() throws Exception {
    Path slowFile = LiveClusterTest.kubeconfig(dir.resolve("slow"), url(), NS);
    Path fastFile = LiveClusterTest.kubeconfig(dir.resolve("fast"), url(), NS);
    ClusterConnector fast = new ClusterConnector(fastFile.toString(), null, Map.of(), 10_000, 1 << 20);
    ClusterConnector plain = new ClusterConnector(slowFile.toString(), null, Map.of(), 10_000, 1 << 20);
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger built = new AtomicInteger();
    KeptClients.Connector slow = new KeptClients.Connector() {
      @Override
      public Config load() {
        loading.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return plain.load();
      }

      @Override
      public KubernetesClient build(Config config) {
        built.incrementAndGet();
        return plain.build(config);
      }

      @Override
      public SecretReader secrets(KubernetesClient client) {
        return plain.secrets(client);
      }

      @Override
      public boolean fromPlugin(Config config) {
        return plain.fromPlugin(config);
      }

      @Override
      public Optional<KeptClients.Key> key() {
        return plain.key();
      }
    };
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      Future<KeptClients.Lease> one = threads.submit(() -> clients.lease(slow.key(), slow));
      assertThat(loading.await(30, TimeUnit.SECONDS)).isTrue();
      Future<KeptClients.Lease> two = threads.submit(() -> clients.lease(slow.key(), slow));
      // Another key's lease is answered while the slow one loads.
      Future<KeptClients.Lease> other = threads.submit(() -> clients.lease(fast.key(), fast));
      KeptClients.Lease otherLease = other.get(20, TimeUnit.SECONDS);
      otherLease.close();
      assertThat(one.isDone()).isFalse();
      release.countDown();
      try (KeptClients.Lease first = one.get(30, TimeUnit.SECONDS);
          KeptClients.Lease second = two.get(30, TimeUnit.SECONDS)) {
        assertThat(second.client()).isSameAs(first.client());
        assertThat(second.secrets()).isEqualTo(first.secrets()).isPresent();
      }
      assertThat(built.get()).isEqualTo(1);
      assertThat(clients.made()).isEqualTo(2);
      assertThat(clients.size()).isEqualTo(2);
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  private static String verdictLine(String json) {
    int at = json.indexOf("\"health\"");
    return json.substring(at, json.indexOf('\n', at));
  }

  @Test
  void aChangedTokenOrContextIsHonouredByTheNextRequest() throws Exception {
    Path kubeconfig = dir.resolve("two-users");
    Files.writeString(kubeconfig, twoUsers("token-one", "first"));
    served(clients, "deploy/web", "--kubeconfig", kubeconfig.toString());
    assertThat(tokens()).containsExactly("Bearer token-one");

    // Same file, same command: the same client.
    served(clients, "deploy/web", "--kubeconfig", kubeconfig.toString());
    assertThat(tokens()).containsExactly("Bearer token-one");
    assertThat(clients.made()).isEqualTo(1);

    // A new token in the file: a new client, and the old one is closed (not kept beside it).
    Files.writeString(kubeconfig, twoUsers("token-two", "first"));
    served(clients, "deploy/web", "--kubeconfig", kubeconfig.toString());
    assertThat(tokens()).containsExactly("Bearer token-two");
    assertThat(clients.made()).isEqualTo(2);
    assertThat(clients.size()).isEqualTo(1);

    // Another current context (another user): its token.
    Files.writeString(kubeconfig, twoUsers("token-two", "second"));
    served(clients, "deploy/web", "--kubeconfig", kubeconfig.toString());
    assertThat(tokens()).containsExactly("Bearer other-user");

    // --context names the other one: its own client, kept beside.
    served(clients, "deploy/web", "--kubeconfig", kubeconfig.toString(), "--context", "first");
    assertThat(tokens()).containsExactly("Bearer token-two");
    assertThat(clients.size()).isEqualTo(2);
  }

  /**
   * The kubeconfig switched to another user while a request read it (a plugin runs for seconds; {@code kubectl
   * config use-context} in another terminal), then back: the client made of the other user's file is not kept under
   * the key of the first user's file, so the next request as the first user does not go out as the other one.
   */
  @Test
  void aKubeconfigChangedWhileItIsReadIsNotKeptUnderItsOldContent() throws Exception {
    Path kubeconfig = dir.resolve("switched");
    Files.writeString(kubeconfig, twoUsers("token-one", "first"));
    ClusterConnector connector = new ClusterConnector(kubeconfig.toString(), null, Map.of(), 10_000, 1 << 20);
    KeptClients.Connector switching = new KeptClients.Connector() {
      @Override
      public Config load() {
        try {
          Files.writeString(kubeconfig, twoUsers("token-one", "second"));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
        return connector.load();
      }

      @Override
      public KubernetesClient build(Config config) {
        return connector.build(config);
      }

      @Override
      public SecretReader secrets(KubernetesClient client) {
        return connector.secrets(client);
      }

      @Override
      public boolean fromPlugin(Config config) {
        return connector.fromPlugin(config);
      }

      @Override
      public Optional<KeptClients.Key> key() {
        return connector.key();
      }
    };
    try (KeptClients.Lease lease = clients.lease(connector.key(), switching)) {
      lease.client().apps().deployments().inNamespace(NS).withName("web").get();
    }
    assertThat(tokens()).containsExactly("Bearer other-user");

    Files.writeString(kubeconfig, twoUsers("token-one", "first"));
    try (KeptClients.Lease lease = clients.lease(connector.key(), connector)) {
      lease.client().apps().deployments().inNamespace(NS).withName("web").get();
    }
    assertThat(tokens()).containsExactly("Bearer token-one");
    assertThat(clients.made()).isEqualTo(2);
  }

  @Test
  void aPluginRunsForEachRequestAndItsNewTokenGetsANewClient() throws Exception {
    Path token = dir.resolve("token");
    Files.writeString(token, "plugin-one");
    Path plugin = LiveClusterTest.script(dir.resolve("plugin.sh"),
        "echo \"{\\\"apiVersion\\\":\\\"client.authentication.k8s.io/v1beta1\\\",\\\"kind\\\":\\\"ExecCredential\\\","
            + "\\\"status\\\":{\\\"token\\\":\\\"$(cat " + token + ")\\\"}}\"\n");
    Path kubeconfig = dir.resolve("exec");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster: {server: "%s", insecure-skip-tls-verify: true}
        users:
        - name: u
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1beta1
              command: %s
              interactiveMode: Never
        contexts:
        - name: x
          context: {cluster: c, user: u, namespace: %s}
        current-context: x
        """.formatted(url(), plugin, NS));
    served(clients, "deploy/web", "--kubeconfig", kubeconfig.toString());
    assertThat(tokens()).containsExactly("Bearer plugin-one");
    served(clients, "deploy/web", "--kubeconfig", kubeconfig.toString());
    assertThat(tokens()).containsExactly("Bearer plugin-one");
    assertThat(clients.made()).isEqualTo(1);

    // The plugin now answers with another token (renewed, or another identity): the next request uses it.
    Files.writeString(token, "plugin-two");
    served(clients, "deploy/web", "--kubeconfig", kubeconfig.toString());
    assertThat(tokens()).containsExactly("Bearer plugin-two");
    assertThat(clients.made()).isEqualTo(2);
    assertThat(clients.size()).isEqualTo(1);

    // The same token, but a client older than fabric8's own refresh (a plugin run, unbounded, before a request):
    // a new one.
    AtomicLong now = new AtomicLong();
    KeptClients aging = new KeptClients(KeptClients.MAX, KeptClients.IDLE, now::get);
    try {
      served(aging, "deploy/web", "--kubeconfig", kubeconfig.toString());
      now.addAndGet(Duration.ofSeconds(30).toNanos());
      served(aging, "deploy/web", "--kubeconfig", kubeconfig.toString());
      assertThat(aging.made()).isEqualTo(1);
      now.addAndGet(KeptClients.PLUGIN_AGE.toNanos());
      served(aging, "deploy/web", "--kubeconfig", kubeconfig.toString());
      assertThat(aging.made()).isEqualTo(2);
    } finally {
      aging.close();
    }
  }

  @Test
  void clientsUnusedForTheIdleTimeAreClosedAndAtMostMaxAreKept() throws Exception {
    AtomicLong now = new AtomicLong();
    KeptClients kept = new KeptClients(2, Duration.ofMinutes(5), now::get);
    try {
      for (int i = 0; i < 3; i++) {
        Path kubeconfig = LiveClusterTest.kubeconfig(dir.resolve("k" + i), url(), NS);
        served(kept, "deploy/web", "--kubeconfig", kubeconfig.toString());
        now.addAndGet(Duration.ofMinutes(1).toNanos());
      }
      assertThat(kept.made()).isEqualTo(3);
      assertThat(kept.size()).isEqualTo(2);
      now.addAndGet(Duration.ofMinutes(3).toNanos());
      kept.evictIdle();
      assertThat(kept.size()).isEqualTo(1);
      now.addAndGet(Duration.ofMinutes(2).toNanos());
      kept.evictIdle();
      assertThat(kept.size()).isZero();
    } finally {
      kept.close();
    }
  }

  /** The paths of the requests since the last call. */
  private List<String> paths() throws InterruptedException {
    List<String> paths = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
      paths.add(request.getPath().split("\\?", 2)[0]);
    }
    return paths;
  }

  /** The distinct Authorization headers of the requests since the last call. */
  private Set<String> tokens() throws InterruptedException {
    Set<String> tokens = new TreeSet<>();
    RecordedRequest request;
    while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
      tokens.add(String.valueOf(request.getHeader("Authorization")));
    }
    return tokens;
  }

  private String twoUsers(String token, String current) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster: {server: "%s", insecure-skip-tls-verify: true}
        contexts:
        - name: first
          context: {cluster: mock, user: one, namespace: %s}
        - name: second
          context: {cluster: mock, user: two, namespace: %s}
        current-context: %s
        users:
        - name: one
          user: {token: %s}
        - name: two
          user: {token: other-user}
        """.formatted(url(), NS, NS, current, token);
  }

  /** Forwards TCP connections to the mock server, counting them. */
  static final class Proxy implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> open = new ArrayList<>();

    Proxy(String host, int port) throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor = new Thread(() -> {
        while (!socket.isClosed()) {
          try {
            Socket in = socket.accept();
            accepted.incrementAndGet();
            Socket out = new Socket();
            out.connect(new InetSocketAddress(host, port));
            synchronized (open) {
              open.add(in);
              open.add(out);
            }
            pump(in, out);
            pump(out, in);
          } catch (IOException e) {
            return;
          }
        }
      }, "test-proxy");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    private static void pump(Socket from, Socket to) {
      Thread thread = new Thread(() -> {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
          in.transferTo(out);
        } catch (IOException e) {
          // Closed.
        } finally {
          try {
            to.shutdownOutput();
          } catch (IOException e) {
            // Closed.
          }
        }
      }, "test-proxy-pump");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    int accepted() {
      return accepted.get();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      synchronized (open) {
        for (Socket s : open) {
          s.close();
        }
      }
    }
  }
}
