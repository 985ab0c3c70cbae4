package dev.blame.cli;

import dev.blame.core.HttpLimits;
import dev.blame.core.SecretReader;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a live session's client is made from the kubeconfig and the command line: the kubeconfig read (its exec
 * plugin bounded by the request timeout) and checked, then a fabric8 client with the request timeout, the body cap
 * and the bounded token refresh, and the reader of Secrets beside it (the same cap and timeout). {@link KeptClients}
 * decides whether a kept one does instead.
 */
final class ClusterConnector implements KeptClients.Connector {

  private final String kubeconfig;
  private final String context;
  private final Map<String, String> env;
  private final int timeoutMillis;
  private final long cap;

  /** {@code kubeconfig}: the --kubeconfig path, resolved, or null for $KUBECONFIG or ~/.kube/config. */
  ClusterConnector(String kubeconfig, String context, Map<String, String> env, int timeoutMillis, long cap) {
    this.kubeconfig = kubeconfig;
    this.context = context;
    this.env = env;
    this.timeoutMillis = timeoutMillis;
    this.cap = cap;
  }

  /** The key a client made by this connector is kept under; empty when no kubeconfig file exists. */
  @Override
  public Optional<KeptClients.Key> key() {
    return KeptClients.Key.of(files().stream().map(File::toPath).toList(), context, timeoutMillis, cap);
  }

  private List<File> files() {
    return Kubeconfigs.files(kubeconfig, env);
  }

  @Override
  public Config load() {
    Config config = Kubeconfigs.load(kubeconfig, context, env, Duration.ofMillis(timeoutMillis));
    if (context != null && (config.getCurrentContext() == null
        || !context.equals(config.getCurrentContext().getName()))) {
      throw new CliException("context \"" + context + "\" not found in the kubeconfig");
    }
    if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
      throw new CliException("no cluster configured: give --kubeconfig or set KUBECONFIG, or read manifests with -f");
    }
    config.setRequestTimeout(timeoutMillis);
    config.setConnectionTimeout(Math.min(timeoutMillis, 10_000));
    // Connection refused is an answer: do not retry with backoff for a minute like a controller would.
    config.setRequestRetryBackoffLimit(0);
    if (config.getMasterUrl().regionMatches(true, 0, "http:", 0, 5)) {
      // HTTP/1.1 on plain HTTP, as kubectl: the JDK client would offer each first request an upgrade to HTTP/2
      // over cleartext (h2c), which an API server does not take, and a server that took it (Vert.x) now and then
      // left a LIST without its answer under load (docs/performance.md, "A LIST with no answer").
      config.setHttp2Disable(true);
    }
    return config;
  }

  @Override
  public KubernetesClient build(Config config) {
    return new KubernetesClientBuilder().withConfig(config)
        .withKubernetesSerialization(Session.SERIALIZATION)
        .withHttpClientBuilderConsumer(http -> HttpLimits.apply(http, config, cap, Duration.ofMillis(timeoutMillis),
            null, true))
        .build();
  }

  @Override
  public SecretReader secrets(KubernetesClient client) {
    return SecretReader.of(client, cap, Duration.ofMillis(timeoutMillis));
  }

  @Override
  public boolean fromPlugin(Config config) {
    return Kubeconfigs.plugin(files(), config.getCurrentContext() == null ? context
        : config.getCurrentContext().getName()).isPresent();
  }
}
