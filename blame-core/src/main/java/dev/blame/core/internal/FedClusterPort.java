package dev.blame.core.internal;

import dev.blame.api.GroupKind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A port that answers the kinds the caller feeds ({@link Fed}) from the caller's caches, without a request, and
 * every other kind through the port it wraps: {@link ClusterSource} then watches a fed kind like any other, at no
 * cost to the cluster.
 */
public final class FedClusterPort implements ClusterPort {

  private final ClusterPort delegate;
  private final Map<GroupKind, Fed> feeds = new LinkedHashMap<>();
  private final Duration timeout;

  /**
   * @param timeout how long a fed informer may take to sync and hand over its objects
   * @throws IllegalArgumentException when two feeds serve one kind
   */
  public FedClusterPort(ClusterPort delegate, List<Fed> feeds, Duration timeout) {
    this.delegate = delegate;
    this.timeout = timeout;
    for (Fed fed : feeds) {
      if (this.feeds.putIfAbsent(fed.kind(), fed) != null) {
        delegate.close();
        throw new IllegalArgumentException("two feeds serve kind " + fed.kind());
      }
    }
  }

  /** The kinds fed. */
  public java.util.Set<GroupKind> fedKinds() {
    return java.util.Set.copyOf(feeds.keySet());
  }

  @Override
  public Optional<ApiResource> resolve(GroupKind kind) {
    Fed fed = feeds.get(kind);
    return fed != null ? Optional.of(fed.resource()) : delegate.resolve(kind);
  }

  @Override
  public AutoCloseable watch(ApiResource resource, String namespace, WatchListener listener) {
    Fed fed = feeds.get(resource.kind());
    return fed != null ? fed.attach(namespace, listener, timeout) : delegate.watch(resource, namespace, listener);
  }

  @Override
  public List<io.fabric8.kubernetes.api.model.HasMetadata> list(ApiResource resource, String namespace) {
    // A fed kind: attached and detached at once (ClusterPort's default), reading the caller's cache.
    return feeds.containsKey(resource.kind()) ? ClusterPort.super.list(resource, namespace)
        : delegate.list(resource, namespace);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
