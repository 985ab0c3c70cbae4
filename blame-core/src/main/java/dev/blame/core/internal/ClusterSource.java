package dev.blame.core.internal;

import dev.blame.api.BlameException;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live cluster: one LIST+WATCH per kind that some analyzer declares, plus Events, in one namespace (or all),
 * and more kinds on demand when a query names one or an owner chain leads to one. Never Secrets: their
 * values must not be read, and the minimal RBAC role grants no access to them.
 */
public final class ClusterSource implements Source {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterSource.class);
  private static final int MAX_OWNER_HOPS = 16;

  private final ClusterPort port;
  private final String namespace;
  private final Set<GroupKind> extraKinds;
  private final Map<GroupKind, AutoCloseable> watches = new LinkedHashMap<>();
  private final Set<GroupKind> unavailable = new HashSet<>();
  private GraphEngine engine;
  private boolean closed;

  /**
   * @param namespace the namespace to watch, or null for all
   * @param extraKinds kinds to watch besides those the analyzers declare
   */
  public ClusterSource(ClusterPort port, String namespace, Set<GroupKind> extraKinds) {
    this.port = port;
    this.namespace = namespace;
    this.extraKinds = Set.copyOf(extraKinds);
  }

  @Override
  public synchronized void start(GraphEngine engine) {
    this.engine = engine;
    Set<GroupKind> kinds = new LinkedHashSet<>();
    kinds.add(GroupKind.EVENT);
    kinds.addAll(engine.registry().declaredKinds());
    kinds.addAll(extraKinds);
    for (GroupKind kind : kinds) {
      ensure(kind);
    }
  }

  @Override
  public synchronized void prepare(ObjectRef ref) {
    ensure(ref.groupKind());
    // Follow the owner chain upwards, watching each owner's kind, so the causes of the object are known.
    Deque<ObjectRef> todo = new ArrayDeque<>(List.of(ref));
    Set<ObjectRef> seen = new HashSet<>();
    int hops = 0;
    while (!todo.isEmpty() && hops++ < MAX_OWNER_HOPS) {
      ObjectRef current = todo.poll();
      if (!seen.add(current.key())) {
        continue;
      }
      List<OwnerReference> owners = engine.read(view -> view.node(current)
          .map(Node::ownerReferences).orElse(List.of()));
      for (OwnerReference owner : owners) {
        if (owner.getApiVersion() == null || owner.getKind() == null || owner.getName() == null) {
          continue;
        }
        GroupKind kind = GroupKind.fromApiVersion(owner.getApiVersion(), owner.getKind());
        ensure(kind);
        todo.add(ObjectRef.of(kind, current.namespace(), owner.getName()));
      }
    }
  }

  private void ensure(GroupKind kind) {
    if (closed || watches.containsKey(kind) || unavailable.contains(kind) || kind.equals(GroupKind.SECRET)) {
      return;
    }
    Optional<ClusterPort.ApiResource> resource = Optional.empty();
    AutoCloseable watch;
    try {
      resource = port.resolve(kind);
      if (resource.isEmpty()) {
        LOG.debug("The cluster does not serve kind {}; not watching it", kind);
        unavailable.add(kind);
        return;
      }
      watch = port.watch(resource.get(), namespace, new Listener());
    } catch (BlameException e) {
      if (e.kind() != BlameException.Kind.FORBIDDEN) {
        throw e;
      }
      // RBAC denies one kind: the rest of the graph still works, and what needs this kind says so.
      LOG.warn("Not watching {}: {}", kind, e.getMessage());
      unavailable.add(kind);
      String what = resource.map(r -> r.plural() + (kind.isCore() ? "" : "." + kind.group())).orElse(kind.toString());
      boolean namespaced = resource.map(ClusterPort.ApiResource::namespaced).orElse(true);
      engine.unreadable(kind, dev.blame.api.ReasonCode.FORBIDDEN, "forbidden: cannot list " + what
          + (namespaced && namespace != null ? " in namespace " + namespace : " at cluster scope"));
      return;
    }
    watches.put(kind, watch);
    engine.observe(List.of(kind));
  }

  @Override
  public boolean isLive() {
    return true;
  }

  /** Kinds being watched, in the order the watches started. */
  public synchronized List<GroupKind> watchedKinds() {
    return new ArrayList<>(watches.keySet());
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Map.Entry<GroupKind, AutoCloseable> watch : watches.entrySet()) {
      try {
        watch.getValue().close();
      } catch (Exception e) {
        LOG.warn("Closing the watch of {} failed", watch.getKey(), e);
      }
    }
    watches.clear();
    port.close();
  }

  private final class Listener implements ClusterPort.WatchListener {
    @Override
    public void upserted(HasMetadata object) {
      apply(Ingest.change(object), object);
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
        LOG.warn("Could not apply {} {}: {}", object.getKind(),
            object.getMetadata() == null ? "?" : object.getMetadata().getName(), e.toString());
      }
    }

    @Override
    public void failed(GroupKind kind, Throwable cause) {
      synchronized (ClusterSource.this) {
        if (closed || !watches.containsKey(kind)) {
          // Closing, or the watch never started: start() has already thrown for it.
          return;
        }
        watches.remove(kind);
        unavailable.add(kind);
      }
      // A broken watch must not fail silently: what depends on the kind says its verdict may be stale.
      LOG.warn("The watch of {} stopped: {}", kind, cause.toString());
      engine.unreadable(kind, dev.blame.api.ReasonCode.WATCH_STOPPED,
          "the watch of " + kind + " stopped (" + cause.getMessage() + ")");
    }
  }
}
