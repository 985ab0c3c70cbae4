package dev.blame.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blame.api.Blame;
import dev.blame.api.Explanation;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.core.BlameEngine;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One run's view of the world: a {@link Blame} over manifests (offline) or a cluster (live), the moment it
 * judges at, the default namespace, and the resolver for the resource names the user types.
 */
final class Session implements AutoCloseable {

  /** Cited by an explanation as the possible injectors of a pod's containers. */
  static final GroupKind MUTATING_WEBHOOK = GroupKind.of("admissionregistration.k8s.io", "MutatingWebhookConfiguration");

  /**
   * Kinds watched live besides those the analyzers declare, so that a workload's effects are complete, and its
   * revisions (ControllerRevisions) and injection evidence (MutatingWebhookConfigurations) are known. A kind the
   * user may not list is reported as unreadable, not as an error. One-shot, they are listed with the first query's
   * first round; a one-shot about objects ({@link #oneShotObjects()}) lists only the admission webhooks of them.
   */
  static final Set<GroupKind> WORKLOAD_KINDS = Set.of(GroupKind.DEPLOYMENT, GroupKind.REPLICA_SET,
      GroupKind.STATEFUL_SET, GroupKind.DAEMON_SET, GroupKind.JOB, GroupKind.CRON_JOB, GroupKind.POD,
      GroupKind.SERVICE, GroupKind.CONTROLLER_REVISION, MUTATING_WEBHOOK);

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * How every live session's client decodes, shared: a client's own would build Jackson's deserializers of the
   * Kubernetes model again for each command, which was half the background server's CPU in a live blame
   * (docs/performance.md). Thread-safe, as fabric8 shares one per client between its threads.
   */
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final Cli cli;
  private final SourceOptions options;
  private final boolean offline;
  private final BlameEngine.Builder builder;
  private final Instant now;
  /** Live: the client, kept by the background server between requests or closed with this session. */
  private final KeptClients.Lease lease;
  private final KubernetesClient client;
  private String namespace;
  private Blame blame;
  private boolean allNamespaces;
  private boolean configured;
  private boolean oneShot;
  private final Set<GroupKind> kinds = new LinkedHashSet<>();
  private ResourceResolver resolver;

  private Session(Cli cli, SourceOptions options, boolean offline, BlameEngine.Builder builder, Instant now,
      KeptClients.Lease lease, String namespace) {
    this.cli = cli;
    this.options = options;
    this.offline = offline;
    this.builder = builder;
    this.now = now;
    this.lease = lease;
    this.client = lease == null ? null : lease.client();
    this.namespace = namespace;
  }

  /** Reads the manifests given with {@code -f}, or connects to the cluster the kubeconfig names. */
  static Session open(Cli cli, SourceOptions options) {
    Instant fixed = options.now == null ? null : parseNow(options.now);
    if (!options.offline()) {
      return live(cli, options, fixed);
    }
    if (options.context != null || options.kubeconfig != null) {
      throw new CliException("--context and --kubeconfig choose a cluster; they cannot be used with -f");
    }
    BlameEngine.Builder builder = BlameEngine.builder();
    List<HasMetadata> objects = new ArrayList<>();
    long cap = options.maxInputBytes == null ? BlameEngine.MAX_INPUT_BYTES : Inputs.parseSize(options.maxInputBytes);
    boolean stdinRead = false;
    for (String name : options.filenames) {
      if (name.equals("-")) {
        if (stdinRead) {
          throw new CliException("-f - (stdin) can be given only once");
        }
        stdinRead = true;
      }
      // Each input is read once (a FIFO or stdin cannot be read twice), through the cap.
      objects.addAll(Inputs.read(cli, name, cap));
    }
    builder.objects(objects);
    Instant now = fixed != null ? fixed : Timestamps.newest(objects).orElseGet(Instant::now);
    return offline(cli, options, builder, now);
  }

