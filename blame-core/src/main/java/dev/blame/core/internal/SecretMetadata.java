package dev.blame.core.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blame.api.GroupKind;
import dev.blame.core.HttpLimits;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;

/**
 * Secrets read as metadata only. Their LIST and WATCH ask the API server for {@code PartialObjectMetadata}
 * (the {@code Accept} header client-go's metadata informer sends), so a server since Kubernetes 1.15 sends no
 * {@code data} at all. A server that ignores the header (an old one, a proxy, fabric8's mock) sends whole
 * Secrets: a client of its own, with a JSON mapper that skips {@code data} and {@code stringData} while it
 * parses, reads them, so their values never become Java objects, are never kept and never logged. Either way
 * the graph receives a {@code v1 Secret} that has only {@code metadata} and {@code type}.
 *
 * <p>The client is made from the caller's client's configuration (server, credentials, proxy, timeouts) with the
 * default HTTP client of the class path, adds the header, and the {@link HttpLimits} the CLI puts on its own
 * client: a response larger than the cap is cut off, a token refresh after a 401 is bounded (fabric8's default
 * refresh, which this client had until the eighth red team, re-ran an exec plugin for every request answered 401,
 * without a bound). It is created when Secrets are first listed, and closed with the port that made it, or by the
 * caller that kept it across ports ({@link dev.blame.core.SecretReader}): a caller that answers many queries on one
 * client (the CLI's background server) keeps its connection too. (A client derived from the caller's HTTP client
 * would share its connections, but fabric8 offers no way to build a Kubernetes client on one, nor to close one
 * without the other.) Thread-safe.
 */
public final class SecretMetadata implements AutoCloseable {

  /** For a LIST; the plain type after the comma lets a server without the metadata API answer as it can. */
  static final String ACCEPT_LIST = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";
  /** For a WATCH and a GET: the server sends each object as PartialObjectMetadata. */
  static final String ACCEPT_ONE = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json";

  /**
   * Shared by every Secret client: one per client would build its deserializers again for each query (a process
   * that runs many, the CLI's background server, paid for it each time). Thread-safe.
   */
  private static final KubernetesSerialization DATA_BLIND = new KubernetesSerialization(dataBlind(), true);

  private final KubernetesClient caller;
  private final long maxResponseBytes;
  private final Duration timeout;
  private KubernetesClient client;

  /** For the caller's client; its own client is made from that one's configuration on first use. */
  public SecretMetadata(KubernetesClient caller, long maxResponseBytes, Duration timeout) {
    this.caller = caller;
    this.maxResponseBytes = maxResponseBytes;
    this.timeout = timeout;
  }

  /** The client that reads Secrets; created on first use. */
  synchronized KubernetesClient client() {
    if (client == null) {
      Config config = caller.getConfiguration();
      client = new KubernetesClientBuilder()
          .withConfig(config)
          .withKubernetesSerialization(DATA_BLIND)
          .withHttpClientBuilderConsumer(b -> {
            HttpLimits.apply(b, config, maxResponseBytes, timeout, null);
            b.addOrReplaceInterceptor("blame-secret-metadata", new Accept());
          })
          .build();
    }
    return client;
  }

  /** The client whose configuration this one's is made from. */
  public KubernetesClient caller() {
    return caller;
  }

  /** A mapper that never reads a Secret's values, whatever type a Secret is decoded to. */
  static ObjectMapper dataBlind() {
    return new ObjectMapper()
        .addMixIn(Secret.class, NoData.class)
        .addMixIn(GenericKubernetesResource.class, NoData.class);
  }

  @JsonIgnoreProperties(value = {"data", "stringData"}, ignoreUnknown = true)
  private abstract static class NoData {}

