package dev.blame.core.internal;

import dev.blame.api.GroupKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Optional;

/**
 * The narrow port to a cluster: resolve a kind, and LIST+WATCH it. {@link Fabric8ClusterPort} is the only
 * implementation that touches a Kubernetes client; tests may substitute an in-memory one.
 */
public interface ClusterPort extends AutoCloseable {

  /** A kind as the API serves it. */
  record ApiResource(GroupKind kind, String version, String plural, boolean namespaced) {
    public String apiVersion() {
      return kind.isCore() ? version : kind.group() + "/" + version;
    }
  }

  /** Receives a watch's objects; called from the port's threads, one at a time per watch. */
  interface WatchListener {
    void upserted(HasMetadata object);

    void deleted(HasMetadata object);

    /** The watch stopped for good (not a transient reconnect the client handles itself). */
    void failed(GroupKind kind, Throwable cause);
  }

  /**
   * Resolves a kind through discovery. Empty when the cluster does not serve it.
   *
   * @throws dev.blame.api.BlameException when the cluster cannot be asked
   */
  Optional<ApiResource> resolve(GroupKind kind);

  /**
   * Starts a LIST+WATCH of one resource in a namespace ({@code null}: all namespaces) and returns once the
   * initial LIST has been delivered to the listener.
   *
   * @throws dev.blame.api.BlameException naming the request when the LIST fails or times out
   */
  AutoCloseable watch(ApiResource resource, String namespace, WatchListener listener);

  @Override
  void close();
}
