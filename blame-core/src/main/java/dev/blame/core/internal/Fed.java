package dev.blame.core.internal;

import dev.blame.api.BlameException;
import dev.blame.api.GroupKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One kind whose objects come from a cache the caller already keeps (an informer, an operator framework's event
 * source), not from a LIST+WATCH of blame's own: the machinery behind {@link dev.blame.core.Feed}. Attached to a
 * watch listener when a query first involves the kind ({@link FedClusterPort}); until then what it is handed is
 * dropped, the cache holding it.
 *
 * <p>Two ways in. <b>Pull</b> (a fabric8 {@link SharedIndexInformer}): on attach it waits for the informer to
 * sync, registers the feed as an event handler (fabric8 hands a new handler every cached object as an add) and
 * returns once every object the cache held then has been delivered. <b>Push</b> (the caller forwards its
 * handler's calls): on attach it reads the caller's snapshot of the cache and delivers it, calls that arrive
 * meanwhile waiting behind it, so the last state delivered is the newest.
 *
 * <p>Objects are copied before delivery: the graph trims what it keeps, and the cache's objects are the caller's.
 * Secrets are reduced to their metadata first ({@link SecretMetadata#normalize}), so their data is never copied.
 * Namespaced objects outside the watched namespace are dropped.
 */
public final class Fed {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final ClusterPort.ApiResource resource;
  private final SharedIndexInformer<? extends HasMetadata> informer;
  private final Supplier<? extends Collection<? extends HasMetadata>> snapshot;
  private final Object handler;
  private ClusterPort.WatchListener listener;
  private String namespace;
  /** Pull, while attaching: keys delivered so far. */
  private Set<String> seen;

  private Fed(ClusterPort.ApiResource resource, SharedIndexInformer<? extends HasMetadata> informer,
      Supplier<? extends Collection<? extends HasMetadata>> snapshot, Object handler) {
    this.resource = Objects.requireNonNull(resource, "resource");
    this.informer = informer;
    this.snapshot = snapshot;
    this.handler = handler;
  }

  /**
   * A pull feed.
   *
   * @param handler what to register on the informer: the public feed, which forwards to this object
   */
  public static Fed pull(ClusterPort.ApiResource resource, SharedIndexInformer<? extends HasMetadata> informer,
      io.fabric8.kubernetes.client.informers.ResourceEventHandler<?> handler) {
    return new Fed(resource, Objects.requireNonNull(informer, "informer"), null, handler);
  }

  /** A push feed, with the caller's snapshot of its cache. */
  public static Fed push(ClusterPort.ApiResource resource,
      Supplier<? extends Collection<? extends HasMetadata>> snapshot) {
    return new Fed(resource, null, Objects.requireNonNull(snapshot, "snapshot"), null);
  }

  /** The resource as the feed declares it: no discovery is asked. */
  public ClusterPort.ApiResource resource() {
    return resource;
  }

  public GroupKind kind() {
    return resource.kind();
  }

  /** An object was added or updated in the caller's cache. */
  public void upserted(HasMetadata object) {
    deliver(object, ClusterPort.WatchListener::upserted);
  }

  /** An object was deleted from the caller's cache. */
  public void deleted(HasMetadata object) {
    deliver(object, ClusterPort.WatchListener::deleted);
  }

  private void deliver(HasMetadata object,
      java.util.function.BiConsumer<ClusterPort.WatchListener, HasMetadata> how) {
    ClusterPort.WatchListener to;
    synchronized (this) {
      if (listener == null || !inScope(object)) {
        return;
      }
      to = listener;
      if (seen != null) {
        seen.add(Cache.metaNamespaceKeyFunc(object));
        notifyAll();
      }
      if (snapshot != null) {
        // Push: delivered under the lock, so a call made while the snapshot is delivered comes after it.
        how.accept(to, copy(object));
        return;
      }
    }
    how.accept(to, copy(object));
  }

  private boolean inScope(HasMetadata object) {
    return namespace == null || !resource.namespaced() || object.getMetadata() == null
        || namespace.equals(object.getMetadata().getNamespace());
  }

  private HasMetadata copy(HasMetadata object) {
    HasMetadata own = resource.kind().equals(GroupKind.SECRET) ? SecretMetadata.normalize(object) : object;
    return SERIALIZATION.clone(own);
  }

  /**
   * Starts delivering to the listener; returns once the cache's current objects are delivered.
   *
   * @param namespace the namespace watched, or null for all
   * @throws BlameException of kind TIMEOUT when a pull feed's informer has not synced within the timeout, or its
   *     objects are not delivered within it
   * @throws IllegalStateException when the feed is already attached (one feed serves one Blame)
   */
  public AutoCloseable attach(String namespace, ClusterPort.WatchListener to, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      if (listener != null) {
        throw new IllegalStateException("the feed of " + resource.kind() + " already serves a Blame");
      }
    }
    if (snapshot != null) {
      synchronized (this) {
        this.namespace = namespace;
        this.listener = to;
        for (HasMetadata object : List.copyOf(snapshot.get())) {
          if (inScope(object)) {
            to.upserted(copy(object));
          }
        }
      }
      return this::detach;
    }
    awaitSynced(deadline, timeout);
    synchronized (this) {
      this.namespace = namespace;
      this.listener = to;
      this.seen = new HashSet<>();
    }
    @SuppressWarnings("unchecked")
    SharedIndexInformer<HasMetadata> informer = (SharedIndexInformer<HasMetadata>) this.informer;
    @SuppressWarnings("unchecked")
    io.fabric8.kubernetes.client.informers.ResourceEventHandler<HasMetadata> handler =
        (io.fabric8.kubernetes.client.informers.ResourceEventHandler<HasMetadata>) this.handler;
    informer.addEventHandler(handler);
    informer.stopped().whenComplete((ignored, error) -> {
      ClusterPort.WatchListener current;
      synchronized (this) {
        current = listener;
      }
      if (error != null && current != null) {
        current.failed(resource.kind(), error);
      }
    });
    try {
      awaitDelivered(deadline, timeout);
    } catch (RuntimeException e) {
      detach();
      throw e;
    }
    return this::detach;
  }

  private void awaitSynced(long deadline, Duration timeout) {
    while (!informer.hasSynced()) {
      if (System.nanoTime() >= deadline) {
        throw new BlameException(BlameException.Kind.TIMEOUT, "the informer fed for " + resource.kind()
            + " has not synced within " + timeout + (informer.isRunning() ? "" : " (it is not running)"));
      }
      sleep();
    }
  }

  /** Every object the informer held when the feed was registered has been handed over, or is gone since. */
  private void awaitDelivered(long deadline, Duration timeout) {
    List<String> keys = new ArrayList<>();
    for (HasMetadata object : informer.getStore().list()) {
      if (inScope(object)) {
        keys.add(Cache.metaNamespaceKeyFunc(object));
      }
    }
    synchronized (this) {
      try {
        for (String key : keys) {
          while (!seen.contains(key) && informer.getStore().getByKey(key) != null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
              throw new BlameException(BlameException.Kind.TIMEOUT, "the informer fed for " + resource.kind()
                  + " did not hand over its objects within " + timeout + " (" + key + " missing)");
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, POLL_NANOS));
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BlameException(BlameException.Kind.TIMEOUT, "interrupted while reading the informer fed for "
            + resource.kind(), e);
      } finally {
        seen = null;
      }
    }
  }

  private static void sleep() {
    try {
      TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BlameException(BlameException.Kind.TIMEOUT, "interrupted while waiting for an informer to sync", e);
    }
  }

  private void detach() {
    if (informer != null) {
      @SuppressWarnings("unchecked")
      SharedIndexInformer<HasMetadata> informer = (SharedIndexInformer<HasMetadata>) this.informer;
      @SuppressWarnings("unchecked")
      io.fabric8.kubernetes.client.informers.ResourceEventHandler<HasMetadata> handler =
          (io.fabric8.kubernetes.client.informers.ResourceEventHandler<HasMetadata>) this.handler;
      informer.removeEventHandler(handler);
    }
    synchronized (this) {
      listener = null;
      seen = null;
    }
  }
}
