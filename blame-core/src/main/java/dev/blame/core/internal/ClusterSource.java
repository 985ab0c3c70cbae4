package dev.blame.core.internal;

import dev.blame.api.BlameException;
import dev.blame.api.Escape;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live cluster: one LIST+WATCH per kind a query involves, in one namespace (or all), started when a query
 * first needs it and kept until closed. Nothing is watched up front but the kinds the caller asked to
 * observe. A query about one object watches the kinds {@link InvolvedKinds} finds around it, again and again
 * until no new kind comes up, and reads only then; a namespace-wide query watches every kind some analyzer
 * handles or reads, plus Events. Secrets as metadata only ({@link SecretMetadata}), where RBAC allows their
 * {@code list}: without it a missing Secret is found from the kubelet's messages, and one note says so.
 *
 * <p>One-shot (a CLI run that answers once): the same kinds, each read with one LIST, in parallel as above, and no
 * watch opened; the kinds to observe are listed with the first query's first round, not in a round before it.
 *
 * <p>Thread-safe: watches start under this object's lock, the kinds of one round in parallel (their initial LISTs
 * on up to {@value #PARALLEL_LISTS} threads), and each returns once its initial LIST is in the graph, so a query that
 * has prepared sees every kind it involves complete.
 */
public final class ClusterSource implements Source {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterSource.class);
  /** Rounds of the fixpoint; each round watches at least one new kind, so this is never reached in practice. */
  private static final int MAX_ROUNDS = 64;

  private final ClusterPort port;
  private final String namespace;
  private final Set<GroupKind> extraKinds;
  /**
   * Guarded by itself, not by this object: a watch reports its failure on the client's I/O thread, which must
   * not wait for a query that is itself waiting for a LIST on that thread.
   */
  private final Map<GroupKind, AutoCloseable> watches = Collections.synchronizedMap(new LinkedHashMap<>());
  private final Set<GroupKind> unavailable = ConcurrentHashMap.newKeySet();
  private GraphEngine engine;
  private volatile boolean closed;
  private boolean all;

  /**
   * @param namespace the namespace to watch, or null for all
   * @param extraKinds kinds to watch from the start, besides those queries involve
   */
  public ClusterSource(ClusterPort port, String namespace, Set<GroupKind> extraKinds) {
    this(port, namespace, extraKinds, false);
  }

  /**
   * @param oneShot read each kind with one LIST and open no watch: the graph is a snapshot of the moment each kind
   *     was listed, for a caller that answers once and closes (a CLI run), not one that waits or follows
   */
  public ClusterSource(ClusterPort port, String namespace, Set<GroupKind> extraKinds, boolean oneShot) {
    this.port = port;
    this.namespace = namespace;
    this.extraKinds = Set.copyOf(extraKinds);
    this.oneShot = oneShot;
  }

  private final boolean oneShot;

  /**
   * One-shot: the kinds to observe that are not listed yet. They are listed with the first query's first round
   * rather than in a round of their own: one round trip less.
   */
  private final Set<GroupKind> pending = new LinkedHashSet<>();

  @Override
  public synchronized void start(GraphEngine engine) {
    this.engine = engine;
    if (oneShot) {
      pending.addAll(extraKinds);
    } else {
      watchAll(extraKinds);
    }
  }

  /** These kinds, after the pending ones (which are then no longer pending). */
  private Set<GroupKind> withPending(Collection<GroupKind> kinds) {
    Set<GroupKind> all = new LinkedHashSet<>(pending);
    all.addAll(kinds);
    pending.clear();
    return all;
  }

  @Override
  public synchronized void prepare(ObjectRef ref) {
    try {
      // The rounds read the graph's objects and edges, never a verdict: one-shot, they are analyzed after.
      Set<GroupKind> wanted = withPending(InvolvedKinds.ofRoot(engine.registry(), ref.groupKind()));
      for (int round = 0; round < MAX_ROUNDS; round++) {
        watchAll(wanted);
        wanted = engine.readStore(store -> InvolvedKinds.of(store, engine.registry(), ref));
        if (settled(wanted)) {
          return;
        }
      }
    } finally {
      analyzed();
    }
  }

  @Override
  public synchronized void prepareKind(GroupKind kind) {
    try {
      watchAll(withPending(List.of(kind)));
    } finally {
      analyzed();
    }
  }

  @Override
  public synchronized void prepareAll() {
    if (all) {
      return;
    }
    Set<GroupKind> kinds = withPending(List.of(GroupKind.EVENT));
    kinds.addAll(engine.registry().declaredKinds());
    try {
      watchAll(kinds);
    } finally {
      analyzed();
    }
    all = true;
  }

  /** True when every kind is watched, or known not to be watchable. */
  private boolean settled(Set<GroupKind> kinds) {
    for (GroupKind kind : kinds) {
      if (!closed && !watches.containsKey(kind) && !unavailable.contains(kind)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Watches these kinds, then marks the new ones observed at once: their readers are analyzed again once. The
   * initial LISTs of a round run in parallel (one thread each, at most {@link #PARALLEL_LISTS} at a time): a
   * first query over a cluster costs about one round trip per round of the fixpoint, not one per kind. One-shot,
   * the round's LISTs are one snapshot, applied with their kinds' observed marks once all have answered, and
   * analyzed with the query's other rounds: each object once per query, not again as each further kind arrives.
   */
  private void watchAll(Collection<GroupKind> kinds) {
    List<GroupKind> started = new ArrayList<>();
    List<GraphEngine.Change> listed = new ArrayList<>();
    try {
      List<ClusterPort.ApiResource> toStart = new ArrayList<>();
      for (GroupKind kind : kinds) {
        resolve(kind).ifPresent(toStart::add);
      }
      if (!toStart.isEmpty() && LOG.isDebugEnabled()) {
        LOG.debug("{} {}", oneShot ? "Listing" : "Watching", Escape.terminal(
            toStart.stream().map(r -> r.kind().toString()).toList().toString()));
      }
      List<Started> results = new ArrayList<>();
      if (toStart.size() == 1) {
        results.add(startWatch(toStart.get(0)));
      } else if (!toStart.isEmpty()) {
        List<Future<Started>> futures = new ArrayList<>();
        for (ClusterPort.ApiResource resource : toStart) {
          futures.add(lists().submit(() -> startWatch(resource)));
        }
        for (Future<Started> future : futures) {
          results.add(join(future));
        }
      }
      // Successes first: a kind whose LIST lost its connection is transient once the cluster has answered.
      for (Started result : results) {
        if (result.watch != null) {
          watches.put(result.resource.kind(), result.watch);
          started.add(result.resource.kind());
          listed.addAll(result.listed);
        }
      }
      observe(listed, started);
      BlameException first = null;
      for (Started result : results) {
        if (result.failure != null) {
          try {
            failedToStart(result.resource, result.failure);
          } catch (BlameException e) {
            first = first == null ? e : first;
          }
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      observe(listed, started);
    }
  }

  /**
   * The new kinds marked observed. One-shot, with the round's LISTs, as one snapshot whose analysis waits for the
   * end of the query's fixpoint ({@link #analyzed}).
   */
  private void observe(List<GraphEngine.Change> listed, List<GroupKind> started) {
    if (!started.isEmpty()) {
      if (oneShot) {
        engine.applySnapshot(listed, started);
      } else {
        engine.observe(started);
      }
      listed.clear();
      started.clear();
    }
  }

  /** One-shot: analyzes what the query's snapshots brought, once, when its fixpoint is reached (or given up). */
  private void analyzed() {
    if (oneShot) {
      engine.analyzePending();
    }
  }

  /**
   * Below fabric8's default of 5 concurrent requests per host ({@code Config.maxConcurrentRequestsPerHost}): the
   * client is the caller's, and its own requests must not queue behind a round of initial LISTs.
   */
  static final int PARALLEL_LISTS = 4;

  private ExecutorService lists;

  private ExecutorService lists() {
    if (lists == null) {
      AtomicInteger count = new AtomicInteger();
      ThreadPoolExecutor pool = new ThreadPoolExecutor(PARALLEL_LISTS,
          PARALLEL_LISTS, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
          r -> {
            Thread thread = new Thread(r, "blame-list-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
      pool.allowCoreThreadTimeOut(true);
      lists = pool;
    }
    return lists;
  }

  private static Started join(Future<Started> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BlameException(BlameException.Kind.TIMEOUT, "interrupted while listing", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * The outcome of starting one watch: the watch, or the failure to handle; one-shot, the changes its LIST makes,
   * to apply with the round's.
   */
  private record Started(ClusterPort.ApiResource resource, AutoCloseable watch, BlameException failure,
      List<GraphEngine.Change> listed) {}

  private Started startWatch(ClusterPort.ApiResource resource) {
    try {
      if (oneShot) {
        return new Started(resource, LISTED, null, listOnce(resource));
      }
      return new Started(resource, port.watch(resource, namespace, new Listener()), null, List.of());
    } catch (BlameException e) {
      return new Started(resource, null, e, List.of());
    }
  }

  /** Nothing to close: a kind listed once. */
  private static final AutoCloseable LISTED = () -> { };

  /** One-shot: the kind's LIST as changes to the graph (one bad object skipped, as a watch skips it). */
  private List<GraphEngine.Change> listOnce(ClusterPort.ApiResource resource) {
    List<HasMetadata> objects = port.list(resource, namespace);
    List<GraphEngine.Change> changes = new ArrayList<>(objects.size());
    for (HasMetadata object : objects) {
      try {
        changes.add(engine.ingest().change(object));
      } catch (RuntimeException e) {
        skipped(object, e);
      }
    }
    return changes;
  }

  /** The resource to start watching for a kind, unless it is watched or cannot be. */
  private Optional<ClusterPort.ApiResource> resolve(GroupKind kind) {
    if (closed || watches.containsKey(kind) || unavailable.contains(kind)) {
      return Optional.empty();
    }
    Optional<ClusterPort.ApiResource> resource;
    try {
      resource = port.resolve(kind);
    } catch (BlameException e) {
      failedToStart(new ClusterPort.ApiResource(kind, "", kind.kind(), true), e, Optional.empty());
      return Optional.empty();
    }
    if (resource.isEmpty()) {
      LOG.debug("The cluster does not serve kind {}; not watching it", Escape.terminal(kind.toString()));
      unavailable.add(kind);
    }
    return resource;
  }

  private void failedToStart(ClusterPort.ApiResource resource, BlameException e) {
    failedToStart(resource, e, Optional.of(resource));
  }

  /** A watch that could not start: transient, forbidden (the kind is unreadable), or thrown. */
  private void failedToStart(ClusterPort.ApiResource failed, BlameException e,
      Optional<ClusterPort.ApiResource> resource) {
    GroupKind kind = failed.kind();
    if (e.kind() == BlameException.Kind.UNREACHABLE && !watches.isEmpty() && connectionLost(e)) {
      // The cluster answered before: a connection lost while this kind starts is transient. The kind stays
      // unwatched, so the next query (a wait re-prepares every second) starts it again.
      LOG.warn("Could not start watching {} ({}); the next query tries again", Escape.terminal(kind.toString()),
          Escape.terminal(Escape.withoutCredentials(e.getMessage())));
      return;
    }
    if (e.kind() != BlameException.Kind.FORBIDDEN || unauthorized(e)) {
      // A 401 is about the credentials, not one kind: every request would fail the same way.
      throw e;
    }
    if (kind.equals(GroupKind.SECRET)) {
      // Optional by design (docs/rbac.yaml): the kubelet's "secret \"x\" not found" tells what listing would.
      unavailable.add(kind);
      LOG.info("Not reading Secrets ({}): a missing Secret is named from the kubelet's Events and container states",
          Escape.terminal(Escape.withoutCredentials(e.getMessage())));
      return;
    }
    // RBAC denies one kind: the rest of the graph still works, and what needs this kind says so.
    LOG.warn("Not watching {}: {}", kind, Escape.terminal(Escape.withoutCredentials(e.getMessage())));
    unavailable.add(kind);
    String what = resource.map(r -> r.plural() + (kind.isCore() ? "" : "." + kind.group())).orElse(kind.toString());
    boolean namespaced = resource.map(ClusterPort.ApiResource::namespaced).orElse(true);
    engine.unreadable(kind, ReasonCode.FORBIDDEN, "forbidden: cannot list " + what
        + (namespaced && namespace != null ? " in namespace " + Escape.terminal(namespace) : " at cluster scope"));
  }

  private static boolean unauthorized(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof KubernetesClientException
          && ((KubernetesClientException) t).getCode() == 401) {
        return true;
      }
    }
    return false;
  }

  private static boolean connectionLost(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Optional<String> onlyNamespace() {
    return Optional.ofNullable(namespace);
  }

  @Override
  public boolean isLive() {
    return true;
  }

  /** Kinds being watched, in the order the watches started. */
  public List<GroupKind> watchedKinds() {
    synchronized (watches) {
      return new ArrayList<>(watches.keySet());
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<Map.Entry<GroupKind, AutoCloseable>> open;
    synchronized (watches) {
      open = new ArrayList<>(watches.entrySet());
      watches.clear();
    }
    for (Map.Entry<GroupKind, AutoCloseable> watch : open) {
      try {
        watch.getValue().close();
      } catch (Exception e) {
        LOG.warn("Closing the watch of {} failed: {}", Escape.terminal(String.valueOf(watch.getKey())),
            Escape.terminal(Escape.withoutCredentials(e.toString())));
        LOG.debug("Closing the watch of {} failed", Escape.terminal(String.valueOf(watch.getKey())),
            Escape.throwable(e));
      }
    }
    if (lists != null) {
      lists.shutdownNow();
    }
    port.close();
  }

  /** One bad object must not stop the LIST or watch of its kind: it is logged and skipped. */
  private static void skipped(HasMetadata object, RuntimeException e) {
    LOG.warn("Could not apply {} {}: {}", Escape.terminal(object.getKind()),
        object.getMetadata() == null ? "?" : Escape.terminal(object.getMetadata().getName()),
        Escape.terminal(Escape.withoutCredentials(e.toString())));
  }

  private final class Listener implements ClusterPort.WatchListener {
    @Override
    public void upserted(HasMetadata object) {
      // The resourceVersion goes with the object into the graph, which the informer's store reads back.
      apply(GraphEngine.Change.watched(engine.ingest().change(object),
          object.getMetadata() == null ? null : object.getMetadata().getResourceVersion()), object);
    }

    /**
     * The graph, for every kind but Events: it keeps each object the watch delivered, with its resourceVersion.
     * Events it keeps per object they are about, at most {@value GraphStore#MAX_EVENTS_PER_OBJECT}: their
     * informer keeps its own store.
     */
    @Override
    public ClusterPort.Held held(ClusterPort.ApiResource resource, String watched) {
      return KnownKinds.isEvent(resource.kind()) ? null
          : engine.held(resource.kind(), resource.namespaced() ? watched : null);
    }

    @Override
    public void deleted(HasMetadata object) {
      apply(Ingest.deletion(object), object);
    }

    private void apply(GraphEngine.Change change, HasMetadata object) {
      try {
        engine.apply(List.of(change));
      } catch (RuntimeException e) {
        // One bad object must not stop the watch of its kind.
        skipped(object, e);
      }
    }

    @Override
    public void failed(GroupKind kind, Throwable cause) {
      if (closed || watches.remove(kind) == null) {
        // Closing, or the watch never started: ensure() has already handled it.
        return;
      }
      unavailable.add(kind);
      // A broken watch must not fail silently: what depends on the kind says its verdict may be stale.
      LOG.warn("The watch of {} stopped: {}", kind, Escape.terminal(Escape.withoutCredentials(cause.toString())));
      engine.unreadable(kind, ReasonCode.WATCH_STOPPED,
          "the watch of " + kind + " stopped (" + Escape.withoutCredentials(cause.getMessage()) + ")");
    }
  }
}