  /** What the graph receives: the Secret's metadata and type, as a {@code v1 Secret}. */
  static HasMetadata normalize(HasMetadata object) {
    GenericKubernetesResource secret = new GenericKubernetesResource();
    secret.setApiVersion("v1");
    secret.setKind(GroupKind.SECRET.kind());
    secret.setMetadata(withoutValues(object.getMetadata()));
    Object type = object instanceof Secret ? ((Secret) object).getType()
        : object instanceof GenericKubernetesResource
            ? ((GenericKubernetesResource) object).getAdditionalProperties().get("type") : null;
    if (type instanceof String) {
      secret.setAdditionalProperty("type", type);
    }
    return secret;
  }

  /**
   * The annotations of a Secret whose values are kept: metadata that names who made it, never a value. Every
   * other annotation keeps its key and loses its value. A fixed list of the annotations known to copy the values
   * ({@code kubectl.kubernetes.io/last-applied-configuration}, {@code kapp.k14s.io/original}, a {@code --record}ed
   * {@code kubernetes.io/change-cause} holding {@code --from-literal=password=...}) misses every tool and person
   * not on it: Pulumi's and Spinnaker's copies of the manifest, a connection string a chart writes next to the
   * password, a note with the token. An allowlist fails closed.
   *
   * <p>Kept: the token controller's {@code kubernetes.io/service-account.name} and {@code .uid} (which account a
   * token Secret belongs to), and the tool attributions any object carries ({@code meta.helm.sh/release-name},
   * {@code meta.helm.sh/release-namespace}, {@code argocd.argoproj.io/tracking-id}).
   */
  static final java.util.Set<String> METADATA_ANNOTATIONS = java.util.Set.of(
      "kubernetes.io/service-account.name", "kubernetes.io/service-account.uid",
      "meta.helm.sh/release-name", "meta.helm.sh/release-namespace", "argocd.argoproj.io/tracking-id");

  /**
   * A copy of a Secret's metadata with the value of every annotation not in {@link #METADATA_ANNOTATIONS} emptied:
   * the keys stay (that {@code kubectl apply} or kapp applied it is still known), the values are gone. The API
   * server's PartialObjectMetadata holds every annotation, so dropping {@code data} alone would keep the values
   * that annotations copy.
   */
  static ObjectMeta withoutValues(ObjectMeta meta) {
    if (meta == null) {
      return new ObjectMeta();
    }
    java.util.Map<String, String> annotations = meta.getAnnotations();
    if (annotations == null || annotations.entrySet().stream()
        .allMatch(a -> METADATA_ANNOTATIONS.contains(a.getKey()) || a.getValue() == null || a.getValue().isEmpty())) {
      return meta;
    }
    java.util.Map<String, String> kept = new java.util.LinkedHashMap<>();
    annotations.forEach((key, value) -> kept.put(key, METADATA_ANNOTATIONS.contains(key) ? value : ""));
    return new io.fabric8.kubernetes.api.model.ObjectMetaBuilder(meta).withAnnotations(kept).build();
  }

  /** Wraps a listener so that it receives only {@link #normalize normalized} Secrets. */
  static ClusterPort.WatchListener normalizing(ClusterPort.WatchListener listener) {
    return new ClusterPort.WatchListener() {
      @Override
      public void upserted(HasMetadata object) {
        listener.upserted(normalize(object));
      }

      @Override
      public void deleted(HasMetadata object) {
        listener.deleted(normalize(object));
      }

      @Override
      public void failed(GroupKind kind, Throwable cause) {
        listener.failed(kind, cause);
      }

      @Override
      public ClusterPort.Held held(ClusterPort.ApiResource resource, String namespace) {
        return listener.held(resource, namespace);
      }
    };
  }

  /** Asks for metadata on every request for Secrets (the client makes no other). */
  private static final class Accept implements Interceptor {
    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
      String path = request.uri().getPath();
      if (path != null && (path.endsWith("/secrets") || path.contains("/secrets/"))) {
        String query = request.uri().getQuery();
        boolean list = path.endsWith("/secrets") && (query == null || !query.contains("watch=true"));
        builder.setHeader("Accept", list ? ACCEPT_LIST : ACCEPT_ONE);
      }
    }
  }

  /** Closes the client, if one was made; a later use makes another. */
  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }
}
