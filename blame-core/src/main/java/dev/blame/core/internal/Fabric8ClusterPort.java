package dev.blame.core.internal;

import dev.blame.api.BlameException;
import dev.blame.api.Escape;
import dev.blame.api.GroupKind;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Listable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The one class that talks to a cluster, through a fabric8 {@link KubernetesClient} the caller owns.
 * Read-only: it lists, watches and asks for discovery documents, nothing else.
 *
 * <p>A watch is a fabric8 informer whose store keeps nothing per object when the listener holds the objects
 * ({@link WatchListener#held}: the graph, for every kind but Events): the store answers from the graph, with an
 * overlay of the events fabric8 has stored and the listener not yet applied ({@code GraphItemStore}); the handler
 * tells the store each time the listener is done with one. Otherwise the store keeps what names each object
 * ({@code InformerStore}).
 */
public final class Fabric8ClusterPort implements ClusterPort {

  /** Preferred versions of the built-in kinds, so that they resolve without a discovery round trip. */
  private static final Map<GroupKind, String> BUILT_IN = Map.ofEntries(
      Map.entry(GroupKind.POD, "v1"),
      Map.entry(GroupKind.SERVICE, "v1"),
      Map.entry(GroupKind.CONFIG_MAP, "v1"),
      Map.entry(GroupKind.SECRET, "v1"),
      Map.entry(GroupKind.PERSISTENT_VOLUME_CLAIM, "v1"),
      Map.entry(GroupKind.PERSISTENT_VOLUME, "v1"),
      Map.entry(GroupKind.SERVICE_ACCOUNT, "v1"),
      Map.entry(GroupKind.NODE, "v1"),
      Map.entry(GroupKind.NAMESPACE, "v1"),
      Map.entry(GroupKind.EVENT, "v1"),
      Map.entry(GroupKind.ENDPOINTS, "v1"),
      Map.entry(GroupKind.RESOURCE_QUOTA, "v1"),
      Map.entry(GroupKind.EVENTS_V1_EVENT, "v1"),
      Map.entry(GroupKind.DEPLOYMENT, "v1"),
      Map.entry(GroupKind.REPLICA_SET, "v1"),
      Map.entry(GroupKind.STATEFUL_SET, "v1"),
      Map.entry(GroupKind.DAEMON_SET, "v1"),
      Map.entry(GroupKind.CONTROLLER_REVISION, "v1"),
      Map.entry(GroupKind.JOB, "v1"),
      Map.entry(GroupKind.CRON_JOB, "v1"),
      Map.entry(GroupKind.CUSTOM_RESOURCE_DEFINITION, "v1"),
      Map.entry(GroupKind.of("networking.k8s.io", "Ingress"), "v1"),
      Map.entry(GroupKind.of("networking.k8s.io", "IngressClass"), "v1"),
      Map.entry(GroupKind.of("discovery.k8s.io", "EndpointSlice"), "v1"),
      Map.entry(GroupKind.of("autoscaling", "HorizontalPodAutoscaler"), "v2"),
      Map.entry(GroupKind.of("policy", "PodDisruptionBudget"), "v1"),
      Map.entry(GroupKind.of("storage.k8s.io", "StorageClass"), "v1"),
      Map.entry(GroupKind.of("admissionregistration.k8s.io", "MutatingWebhookConfiguration"), "v1"),
      Map.entry(GroupKind.of("apiregistration.k8s.io", "APIService"), "v1"));

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final KubernetesClient client;
  private final Duration timeout;
  private final SecretMetadata secrets;
  /** Whether {@link #secrets} is this port's, closed with it, or a caller's that outlives it. */
  private final boolean ownSecrets;

  public Fabric8ClusterPort(KubernetesClient client, Duration timeout, long maxResponseBytes) {
    this(client, timeout, new SecretMetadata(client, maxResponseBytes, timeout), true);
  }

  /** With the caller's Secret reader, made for {@code client}: not closed with this port. */
  public Fabric8ClusterPort(KubernetesClient client, Duration timeout, SecretMetadata secrets) {
    this(client, timeout, secrets, false);
  }

  private Fabric8ClusterPort(KubernetesClient client, Duration timeout, SecretMetadata secrets, boolean own) {
    if (secrets.caller() != client) {
      throw new IllegalArgumentException("the Secret reader was made for another client");
    }
    this.client = client;
    this.timeout = timeout;
    this.secrets = secrets;
    this.ownSecrets = own;
  }

  @Override
  public Optional<ApiResource> resolve(GroupKind kind) {
    String version = BUILT_IN.get(kind);
    if (version != null) {
      Class<? extends KubernetesResource> type = typed(kind, version);
      if (type != null) {
        return Optional.of(new ApiResource(kind, version, HasMetadata.getPlural(type.asSubclass(HasMetadata.class)),
            Namespaced.class.isAssignableFrom(type)));
      }
    }
    String request = "discover kind " + kind;
    // Bounded by the request timeout: fabric8 retries a refused connection for about 20 s before failing.
    CompletableFuture<Optional<ApiResource>> answer = CompletableFuture
        .supplyAsync(() -> discover(kind).or(() -> fromCrd(kind)), DISCOVERY);
    try {
      return Reachability.await(answer, System.nanoTime() + timeout.toNanos(), probeTarget(), request);
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new BlameException(BlameException.Kind.TIMEOUT, request + ": interrupted", e);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new BlameException(BlameException.Kind.TIMEOUT, request + server() + ": no answer within " + timeout, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof KubernetesClientException) {
        throw failure(request, (KubernetesClientException) cause);
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new BlameException(BlameException.Kind.UNREACHABLE, request + server() + ": "
          + Escape.withoutCredentials(String.valueOf(cause)), cause);
    }
  }

  /** Discovery runs here so that a query can stop waiting for it at its deadline. */
  private static final ExecutorService DISCOVERY =
      Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "blame-discovery");
        thread.setDaemon(true);
        return thread;
      });

  /** " at URL" of the server, for messages, without what may be credentials in it; empty when the client has none. */
  private String server() {
    return client.getMasterUrl() == null ? ""
        : " at " + Escape.serverUrl(client.getMasterUrl().toString());
  }

  /** The server to probe when a request is slow; null when the client talks through a proxy. */
  private String probeTarget() {
    Config config = client.getConfiguration();
    if (client.getMasterUrl() == null || config == null || config.getHttpProxy() != null
        || config.getHttpsProxy() != null) {
      return null;
    }
    return client.getMasterUrl().toString();
  }

  private Optional<ApiResource> discover(GroupKind kind) {
    try {
      String groupVersion;
      if (kind.isCore()) {
        groupVersion = "v1";
      } else {
        APIGroup group = client.getApiGroup(kind.group());
        if (group == null || group.getPreferredVersion() == null) {
          return Optional.empty();
        }
        groupVersion = group.getPreferredVersion().getGroupVersion();
      }
      APIResourceList resources = client.getApiResources(groupVersion);
      if (resources == null || resources.getResources() == null) {
        return Optional.empty();
      }
      for (APIResource r : resources.getResources()) {
        if (kind.kind().equals(r.getKind()) && r.getName() != null && !r.getName().contains("/")) {
          String version = groupVersion.substring(groupVersion.indexOf('/') + 1);
          return Optional.of(new ApiResource(kind, version, r.getName(), Boolean.TRUE.equals(r.getNamespaced())));
        }
      }
      return Optional.empty();
    } catch (KubernetesClientException | ClassCastException | IllegalArgumentException e) {
      // Some servers (and fabric8's mock) do not serve discovery documents; CRDs are the fallback.
      if (e instanceof KubernetesClientException && isAccessDenied((KubernetesClientException) e)) {
        throw e;
      }
      return Optional.empty();
    }
  }

  private Optional<ApiResource> fromCrd(GroupKind kind) {
    for (CustomResourceDefinition crd :
        client.apiextensions().v1().customResourceDefinitions().list().getItems()) {
      if (crd.getSpec() == null || crd.getSpec().getNames() == null) {
        continue;
      }
      if (kind.group().equals(crd.getSpec().getGroup()) && kind.kind().equals(crd.getSpec().getNames().getKind())) {
        String version = crd.getSpec().getVersions().stream()
            .filter(v -> Boolean.TRUE.equals(v.getStorage()))
            .map(CustomResourceDefinitionVersion::getName)
            .findFirst()
            .orElse(crd.getSpec().getVersions().get(0).getName());
        return Optional.of(new ApiResource(kind, version, crd.getSpec().getNames().getPlural(),
            "Namespaced".equals(crd.getSpec().getScope())));
      }
    }
    return Optional.empty();
  }

  private static Class<? extends KubernetesResource> typed(GroupKind kind, String version) {
    String apiVersion = kind.isCore() ? version : kind.group() + "/" + version;
    return SERIALIZATION.getRegisteredKubernetesResource(apiVersion, kind.kind());
  }

  @Override
  public AutoCloseable watch(ApiResource resource, String namespace, WatchListener listener) {
    boolean secret = resource.kind().equals(GroupKind.SECRET);
    ClusterPort.Held held = listener.held(resource, namespace);
    return retried(System.nanoTime() + timeout.toNanos(), () -> start(newInformer(resource, namespace, held),
        resource, namespace, secret ? SecretMetadata.normalizing(listener) : listener));
  }

  private static final int MAX_START_ATTEMPTS = 3;

  /**
   * An attempt, again while it fails with a connection cut (a proxy or the API server dropping connections while
   * the first LIST is under way), as a running informer retries: up to {@value #MAX_START_ATTEMPTS} attempts, 200 ms
   * more back-off each time, within the deadline. HTTP errors, RBAC denials and timeouts are not retried.
   */
  private static <T> T retried(long deadline, Supplier<T> attempt) {
    for (int n = 1; ; n++) {
      try {
        return attempt.get();
      } catch (BlameException e) {
        long backoff = TimeUnit.MILLISECONDS.toNanos(200L * n);
        if (e.kind() != BlameException.Kind.UNREACHABLE || !(rootCause(e) instanceof IOException)
            || n >= MAX_START_ATTEMPTS || System.nanoTime() + backoff >= deadline) {
          throw e;
        }
        try {
          TimeUnit.NANOSECONDS.sleep(backoff);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * A paginated LIST ({@code limit=500}, following {@code continue}), no watch: what a one-shot query reads. On
   * the discovery threads, so that the caller can stop waiting at the deadline; a connection cut during the LIST
   * is retried as {@link #watch} retries it.
   */
  @Override
  public List<HasMetadata> list(ApiResource resource, String namespace) {
    String request = "LIST " + resource.plural() + (resource.kind().isCore() ? "" : "." + resource.kind().group())
        + (resource.namespaced() && namespace != null ? " in namespace " + Escape.terminal(namespace) : " in all namespaces");
    long deadline = System.nanoTime() + timeout.toNanos();
    return retried(deadline, () -> listOnce(resource, namespace, request, deadline));
  }

  /** One attempt at the paginated LIST, its failures as BlameExceptions naming the request. */
  private List<HasMetadata> listOnce(ApiResource resource, String namespace, String request, long deadline) {
    CompletableFuture<List<HasMetadata>> answer = CompletableFuture
        .supplyAsync(() -> listPages(resource, namespace), DISCOVERY);
    try {
      return Reachability.await(answer, deadline, probeTarget(), request);
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new BlameException(BlameException.Kind.TIMEOUT, request + ": interrupted", e);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new BlameException(BlameException.Kind.TIMEOUT, request + server() + ": no answer within " + timeout, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw cause instanceof KubernetesClientException
          ? failure(request, (KubernetesClientException) cause)
          : new BlameException(BlameException.Kind.UNREACHABLE, request + server() + ": "
          + Escape.withoutCredentials(String.valueOf(cause)), cause);
    }
  }

  private List<HasMetadata> listPages(ApiResource resource, String namespace) {
    Class<? extends KubernetesResource> type = typed(resource.kind(), resource.version());
    // Secrets: metadata only, through their own client, as the informers read them (see SecretMetadata).
    boolean secret = resource.kind().equals(GroupKind.SECRET);
    KubernetesClient reader = secret ? secrets.client() : client;
    MixedOperation<? extends HasMetadata, ? extends KubernetesResourceList<?>, ?> op;
    if (type != null && HasMetadata.class.isAssignableFrom(type) && !secret) {
      op = client.resources(type.asSubclass(HasMetadata.class));
    } else {
      op = reader.genericKubernetesResources(new ResourceDefinitionContext.Builder()
          .withGroup(resource.kind().group())
          .withVersion(resource.version())
          .withKind(resource.kind().kind())
          .withPlural(resource.plural())
          .withNamespaced(resource.namespaced())
          .build());
    }
    Listable<? extends KubernetesResourceList<?>> scope =
        resource.namespaced() && namespace != null ? op.inNamespace(namespace) : op.inAnyNamespace();
    List<HasMetadata> objects = new ArrayList<>();
    String next = null;
    do {
      KubernetesResourceList<?> page = scope.list(new ListOptionsBuilder().withLimit(500L).withContinue(next).build());
      for (Object item : page.getItems()) {
        objects.add(secret ? SecretMetadata.normalize((HasMetadata) item) : (HasMetadata) item);
      }
      next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (next != null && !next.isEmpty());
    return objects;
  }

  private static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** An informer and, when the listener's graph answers for it, the store that reads the graph. */
  private record Informer<T extends HasMetadata>(SharedIndexInformer<T> informer, GraphItemStore<T> graph) {}

  private Informer<? extends HasMetadata> newInformer(ApiResource resource, String namespace, ClusterPort.Held held) {
    Class<? extends KubernetesResource> type = typed(resource.kind(), resource.version());
    Informer<? extends HasMetadata> informer;
    boolean secret = resource.kind().equals(GroupKind.SECRET);
    if (type != null && HasMetadata.class.isAssignableFrom(type) && !secret) {
      informer = informer(client.resources(type.asSubclass(HasMetadata.class)), client, resource, namespace,
          type.asSubclass(HasMetadata.class), held);
    } else {
      ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
          .withGroup(resource.kind().group())
          .withVersion(resource.version())
          .withKind(resource.kind().kind())
          .withPlural(resource.plural())
          .withNamespaced(resource.namespaced())
          .build();
      // Secrets: metadata only, through their own client (see SecretMetadata).
      KubernetesClient reader = secret ? secrets.client() : client;
      informer = informer(reader.genericKubernetesResources(context), reader, resource, namespace,
          GenericKubernetesResource.class, held);
    }
    return informer;
  }

  private <T extends HasMetadata> Informer<T> informer(
      MixedOperation<T, ?, ?> op, KubernetesClient reader, ApiResource resource,
      String namespace,
      Class<? extends HasMetadata> type, ClusterPort.Held held) {
    SharedIndexInformer<T> informer = resource.namespaced() && namespace != null
        ? op.inNamespace(namespace).withLimit(500L).runnableInformer(0)
        : op.inAnyNamespace().withLimit(500L).runnableInformer(0);
    @SuppressWarnings("unchecked")
    Class<T> itemType = (Class<T>) type;
    String group = resource.kind().group();
    String apiVersion = group.isEmpty() ? resource.version() : group + "/" + resource.version();
    GraphItemStore<T> graph = held == null ? null : graphStore(held, itemType, apiVersion, resource.kind().kind());
    informer.itemStore(graph != null ? graph : itemStore(itemType, apiVersion, resource.kind().kind()));
    // fabric8 indexes every informer's keys by namespace; nothing here looks them up that way.
    informer.removeNamespaceIndex();
    return new Informer<>(informer, graph);
  }

  /**
   * What an informer keeps per object when the listener's graph holds the objects: nothing, the store answering
   * from the graph, with an overlay of the events it has not applied yet ({@code GraphItemStore}).
   */
  @SuppressWarnings("unchecked")
  static <T extends HasMetadata> GraphItemStore<T> graphStore(ClusterPort.Held held, Class<T> type, String apiVersion,
      String kind) {
    return GenericKubernetesResource.class.equals(type)
        ? (GraphItemStore<T>) GraphItemStore.generic(held, apiVersion, kind) : GraphItemStore.typed(held, type);
  }

  /**
   * What an informer keeps per object when the listener keeps nothing the port can read (Events, which the graph
   * keeps per object they are about): namespace, name, uid and resourceVersion, sharing the object's strings with
   * the graph's slim copy ({@code InformerStore}). Keeping the full objects would cost ~36 KB per pod on top of the
   * graph; fabric8's reduced store keeps copies and a key string, ~300 bytes per object.
   */
  @SuppressWarnings("unchecked")
  static <T extends HasMetadata> ItemStore<T> itemStore(Class<T> type, String apiVersion, String kind) {
    // A typed kind's informer hands its store objects of its class, and wants them back as such.
    return GenericKubernetesResource.class.equals(type) ? (ItemStore<T>) InformerStore.generic(apiVersion, kind)
        : InformerStore.typed(type);
  }

  /**
   * Starts the informer and returns once the listener has its initial LIST. With a store that reads the graph
   * ({@code GraphItemStore}), the handler tells the store each time the listener has applied a notification
   * (whether it succeeded or threw), so that the store stops answering for that event from its overlay.
   */
  private <T extends HasMetadata> AutoCloseable start(
      Informer<T> started, ApiResource resource, String namespace, WatchListener listener) {
    SharedIndexInformer<T> informer = started.informer();
    GraphItemStore<T> graph = started.graph();
    Delivered delivered = new Delivered();
    informer.addEventHandler(new ResourceEventHandler<T>() {
      @Override
      public void onAdd(T obj) {
        try {
          listener.upserted(obj);
          delivered.saw(obj);
        } finally {
          applied(obj);
        }
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        try {
          listener.upserted(newObj);
          delivered.saw(newObj);
        } finally {
          applied(newObj);
        }
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        try {
          listener.deleted(obj);
          delivered.saw(obj);
        } finally {
          applied(obj);
        }
      }

      private void applied(T obj) {
        if (graph != null) {
          graph.applied(obj);
        }
      }
    });
    informer.stopped().whenComplete((ignored, error) -> {
      if (error != null) {
        listener.failed(resource.kind(), error);
      }
    });
    // Closed, the store no longer reads the graph: fabric8 may keep a closed informer's cache reachable (the
    // bench found the whole graph still held after the Blame closed), and the store must not keep the graph with it.
    Runnable close = () -> {
      informer.close();
      if (graph != null) {
        graph.detach();
      }
    };
    String request = "LIST+WATCH " + resource.plural() + (resource.kind().isCore() ? "" : "." + resource.kind().group())
        + (resource.namespaced() && namespace != null ? " in namespace " + Escape.terminal(namespace) : " in all namespaces");
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      Reachability.await(informer.start().toCompletableFuture(), deadline, probeTarget(), request);
      // The informer has its LIST in its cache, but hands the objects to handlers on another thread: return
      // only once the listener has them all, so that a query that waited for this watch sees every object.
      // With a store that reads the graph: the objects whose notifications the listener has not applied yet (the
      // others are in the graph, some from an earlier watch of the kind, at the version the LIST returned).
      delivered.await(graph != null ? graph.pendingKeys() : informer.getStore().listKeys(), deadline);
    } catch (InterruptedException e) {
      close.run();
      Thread.currentThread().interrupt();
      throw new BlameException(BlameException.Kind.TIMEOUT, request + ": interrupted", e);
    } catch (TimeoutException e) {
      close.run();
      throw new BlameException(BlameException.Kind.TIMEOUT, request + server() + ": no answer within " + timeout, e);
    } catch (BlameException e) {
      close.run();
      throw e;
    } catch (ExecutionException e) {
      close.run();
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof KubernetesClientException) {
        throw failure(request, (KubernetesClientException) cause);
      }
      throw new BlameException(BlameException.Kind.UNREACHABLE, request + server() + ": "
          + Escape.withoutCredentials(String.valueOf(cause)), cause);
    }
    return close::run;
  }

  /** The keys of the objects handed to the listener, until the initial LIST has been handed over. */
  private static final class Delivered {
    private Set<String> seen = new HashSet<>();
    private boolean done;

    synchronized void saw(HasMetadata object) {
      if (!done) {
        seen.add(Cache.metaNamespaceKeyFunc(object));
        notifyAll();
      }
    }

    synchronized void await(List<String> keys, long deadline) throws InterruptedException, TimeoutException {
      try {
        for (String key : keys) {
          while (!seen.contains(key)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
              throw new TimeoutException("the listener did not receive " + key);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
          }
        }
      } finally {
        done = true;
        seen = Set.of(); // not clear(): that keeps the table sized for every object of the kind
      }
    }
  }

  private static boolean isAccessDenied(KubernetesClientException e) {
    return e.getCode() == 401 || e.getCode() == 403;
  }

  private BlameException failure(String request, KubernetesClientException e) {
    String server = server();
    if (e.getCode() == 401) {
      // Not a permission on one kind: the credentials themselves were refused (an expired token, a failed exec
      // plugin that left the request without any).
      return new BlameException(BlameException.Kind.FORBIDDEN, request + server
          + ": unauthorized (HTTP 401): the cluster did not accept the credentials (missing or expired?)", e);
    }
    if (isAccessDenied(e)) {
      return new BlameException(BlameException.Kind.FORBIDDEN,
          request + server + ": forbidden (HTTP " + e.getCode() + ")" + (e.getStatus() == null ? "" : ": " + e.getStatus().getMessage()), e);
    }
    // This call's own response cut off at the cap (either client's): said as such, not as the reset that ended it.
    Optional<ResponseCap.TooLarge> cut = e.getCode() > 0 ? Optional.empty() : ResponseCap.cutOff(e);
    if (cut.isPresent()) {
      return new BlameException(BlameException.Kind.UNREACHABLE, request + server + ": " + cut.get().getMessage(), e);
    }
    String message = withoutOperation(e.getMessage());
    if (message.isEmpty() && e.getCause() != null && e.getCause().getMessage() != null) {
      message = e.getCause().getMessage();
    }
    message = Escape.withoutCredentials(message);
    String detail = e.getCode() > 0 ? "HTTP " + e.getCode() + (message.isEmpty() ? "" : ": " + message) : message;
    return new BlameException(BlameException.Kind.UNREACHABLE, request + server + (detail.isEmpty() ? "" : ": " + detail),
        e);
  }

  /**
   * fabric8's message without its {@code Operation: [list]  for kind: [Pod]  with name: [null]  in namespace: [null]
   * failed.} preamble, which repeats the request the message already names.
   */
  static String withoutOperation(String message) {
    return message == null ? "" : OPERATION.matcher(message).replaceFirst("").strip();
  }

  private static final Pattern OPERATION = Pattern.compile(
      "^Operation: \\[[^\\]]*\\]\\s+for kind: \\[[^\\]]*\\]\\s+with name: \\[[^\\]]*\\]\\s+in namespace: \\[[^\\]]*\\]"
          + "\\s+failed\\.\\s*");

  @Override
  public void close() {
    // The client belongs to the caller; the one that reads Secrets is ours, unless the caller gave it.
    if (ownSecrets) {
      secrets.close();
    }
  }

}
