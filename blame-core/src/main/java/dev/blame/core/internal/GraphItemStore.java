package dev.blame.core.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * An informer's store that keeps nothing per object: it answers from what the graph holds of the informer's kind
 * and scope ({@link ClusterPort.Held}: namespace, name, uid and resourceVersion of each object the watch delivered),
 * plus a small overlay of the events fabric8 has stored but the graph has not applied yet.
 *
 * <p>Why an overlay. fabric8 calls {@link #put} and {@link #remove} on its watch thread (under its cache's lock),
 * then queues the notification; the handler ({@link Fabric8ClusterPort}) hands it to the graph later, on another
 * thread. In between, fabric8 must already see the new state: the next event for the object is compared with it,
 * and a re-list deletes what the store holds and the LIST does not. So every {@code put} and {@code remove} that
 * fabric8 will notify records the object's new state (its identity strings only; null when removed) under its key,
 * with a count of notifications in flight; the handler calls {@link #applied} once the graph has applied each one,
 * and the entry goes when none is left. Notifications reach the handler in the order they were issued, so when the
 * count is back to zero the graph holds what the last one said. Counting, not identity: fabric8 notifies a watch's
 * DELETED with the event's object, not the one {@link #remove} returned. Exactly the operations fabric8 notifies
 * count: a {@code put} that finds no object or another resourceVersion (fabric8 compares the strings, as here), a
 * {@code remove} that finds one; a {@code put} at the version held changes nothing, here as in the graph.
 *
 * <p>What it costs. Nothing per object at rest: the graph keeps each object's resourceVersion in its entry
 * ({@link Entry#version}, an {@code int}, 8 bytes more per entry, which the offline graph pays as well); the
 * overlay is empty once the handler has caught up, and its table is dropped when it had grown. The table of
 * parallel arrays this replaces ({@link InformerStore}, still used for Events, which the graph keeps per object they
 * are about, at most 64) cost ~56 B per added pod: the whole difference between the live and the offline graph in
 * the {@code live-heap} bench. With this store the live path retains no more per added pod than the offline graph
 * (live minus offline -2.6, -17.0 and -10.6 B per added pod from 2,000 to 20,000 pods in three pairs of runs:
 * docs/performance.md). Closed
 * ({@link #detach}), the store lets go of the graph: fabric8 keeps a closed informer's cache reachable.
 *
 * <p>What can differ from a store of its own. An object the graph fails to apply (the listener logs it and goes
 * on) is absent here once its notification is done: fabric8 then notifies its next event as an add, and a re-list
 * does not delete it (the graph does not hold it). Objects the graph holds from an earlier watch of the same kind
 * (a watch restarted) are the store's from the start: a re-list at the same version notifies nothing for them, and
 * one without them deletes them, which a store of its own would not have done.
 *
 * <p>Objects handed back ({@link #get}, {@link #values}, the return of {@link #put} and {@link #remove}) are new,
 * with only apiVersion, kind, namespace, name, uid and resourceVersion set, as {@link InformerStore}'s. Every method
 * holds the store's lock and reads the graph under the graph's read lock, never the other way round: the handler
 * calls {@link #applied} only once the graph has released its write lock.
 */
final class GraphItemStore<T extends HasMetadata> implements ItemStore<T> {

  /** An overlay table that grew past this is dropped once empty, not kept sized for an initial LIST. */
  private static final int KEPT_PEAK = 16;

  /** No objects: what a closed informer's store reads. */
  private static final ClusterPort.Held NOTHING = new ClusterPort.Held() {
    @Override
    public ClusterPort.Kept get(String namespace, String name) {
      return null;
    }

    @Override
    public List<ClusterPort.Kept> all() {
      return List.of();
    }
  };

  private ClusterPort.Held held;
  private final Supplier<T> blank;
  private final String apiVersion;
  private final String kind;
  /** By key: the state fabric8 stored last, while the graph has not applied every notification about it. */
  private Map<String, Pending> pending = new HashMap<>();
  private int peak;

  /** The state the graph will reach (null: the object removed) and the notifications it has still to apply. */
  private static final class Pending {
    ClusterPort.Kept state;
    int notifications;
  }

  private GraphItemStore(ClusterPort.Held held, Supplier<T> blank, String apiVersion, String kind) {
    this.held = held;
    this.blank = blank;
    this.apiVersion = apiVersion;
    this.kind = kind;
  }

  /** A store for a typed kind, whose class restores its apiVersion and kind. */
  static <T extends HasMetadata> GraphItemStore<T> typed(ClusterPort.Held held, Class<T> type) {
    return new GraphItemStore<>(held, InformerStore.blank(type), null, null);
  }

  /** A store for generic resources of one apiVersion and kind. */
  static GraphItemStore<GenericKubernetesResource> generic(ClusterPort.Held held, String apiVersion, String kind) {
    return new GraphItemStore<>(held, GenericKubernetesResource::new, apiVersion, kind);
  }

  @Override
  public String getKey(T obj) {
    return Cache.metaNamespaceKeyFunc(obj);
  }

  @Override
  public synchronized T put(String key, T obj) {
    ObjectMeta meta = obj.getMetadata();
    if (meta == null || meta.getName() == null) {
      throw new IllegalArgumentException("an object without a name: " + key);
    }
    ClusterPort.Kept before = current(key);
    String resourceVersion = meta.getResourceVersion();
    if (before != null && Objects.equals(before.resourceVersion(), resourceVersion)) {
      // fabric8 notifies nobody (a re-list, a watch replaying what the list returned): the graph keeps what it has.
      return restore(before);
    }
    // An empty namespace is none, as fabric8's key function has it (a cluster-scoped object keyed by its name).
    String namespace = meta.getNamespace() == null || meta.getNamespace().isEmpty() ? null : meta.getNamespace();
    issued(key, new ClusterPort.Kept(namespace, meta.getName(), meta.getUid(), resourceVersion));
    return before == null ? null : restore(before);
  }

  @Override
  public synchronized T remove(String key) {
    ClusterPort.Kept before = current(key);
    if (before == null) {
      return null;
    }
    issued(key, null);
    return restore(before);
  }

  @Override
  public synchronized T get(String key) {
    ClusterPort.Kept kept = current(key);
    return kept == null ? null : restore(kept);
  }

  @Override
  public synchronized Stream<String> keySet() {
    List<String> keys = new ArrayList<>();
    forEach(kept -> keys.add(key(kept)));
    return keys.stream();
  }

  @Override
  public synchronized Stream<T> values() {
    List<T> values = new ArrayList<>();
    forEach(kept -> values.add(restore(kept)));
    return values.stream();
  }

  @Override
  public synchronized int size() {
    int[] size = {0};
    forEach(kept -> size[0]++);
    return size[0];
  }

  /** Not the whole objects: fabric8 must hand over each one as it comes, not from this store after the list. */
  @Override
  public boolean isFullState() {
    return false;
  }

  /**
   * The graph has applied one notification about this object (or failed to, and will not): once it has applied
   * every notification issued about it, the store answers from the graph again.
   */
  synchronized void applied(HasMetadata object) {
    String key = Cache.metaNamespaceKeyFunc(object);
    Pending p = pending.get(key);
    if (p != null && --p.notifications <= 0) {
      pending.remove(key);
      if (pending.isEmpty() && peak > KEPT_PEAK) {
        pending = new HashMap<>();
        peak = 0;
      }
    }
  }

  /**
   * The informer is closed: the store lets go of the graph and of its overlay, and holds nothing from now on.
   * fabric8 may keep a closed informer's cache reachable; the graph must not stay reachable with it.
   */
  synchronized void detach() {
    held = NOTHING;
    pending = new HashMap<>();
    peak = 0;
  }

  /** The keys of objects with notifications the graph has not applied yet. */
  synchronized List<String> pendingKeys() {
    return new ArrayList<>(pending.keySet());
  }

  private void issued(String key, ClusterPort.Kept state) {
    Pending p = pending.computeIfAbsent(key, k -> new Pending());
    p.state = state;
    p.notifications++;
    peak = Math.max(peak, pending.size());
  }

  /** The object as fabric8 last stored it: the overlay's state, else the graph's. */
  private ClusterPort.Kept current(String key) {
    Pending p = pending.get(key);
    if (p != null) {
      return p.state;
    }
    int slash = key.indexOf('/');
    return slash < 0 ? held.get(null, key) : held.get(key.substring(0, slash), key.substring(slash + 1));
  }

  /** Every object as fabric8 last stored it. */
  private void forEach(java.util.function.Consumer<ClusterPort.Kept> action) {
    for (ClusterPort.Kept kept : held.all()) {
      if (pending.isEmpty() || !pending.containsKey(key(kept))) {
        action.accept(kept);
      }
    }
    for (Pending p : pending.values()) {
      if (p.state != null) {
        action.accept(p.state);
      }
    }
  }

  private static String key(ClusterPort.Kept kept) {
    return kept.namespace() == null ? kept.name() : kept.namespace() + "/" + kept.name();
  }

  private T restore(ClusterPort.Kept kept) {
    return InformerStore.restore(blank, apiVersion, kind, kept.namespace(), kept.name(), kept.uid(),
        kept.resourceVersion());
  }
}
