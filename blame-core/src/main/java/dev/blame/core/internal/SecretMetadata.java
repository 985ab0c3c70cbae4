package dev.blame.core.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blame.api.GroupKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Secrets read as metadata only. Their LIST and WATCH ask the API server for {@code PartialObjectMetadata}
 * (the {@code Accept} header client-go's metadata informer sends), so a server since Kubernetes 1.15 sends no
 * {@code data} at all. A server that ignores the header (an old one, a proxy, fabric8's mock) sends whole
 * Secrets: a client of its own, with a JSON mapper that skips {@code data} and {@code stringData} while it
 * parses, reads them, so their values never become Java objects, are never kept and never logged. Either way
 * the graph receives a {@code v1 Secret} that has only {@code metadata} and {@code type}.
 *
 * <p>The client is made from the caller's client's configuration (server, credentials, proxy, timeouts) with the
 * default HTTP client of the class path, and adds only the header; it is created when Secrets are first listed
 * and closed with the port. (A client derived from the caller's HTTP client would share its connections, but
 * fabric8 offers no way to build a Kubernetes client on one, nor to close one without the other.)
 */
final class SecretMetadata implements AutoCloseable {

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
  private KubernetesClient client;

  SecretMetadata(KubernetesClient caller) {
    this.caller = caller;
  }

  /** The client that reads Secrets; created on first use. */
  synchronized KubernetesClient client() {
    if (client == null) {
      client = new KubernetesClientBuilder()
          .withConfig(caller.getConfiguration())
          .withKubernetesSerialization(DATA_BLIND)
          .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("blame-secret-metadata", new Accept()))
          .build();
    }
    return client;
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
   * The annotations that hold a Secret's values in clear: {@code kubectl apply} keeps the whole applied manifest
   * (its {@code data} or {@code stringData} included) in {@code last-applied-configuration}, kapp keeps the
   * original manifest in {@code kapp.k14s.io/original}, and {@code --record} keeps the command line
   * ({@code kubectl create secret generic db --from-literal=password=...}) in {@code change-cause}.
   */
  static final java.util.Set<String> VALUE_ANNOTATIONS = java.util.Set.of(
      "kubectl.kubernetes.io/last-applied-configuration", "kapp.k14s.io/original", "kubernetes.io/change-cause");

  /**
   * A copy of a Secret's metadata with the {@link #VALUE_ANNOTATIONS annotations that hold its values} emptied:
   * their keys stay (who applied the Secret is still known), their values are gone. The API server's
   * PartialObjectMetadata holds every annotation, so dropping {@code data} alone would keep the values.
   */
  static ObjectMeta withoutValues(ObjectMeta meta) {
    if (meta == null) {
      return new ObjectMeta();
    }
    java.util.Map<String, String> annotations = meta.getAnnotations();
    if (annotations == null || VALUE_ANNOTATIONS.stream().noneMatch(annotations::containsKey)) {
      return meta;
    }
    java.util.Map<String, String> kept = new java.util.LinkedHashMap<>(annotations);
    VALUE_ANNOTATIONS.forEach(key -> kept.computeIfPresent(key, (k, v) -> ""));
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

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }
}