  /** The manifests of a scenario bundled in the jar. */
  static Session bundled(Cli cli, SourceOptions options, String name, String text) {
    Instant fixed = options.now == null ? null : parseNow(options.now);
    List<HasMetadata> objects = BlameEngine.readManifests(name,
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), BlameEngine.MAX_INPUT_BYTES);
    BlameEngine.Builder builder = BlameEngine.builder().objects(objects);
    return offline(cli, options, builder, fixed != null ? fixed : Timestamps.newest(objects).orElseGet(Instant::now));
  }

  private static Session offline(Cli cli, SourceOptions options, BlameEngine.Builder builder, Instant now) {
    builder.clock(Clock.fixed(now, ZoneOffset.UTC));
    options.rules.apply(builder, null, cli.cwd);
    return new Session(cli, options, true, builder, now, null, options.namespace);
  }

  /** The longest --request-timeout, in seconds: a day. */
  static final int LONGEST_REQUEST_TIMEOUT = 86_400;

  private static Session live(Cli cli, SourceOptions options, Instant fixed) {
    if (options.requestTimeoutSeconds < 0 || options.requestTimeoutSeconds > LONGEST_REQUEST_TIMEOUT) {
      throw new CliException("--request-timeout " + options.requestTimeoutSeconds + " is out of range: give 0 to "
          + LONGEST_REQUEST_TIMEOUT + " seconds");
    }
    if (options.kubeconfig != null && !cli.path(options.kubeconfig).toFile().isFile()) {
      throw new CliException("--kubeconfig " + options.kubeconfig + ": no such file");
    }
    if (options.kubeconfig == null && !kubeconfigExists()) {
      throw new CliException("no kubeconfig: $KUBECONFIG is not set and ~/.kube/config does not exist; give "
          + "--kubeconfig FILE or set KUBECONFIG to the cluster's kubeconfig, or read manifests with -f");
    }
    int timeoutMillis = Math.max(1, options.requestTimeoutSeconds) * 1000;
    long cap = options.maxInputBytes == null ? BlameEngine.MAX_INPUT_BYTES : Inputs.parseSize(options.maxInputBytes);
    ClusterConnector connector = new ClusterConnector(
        options.kubeconfig == null ? null : cli.path(options.kubeconfig).toString(), options.context, cli.env,
        timeoutMillis, cap);
    KeptClients.Lease lease = cli.clients.lease(connector.key(), connector);
    KubernetesClient client = lease.client();
    Config config = lease.config();
    String ns = options.namespace != null ? options.namespace
        : config.getNamespace() != null && !config.getNamespace().isBlank() ? config.getNamespace() : "default";
    BlameEngine.Builder builder = BlameEngine.builder().client(client)
        .requestTimeout(Duration.ofMillis(timeoutMillis)).maxResponseBytes(cap)
        .clock(fixed == null ? Clock.systemUTC() : Clock.fixed(fixed, ZoneOffset.UTC));
    // The Secret reader kept with the client: its connection is kept too.
    lease.secrets().ifPresent(builder::secretReader);
    try {
      options.rules.apply(builder, client, cli.cwd);
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
    return new Session(cli, options, false, builder, fixed, lease, ns);
  }

  /** Whether fabric8 will find a kubeconfig (or run in a pod), as kubectl would. */
  private static boolean kubeconfigExists() {
    String fromEnv = System.getProperty("kubeconfig", System.getenv("KUBECONFIG"));
    if (fromEnv != null && !fromEnv.isBlank()) {
      for (String path : fromEnv.split(File.pathSeparator)) {
        if (!path.isBlank() && new File(path).isFile()) {
          return true;
        }
      }
      return false;
    }
    String host = System.getenv("KUBERNETES_SERVICE_HOST");
    return new File(System.getProperty("user.home"), ".kube/config").isFile() || (host != null && !host.isBlank());
  }

  /**
   * A live session on a client the caller has built (the demo's cluster); the session closes it. The clock is
   * the system's, as for any live cluster.
   */
  static Session live(Cli cli, KubernetesClient client, String namespace) {
    BlameEngine.Builder builder = BlameEngine.builder().client(client).clock(Clock.systemUTC());
    return new Session(cli, new SourceOptions(), false, builder, null, KeptClients.Lease.owned(client), namespace);
  }

  boolean offline() {
    return offline;
  }

  /**
   * Live, before the graph is built: read this namespace instead (manifests given to wait that name their own
   * namespace, as kubectl apply puts them there).
   */
  void namespace(String namespace) {
    if (blame != null || offline) {
      throw new IllegalStateException("the namespace is chosen before the graph is built, live");
    }
    this.namespace = namespace;
  }

  /** The namespace given with -n, the context's (live), or null (offline, none given). */
  String namespace() {
    return namespace;
  }

  /** Offline: the fixed moment. Live: the clock, unless --now was given. */
  Instant now() {
    return now != null ? now : Instant.now();
  }

  /**
   * Live: answer once, from one LIST of each involved kind, opening no watch (not for --watch nor wait, which
   * follow the cluster). Call before the first {@link #blame}.
   */
  Session oneShot() {
    oneShot = true;
    return this;
  }

  /**
   * {@link #oneShot()}, for queries about objects (named, or listed by type): each query lists only the kinds it
   * involves (the engine's fixpoint, which includes what Kubernetes' controllers create owned for a workload, so
   * that an analyzer that does not declare its reads still judges a workload with its children); of the
   * {@link #WORKLOAD_KINDS}, only the admission webhooks the explanation cites are listed besides.
   */
  Session oneShotObjects() {
    oneShot = true;
    objectsOnly = true;
    return this;
  }

  private boolean objectsOnly;

  /** Builds the graph, once. Live: watches the namespace, or all namespaces, plus these kinds. */
  Blame blame(boolean allNamespaces, Collection<GroupKind> watch) {
    if (blame == null && configured) {
      // After reconnect(): the same configuration, built afresh.
      blame = builder.build();
    }
    if (blame == null) {
      configured = true;
      this.allNamespaces = allNamespaces;
      this.kinds.addAll(watch);
      if (!offline) {
        if (allNamespaces) {
          builder.allNamespaces();
        } else {
          builder.namespace(namespace);
        }
        Set<GroupKind> kinds = new LinkedHashSet<>(objectsOnly ? Set.of(MUTATING_WEBHOOK) : WORKLOAD_KINDS);
        kinds.addAll(watch);
        kinds.remove(GroupKind.SECRET);
        builder.observe(kinds.toArray(GroupKind[]::new));
        if (oneShot) {
          builder.oneShot();
        }
      }
      builder.showEnvValues(options.showEnvValues);
      cli.engine.accept(builder);
      blame = builder.build();
    }
    return blame;
  }

  Blame blame() {
    return blame(allNamespaces, kinds);
  }

  /**
   * Live: whether the API server answers now (a GET of its version); empty when it does, else what went wrong,
   * on one line. Offline: always empty.
   */
  Optional<String> probe() {
    if (offline) {
      return Optional.empty();
    }
    try {
      client.getKubernetesVersion();
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(Errors.connection(e, client.getMasterUrl() == null ? "" : client.getMasterUrl().toString()));
    }
  }

  /** Live: drops the graph and its watches; the next {@link #blame()} lists everything afresh. */
  void reconnect() {
    if (blame != null) {
      Blame old = blame;
      blame = null;
      old.close();
    }
  }

  /** Offline: the built-in names, the kinds in the manifests and their CRDs. Live: built-in, then discovery. */
  ResourceResolver resolver() {
    if (resolver == null) {
      resolver = offline ? new ResourceResolver(typesInGraph(blame()), List::of)
          : new ResourceResolver(List.of(), this::discover);
    }
    return resolver;
  }

  private static List<ResourceType> typesInGraph(Blame blame) {
    List<ResourceType> types = new ArrayList<>();
    for (GroupKind kind : blame.kinds()) {
      List<Node> nodes = blame.list(kind, "");
      ResourceType guess = ResourceType.guessed(kind);
      String version = nodes.stream().map(n -> n.ref().version()).filter(v -> !v.isEmpty()).findFirst().orElse("");
      Boolean namespaced = nodes.isEmpty() ? null : nodes.stream().anyMatch(n -> !n.ref().isClusterScoped());
      types.add(new ResourceType(kind, guess.plural, guess.singular, List.of(), namespaced, version));
    }
    for (Node crd : blame.list(GroupKind.CUSTOM_RESOURCE_DEFINITION, "")) {
      crdType(crd).ifPresent(types::add);
    }
    return types;
  }

  private static Optional<ResourceType> crdType(Node crd) {
    try {
      JsonNode spec = JSON.valueToTree(crd.object()).path("spec");
      JsonNode names = spec.path("names");
      String group = spec.path("group").asText("");
      String kind = names.path("kind").asText("");
      if (kind.isEmpty()) {
        return Optional.empty();
      }
      String plural = names.path("plural").asText(ResourceType.pluralize(kind.toLowerCase(Locale.ROOT)));
      String singular = names.path("singular").asText(kind.toLowerCase(Locale.ROOT));
      List<String> shortNames = new ArrayList<>();
      names.path("shortNames").forEach(s -> shortNames.add(s.asText()));
      String version = "";
      for (JsonNode v : spec.path("versions")) {
        if (version.isEmpty() || v.path("storage").asBoolean(false)) {
          version = v.path("name").asText("");
        }
      }
      Boolean namespaced = spec.has("scope") ? !"Cluster".equals(spec.path("scope").asText()) : null;
      return Optional.of(new ResourceType(GroupKind.of(group, kind), plural, singular.isEmpty()
          ? kind : singular, shortNames, namespaced, version));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The API server's discovery documents, best effort: a server that does not serve them has no extra types. */
  private List<ResourceType> discover() {
    List<ResourceType> types = new ArrayList<>();
    try {
      List<String> groupVersions = new ArrayList<>(List.of("v1"));
      APIGroupList groups = client.getApiGroups();
      if (groups != null && groups.getGroups() != null) {
        for (APIGroup group : groups.getGroups()) {
          if (group.getPreferredVersion() != null && group.getPreferredVersion().getGroupVersion() != null) {
            groupVersions.add(group.getPreferredVersion().getGroupVersion());
          }
        }
      }
      for (String gv : groupVersions) {
        APIResourceList list = client.getApiResources(gv);
        if (list == null || list.getResources() == null) {
          continue;
        }
        String group = gv.contains("/") ? gv.substring(0, gv.indexOf('/')) : "";
        String version = gv.substring(gv.indexOf('/') + 1);
        for (APIResource r : list.getResources()) {
          if (r.getName() == null || r.getName().contains("/") || r.getKind() == null) {
            continue;
          }
          types.add(new ResourceType(GroupKind.of(group, r.getKind()), r.getName(),
              r.getSingularName() == null || r.getSingularName().isEmpty() ? r.getKind() : r.getSingularName(),
              r.getShortNames() == null ? List.of() : r.getShortNames(), r.getNamespaced(), version));
        }
      }
    } catch (RuntimeException e) {
      // Discovery is a convenience for names kubectl's table lacks; the error for the name follows.
    }
    return types;
  }

  /**
   * The object a user means by TYPE and NAME. Cluster-scoped types have no namespace; offline without -n, the
   * namespace of the only object of that type and name in the manifests.
   */
  ObjectRef target(ResourceType type, String name) {
    if (name.isBlank()) {
      throw new CliException("a resource name is required after " + type.qualifiedPlural());
    }
    if (Boolean.FALSE.equals(type.namespaced)) {
      return ref(type, "", name);
    }
    if (namespace != null) {
      return ref(type, namespace, name);
    }
    // Offline without -n.
    List<Node> matches = blame().list(type.kind, "").stream().filter(n -> n.ref().name().equals(name)).toList();
    if (matches.size() == 1) {
      return matches.get(0).ref().key();
    }
    if (matches.size() > 1) {
      throw new CliException(type.qualifiedPlural() + " \"" + name + "\" is in several namespaces ("
          + matches.stream().map(n -> n.ref().namespace()).collect(Collectors.joining(", "))
          + "); choose one with -n");
    }
    return ref(type, "default", name);
  }

  private static ObjectRef ref(ResourceType type, String namespace, String name) {
    return ObjectRef.of(type.kind, namespace, name);
  }

  /**
   * An object not found because its kind could not be read (RBAC forbids listing it, its watch stopped) is not
   * "not found": says so, exit 3.
   */
  static void failIfUnreadable(Explanation why) {
    why.verdict().findings().stream()
        .filter(f -> f.reason().equals(ReasonCode.FORBIDDEN) || f.reason().equals(ReasonCode.WATCH_STOPPED))
        .findFirst().ifPresent(f -> {
          throw new CliException(f.message());
        });
  }

  /**
   * How to say where an object was looked for, in a not-found message; and, when the name or namespace holds a
   * character outside ASCII, which one: {@code web} with a Cyrillic {@code е} prints as {@code web}, and "not
   * found" beside an object of that very look is a riddle. An API server's names are ASCII (DNS-1123).
   */
  String where(ObjectRef ref) {
    String scope = ref.isClusterScoped() ? "" : " in namespace \"" + ref.namespace() + "\"";
    return scope + (offline ? " in the given manifests" : "") + lookalike("name", ref.name())
        + lookalike("namespace", ref.namespace());
  }

  /** {@code " (the name holds U+0435 CYRILLIC SMALL LETTER IE at 2, ...)"} for the first non-ASCII code point. */
  static String lookalike(String what, String text) {
    for (int i = 0, position = 1; i < text.length(); position++) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c >= 0x80) {
        String name = Character.getName(c);
        return String.format(Locale.ROOT, " (the %s holds U+%04X%s at character %d, not ASCII as an API "
            + "server's names are)", what, c, name == null ? "" : " " + name, position);
      }
    }
    return "";
  }

  @Override
  public void close() {
    try {
      if (blame != null) {
        blame.close();
      }
    } finally {
      if (lease != null) {
        lease.close();
      }
    }
  }

  static Instant parseNow(String text) {
    Instant time = Timestamps.parseStrict(text);
    if (time == null) {
      throw new CliException("--now " + text + ": expected an RFC 3339 time such as 2026-11-22T12:00:15Z");
    }
    return time;
  }

}
