package dev.blame.demo;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-process fake Kubernetes API server: the fabric8 mock server's CRUD dispatcher behind a Vert.x HTTP
 * server ({@code ApiServer}: chunked watches, WebSocket upgrades) on a loopback port
 * (127.0.0.1 only, plain HTTP, no authentication), with discovery, set-based label selectors, status
 * subresources, background garbage collection, ResourceQuota pod-count admission and istio sidecar
 * injection added (see docs/demo-cluster.md). It runs no controllers: pair it with a
 * {@link ControllerSimulator}.
 *
 * <p>Thread-safe. {@link #close()} closes every client handed out by {@link #client()} and
 * {@link #newClient()}, then stops the server; close simulators before the cluster.
 */
public final class DemoCluster implements AutoCloseable {

  /** The mock web server logs every request at INFO through java.util.logging; held so the level sticks. */
  private static final java.util.logging.Logger MOCK_LOGGER =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private final ApiServer server;
  private final DemoDispatcher dispatcher;
  private final List<KubernetesClient> clients = new ArrayList<>();
  private KubernetesClient client;
  private volatile boolean closed;

  private DemoCluster(int port) {
    MOCK_LOGGER.setLevel(java.util.logging.Level.WARNING);
    String[] address = new String[1];
    this.dispatcher = new DemoDispatcher(() -> address[0]);
    try {
      this.server = new ApiServer(dispatcher, port);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot start the demo cluster on 127.0.0.1:" + port + ": " + e.getMessage(),
          e);
    }
    address[0] = "127.0.0.1:" + server.port();
    try {
      for (String ns : List.of("default", "kube-system", "kube-public", "kube-node-lease")) {
        client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata()
            .build()).create();
      }
    } catch (RuntimeException e) {
      close();
      throw new IllegalStateException("the demo cluster started but does not answer: " + e.getMessage(), e);
    }
  }

  /** Starts a cluster on a free loopback port. */
  public static DemoCluster start() {
    return new DemoCluster(0);
  }

  /** Starts a cluster on {@code port} of 127.0.0.1 (0 picks a free one). */
  public static DemoCluster start(int port) {
    return new DemoCluster(port);
  }

  /** The port the API server listens on (127.0.0.1 only). */
  public int port() {
    return server.port();
  }

  /** Runs one pass of the API server's store compactor now (it runs every 5 minutes by itself); for tests. */
  void compact() {
    dispatcher.watches().compact();
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** A client configuration for this cluster with {@code default} as namespace. */
  public Config config() {
    return new ConfigBuilder(Config.empty()).withMasterUrl(url()).withNamespace("default").withHttp2Disable(true)
        .withRequestTimeout(10_000).withConnectionTimeout(5_000).withRequestRetryBackoffLimit(0)
        .withOauthToken("demo").build();
  }

  /** The cluster's shared client; closed by {@link #close()}; callers must not close it. */
  public synchronized KubernetesClient client() {
    ensureOpen();
    if (client == null) {
      client = newClient();
    }
    return client;
  }

  /** A new client for this cluster; closed by {@link #close()} if the caller has not done so. */
  public synchronized KubernetesClient newClient() {
    ensureOpen();
    KubernetesClient c = new KubernetesClientBuilder().withConfig(config()).build();
    clients.add(c);
    return c;
  }

  /**
   * Writes a kubeconfig whose current context points at this cluster (namespace {@code default}) and returns
   * its path. The file is the caller's to delete.
   *
   * @param file where to write; parent directories are created
   */
  public Path writeKubeconfig(Path file) {
    return writeKubeconfig(file, "default");
  }

  /** Like {@link #writeKubeconfig(Path)} with {@code namespace} as the context's namespace. */
  public Path writeKubeconfig(Path file, String namespace) {
    String yaml = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: blame-demo
          cluster:
            server: %s
        contexts:
        - name: blame-demo
          context:
            cluster: blame-demo
            namespace: %s
            user: blame-demo
        current-context: blame-demo
        preferences: {}
        users:
        - name: blame-demo
          user:
            token: demo
        """.formatted(url(), namespace);
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
      return file.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo kubeconfig to " + file, e);
    }
  }

  /** Writes a kubeconfig to a new temporary file (deleted when the JVM exits) and returns its path. */
  public Path writeKubeconfig() {
    return writeKubeconfig("default");
  }

  /** Like {@link #writeKubeconfig()} with {@code namespace} as the context's namespace. */
  public Path writeKubeconfig(String namespace) {
    try {
      Path file = Files.createTempFile("blame-demo-kubeconfig-", ".yaml");
      file.toFile().deleteOnExit();
      return writeKubeconfig(file, namespace);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary kubeconfig file", e);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the demo cluster is closed");
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    clients.forEach(KubernetesClient::close);
    clients.clear();
    server.close();
  }
}
