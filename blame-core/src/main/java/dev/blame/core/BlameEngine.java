package dev.blame.core;

import dev.blame.api.Blame;
import dev.blame.api.BlameException;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.api.Tolerance;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.Facet;
import dev.blame.api.spi.HealthRuleLoader;
import dev.blame.core.internal.AnalyzerRegistry;
import dev.blame.core.internal.ClusterPort;
import dev.blame.core.internal.ClusterSource;
import dev.blame.core.internal.DefaultBlame;
import dev.blame.core.internal.Fabric8ClusterPort;
import dev.blame.core.internal.FedClusterPort;
import dev.blame.core.internal.GraphEngine;
import dev.blame.core.internal.ManifestReader;
import dev.blame.core.internal.ManifestSource;
import dev.blame.core.internal.Source;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The one entry point of blame-core: builds a {@link Blame} over manifests (offline) or a live cluster.
 *
 * <pre>{@code
 * // Offline, on a dump made with `kubectl get deploy,rs,pods,events -o yaml > dump.yaml`:
 * try (Blame blame = BlameEngine.builder().manifests(Path.of("dump.yaml")).build()) {
 *   blame.explain(ObjectRef.of(GroupKind.DEPLOYMENT, "default", "web")).culprits().forEach(System.out::println);
 * }
 * // Live, with a fabric8 client the caller owns and closes:
 * Blame blame = BlameEngine.builder().client(client).namespace("shop").build();
 * }</pre>
 *
 * <p>Analyzers on the class path are discovered with {@link java.util.ServiceLoader} unless
 * {@link Builder#discoverAnalyzers(boolean) switched off}; those registered with
 * {@link Builder#addAnalyzer} run first and replace discovered ones with the same id.
 *
 * <p>The library only reads from the cluster: it lists, watches and asks for discovery documents. It never
 * reads Secrets from a cluster, and drops Secret data found in manifests before keeping anything.
 */
public final class BlameEngine {

  private BlameEngine() {}

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The objects in manifest files or directories (what a deploy tool applies), as references to wait for:
   * {@code blame.waitFor(BlameEngine.refsIn("shop", Path.of("k8s/")))}. Read like {@link Builder#manifests};
   * an object without {@code metadata.namespace} gets {@code defaultNamespace} unless its kind is
   * cluster-scoped (Namespace, ClusterRole, CustomResourceDefinition, ...). Custom resources are taken as
   * namespaced. In file order, without duplicates.
   *
   * @throws BlameException of kind BAD_INPUT naming the file and what was wrong
   */
  public static List<ObjectRef> refsIn(String defaultNamespace, Path... paths) {
    List<HasMetadata> objects = new ArrayList<>();
    for (Path path : paths) {
      objects.addAll(ManifestReader.read(Objects.requireNonNull(path, "path")));
    }
    return refsOf(defaultNamespace, objects);
  }

  /**
   * Reads manifests from a stream (a file, a FIFO, stdin) to its end, without closing it, through a cap of
   * {@code maxBytes} counted as the bytes arrive: what {@link Builder#manifests(String, java.io.InputStream)}
   * reads, for a caller that also needs the objects (say, to find when a dump was taken) and must read its input
   * only once. Give the objects to {@link Builder#objects}.
   *
   * @throws BlameException of kind BAD_INPUT naming the source and what was wrong (never quoting its text), or
   *     that it is larger than {@code maxBytes}
   */
  public static List<HasMetadata> readManifests(String sourceName, InputStream content, long maxBytes) {
    return ManifestReader.read(Objects.requireNonNull(sourceName, "sourceName"),
        Objects.requireNonNull(content, "content"), maxBytes);
  }

  /** The cap on each input's size {@link Builder#manifests} applies: 256 MiB. */
  public static final long MAX_INPUT_BYTES = ManifestReader.MAX_FILE_BYTES;

  /**
   * References to objects in memory, e.g. as a deploy tool's apply returned them; namespaces defaulted as in
   * {@link #refsIn}. Lists ({@code kind: List}) are not expanded here; give their items.
   *
   * @throws BlameException of kind BAD_INPUT when an object has no kind, apiVersion or name
   */
  public static List<ObjectRef> refsOf(String defaultNamespace, Collection<? extends HasMetadata> objects) {
    Objects.requireNonNull(defaultNamespace, "defaultNamespace");
    Set<ObjectRef> refs = new LinkedHashSet<>();
    for (HasMetadata object : objects) {
      ObjectRef ref;
      try {
        ref = ObjectRef.from(object).key();
      } catch (IllegalArgumentException e) {
        throw new BlameException(BlameException.Kind.BAD_INPUT, e.getMessage(), e);
      }
      if (ref.namespace().isEmpty() && !isClusterScoped(object)) {
        ref = ObjectRef.of(ref.groupKind(), defaultNamespace, ref.name());
      }
      refs.add(ref);
    }
    return List.copyOf(refs);
  }

  private static boolean isClusterScoped(HasMetadata object) {
    return !(object instanceof Namespaced) && !(object instanceof GenericKubernetesResource);
  }

  /** Configures a {@link Blame}. Not thread-safe; build once. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private final List<Analyzer> analyzers = new ArrayList<>();
    private final List<Facet> facets = new ArrayList<>();
    private boolean discover = true;
    private boolean discoverFacets = true;
    private ClassLoader loader;
    private final List<HasMetadata> objects = new ArrayList<>();
    private boolean offline;
    private KubernetesClient client;
    private String namespace;
    private boolean allNamespaces;
    private boolean oneShot;
    private Duration timeout = Duration.ofSeconds(30);
    private long maxResponseBytes = MAX_INPUT_BYTES;
    private SecretReader secretReader;
    private Tolerance tolerance = Tolerance.defaults();
    private final Set<GroupKind> extraKinds = new LinkedHashSet<>();
    private boolean strictReads;
    private boolean showEnvValues;
    private final List<Feed<?>> feeds = new ArrayList<>();

    private Builder() {}

    /**
     * With a client: reads this kind from a cache the caller already keeps (an informer, an operator framework's
     * event source) instead of a LIST+WATCH of its own; see {@link Feed}. Kinds no feed serves are read from the
     * cluster as usual. One feed per kind.
     */
    public Builder feed(Feed<?> feed) {
      feeds.add(Objects.requireNonNull(feed, "feed"));
      return this;
    }

    /**
     * With a client: reads the informer's kind from the informer, which the caller owns, starts and stops, instead
     * of a LIST+WATCH of its own: {@code feed(Feed.of(informer))}. It must cover the namespace the Blame reads.
     */
    public Builder feed(SharedIndexInformer<? extends HasMetadata> informer) {
      return feed(Feed.of(Objects.requireNonNull(informer, "informer")));
    }

    /**
     * Whether revision diffs ({@link dev.blame.api.Explanation#revisionDiff()}) show literal env values as they
     * are. Off by default: a literal env value (often a password put straight into a template) is shown only as
     * a short hash that tells two values apart ({@code value sha256:1a2b3c4d}); {@code valueFrom} references
     * are always shown. Turn it on only when the user asks for the values explicitly.
     */
    public Builder showEnvValues(boolean show) {
      this.showEnvValues = show;
      return this;
    }

    /**
     * Strict reads: an analyzer that reads (through its {@link dev.blame.api.spi.GraphView}) objects or verdicts
     * of a kind it does not declare in {@link Analyzer#reads()} fails, and its verdict is UNKNOWN with a
     * message naming the analyzer and the kind. Such an analyzer is right offline, where the dump holds every
     * kind, and silently wrong live, where only the declared kinds are watched. Reading its own object's kind
     * and Events is always allowed. Off by default; the testkit turns it on.
     */
    public Builder strictReads(boolean strict) {
      this.strictReads = strict;
      return this;
    }

    /** The clock for every age and grace window; the system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The slack analyzers give transient states before calling them failures (grace window, allowed restarts);
     * {@link Tolerance#defaults()} by default. Analyzers read it through
     * {@link dev.blame.api.spi.AnalysisContext#tolerance()}.
     */
    public Builder tolerance(Tolerance tolerance) {
      this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
      return this;
    }

    /** Registers an analyzer; it runs before discovered ones and replaces a discovered one with its id. */
    public Builder addAnalyzer(Analyzer analyzer) {
      analyzers.add(Objects.requireNonNull(analyzer, "analyzer"));
      return this;
    }

    /**
     * Registers a facet (revisions, activities, attributions or injections of some kinds); it comes before
     * discovered ones (see {@link #discoverFacets(boolean)}).
     */
    public Builder addFacet(Facet facet) {
      facets.add(Objects.requireNonNull(facet, "facet"));
      return this;
    }

    /**
     * Registers the health rules users own for their GitOps tool, as analyzers (see {@link #addAnalyzer}):
     * each path is a directory in Argo CD's {@code resource_customizations} layout
     * ({@code <group>/<Kind>/health.lua}, {@code _} standing for any group prefix or kind), a YAML file of
     * Flux-style {@code healthCheckExprs} entries, or one {@code <group>/<Kind>/health.lua}. A rule names its
     * kinds, so the generic fallback does not judge them; a built-in or plug-in analyzer naming the same kind
     * still runs and the verdicts merge, worst first (docs/health-rules.md). Needs
     * {@code dev.blame:blame-health-rules} on the class path, found with {@link java.util.ServiceLoader}.
     *
     * @throws BlameException of kind BAD_INPUT naming the file and expression when a path does not exist or a
     *     rule does not compile; of kind CONFIGURATION when blame-health-rules is not on the class path
     */
    public Builder healthRules(Path... paths) {
      for (Path path : paths) {
        analyzers.addAll(ruleLoader().load(Objects.requireNonNull(path, "path")));
      }
      return this;
    }

    /**
     * Registers one Lua health script for the kinds {@code kind} names ({@code group/Kind}, {@code Kind} for
     * the core group, {@code *} for any run of characters), as {@link #healthRules} does.
     *
     * @throws BlameException as {@link #healthRules} does
     */
    public Builder healthRule(String kind, Path script) {
      analyzers.addAll(ruleLoader().loadScript(Objects.requireNonNull(kind, "kind"),
          Objects.requireNonNull(script, "script")));
      return this;
    }

    /**
     * Registers the health scripts of an Argo CD {@code argocd-cm} ConfigMap's data (keys
     * {@code resource.customizations.health.<group>_<Kind>} and the older {@code resource.customizations}
     * block), as {@link #healthRules} does; {@code source} names the ConfigMap in evidence and errors. The
     * caller reads the ConfigMap (the CLI's {@code --argocd-namespace}).
     *
     * @throws BlameException as {@link #healthRules} does
     */
    public Builder argoCdHealthRules(String source, Map<String, String> data) {
      analyzers.addAll(ruleLoader().loadArgoCdConfig(Objects.requireNonNull(source, "source"),
          Objects.requireNonNull(data, "data")));
      return this;
    }

    private HealthRuleLoader ruleLoader() {
      ClassLoader classLoader = classLoader();
      for (HealthRuleLoader candidate : ServiceLoader.load(HealthRuleLoader.class, classLoader)) {
        return candidate;
      }
      throw new BlameException(BlameException.Kind.CONFIGURATION,
          "health rules need dev.blame:blame-health-rules on the class path (no "
              + HealthRuleLoader.class.getName() + " was found)");
    }

    private ClassLoader classLoader() {
      return loader != null ? loader
          : Thread.currentThread().getContextClassLoader() != null
              ? Thread.currentThread().getContextClassLoader()
              : BlameEngine.class.getClassLoader();
    }

    /**
     * Whether to discover {@linkplain dev.blame.api.spi.Facet facets} with ServiceLoader; true by default, also when
     * analyzers are not discovered: which revision, who changed it and what was injected then still come from the
     * facets on the class path while the verdicts come from the analyzers registered in code.
     */
    public Builder discoverFacets(boolean discover) {
      this.discoverFacets = discover;
      return this;
    }

    /** Whether to discover analyzers with ServiceLoader; true by default. */
    public Builder discoverAnalyzers(boolean discover) {
      this.discover = discover;
      return this;
    }

    /** The class loader to discover analyzers in; the thread's context class loader by default. */
    public Builder classLoader(ClassLoader loader) {
      this.loader = Objects.requireNonNull(loader, "loader");
      return this;
    }

    /**
     * Adds manifests: files or directories of YAML or JSON, multi-document, or {@code kind: List}.
     *
     * @throws BlameException of kind BAD_INPUT naming the file and what was wrong
     */
    public Builder manifests(Path... paths) {
      for (Path path : paths) {
        objects.addAll(ManifestReader.read(Objects.requireNonNull(path, "path")));
      }
      offline = true;
      return this;
    }

    /**
     * Adds manifests from text; {@code sourceName} names them in error messages.
     *
     * @throws BlameException of kind BAD_INPUT naming the source and what was wrong
     */
    public Builder manifests(String sourceName, String content) {
      objects.addAll(ManifestReader.read(sourceName, Objects.requireNonNull(content, "content")));
      offline = true;
      return this;
    }

    /**
     * Adds manifests from a stream of UTF-8 YAML or JSON, read to its end but not closed; {@code sourceName}
     * names them in error messages.
     *
     * @throws BlameException of kind BAD_INPUT naming the source and what was wrong
     */
    public Builder manifests(String sourceName, InputStream content) {
      objects.addAll(ManifestReader.read(sourceName, Objects.requireNonNull(content, "content")));
      offline = true;
      return this;
    }

    /** Adds objects already in memory. */
    public Builder objects(Collection<? extends HasMetadata> objects) {
      this.objects.addAll(objects);
      offline = true;
      return this;
    }

    /** Reads a live cluster through this client, which the caller keeps owning and closes. */
    public Builder client(KubernetesClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** With a client: the namespace to watch; the client's namespace by default. */
    public Builder namespace(String namespace) {
      this.namespace = Objects.requireNonNull(namespace, "namespace");
      this.allNamespaces = false;
      return this;
    }

    /** With a client: watch every namespace. */
    public Builder allNamespaces() {
      this.allNamespaces = true;
      this.namespace = null;
      return this;
    }

    /**
     * Kinds whose absence means "does not exist". Offline, in addition to the kinds present in the
     * manifests (say, a dump made with {@code kubectl get deploy,rs,pods,cm} that holds no ConfigMap); live,
     * watched from the start, whereas other kinds are watched when a query first involves them.
     */
    public Builder observe(GroupKind... kinds) {
      extraKinds.addAll(List.of(kinds));
      return this;
    }

    /**
     * With a client: read each kind a query involves with one LIST and open no watch. For a caller that answers
     * once and closes (a command-line run): fewer requests and no watch threads. The graph is then a snapshot
     * and does not follow the cluster; do not use it to wait or to follow a rollout.
     */
    public Builder oneShot() {
      this.oneShot = true;
      return this;
    }

    /**
     * With a client: the cap on one response body of the requests blame-core makes with a client of its own
     * (Secrets, as metadata), and a token refresh after a 401 there bounded by {@link #requestTimeout}; see
     * {@link HttpLimits}, which a caller can put on its own client too. {@link #MAX_INPUT_BYTES} by default.
     */
    public Builder maxResponseBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxResponseBytes must be positive: " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * With a client: read Secrets through this reader, made for that client, instead of a client of the Blame's own
     * (made on first use and closed with the Blame); the caller closes it. For a caller that builds many Blames on
     * one client: their Secret reads share a connection. The reader's cap and timeout apply to its requests.
     *
     * @throws IllegalStateException from {@link #build} when the reader was made for another client
     */
    public Builder secretReader(SecretReader reader) {
      this.secretReader = Objects.requireNonNull(reader, "reader");
      return this;
    }

    /** With a client: how long one request or initial LIST may take; 30 s by default. */
    public Builder requestTimeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Builds the graph: reads the manifests, or starts the watches of the {@link #observe observed} kinds and
     * waits for their initial LISTs (none by default: live, queries watch what they involve).
     *
     * @throws BlameException when analyzers are misconfigured or the cluster cannot be read
     * @throws IllegalStateException when both manifests and a client, or neither, were given, or feeds without a
     *     client
     * @throws IllegalArgumentException when two feeds serve one kind
     */
    public Blame build() {
      if (offline == (client != null)) {
        throw new IllegalStateException(offline
            ? "give either manifests or a client, not both"
            : "give manifests, objects or a client to read from");
      }
      if (!feeds.isEmpty() && client == null) {
        throw new IllegalStateException("feeds need a client, for the kinds they do not serve");
      }
      ClassLoader classLoader = classLoader();
      AnalyzerRegistry registry = AnalyzerRegistry.create(analyzers, facets, discover, discoverFacets, classLoader);
      GraphEngine engine = new GraphEngine(registry, clock, tolerance);
      engine.strictReads(strictReads);
      engine.showEnvValues(showEnvValues);
      Source source;
      if (offline) {
        source = new ManifestSource(objects, extraKinds);
      } else {
        String ns = allNamespaces ? null : namespace != null ? namespace : client.getNamespace();
        if (secretReader != null && secretReader.metadata().caller() != client) {
          throw new IllegalStateException("the Secret reader was made for another client");
        }
        ClusterPort port = secretReader != null ? new Fabric8ClusterPort(client, timeout, secretReader.metadata())
            : new Fabric8ClusterPort(client, timeout, maxResponseBytes);
        if (!feeds.isEmpty()) {
          port = new FedClusterPort(port, feeds.stream().map(Feed::fed).toList(), timeout);
        }
        source = new ClusterSource(port, ns, extraKinds, oneShot);
      }
      return new DefaultBlame(engine, source);
    }
  }
}
