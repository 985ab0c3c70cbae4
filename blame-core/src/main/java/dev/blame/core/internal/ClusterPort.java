package dev.blame.core.internal;

import dev.blame.api.GroupKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * What the listener keeps of the watch's objects once it has applied them, for the port's informer to answer
     * from instead of keeping its own copy ({@code GraphItemStore}); null (the default) when it keeps nothing the
     * port can read, and the port keeps its own.
     *
     * @param resource the watched resource
     * @param namespace the watched namespace, null for all (or a cluster-scoped resource)
     */
    default Held held(ApiResource resource, String namespace) {
      return null;
    }
  }

  /**
   * What a listener holds of one watch's objects, as they were when it last applied them. Called from the port's
   * threads while the listener may be applying an object on another: each call sees one state.
   */
  interface Held {
    /** The object by namespace (null when cluster-scoped) and name; null when the listener holds none. */
    Kept get(String namespace, String name);

    /** Every object held, in no particular order. */
    List<Kept> all();
  }

  /** What an informer needs of an object it delivered: namespace (null when cluster-scoped), name, uid, version. */
  record Kept(String namespace, String name, String uid, String resourceVersion) {}

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

  /**
   * One paginated LIST of a resource in a namespace ({@code null}: all namespaces), and no watch: for a source
   * that answers once and closes. By default a watch started and closed once its initial LIST is in.
   *
   * @throws dev.blame.api.BlameException naming the request when the LIST fails or times out
   */
  default List<HasMetadata> list(ApiResource resource, String namespace) {
    List<HasMetadata> objects = new ArrayList<>();
    AutoCloseable watch = watch(resource, namespace, new WatchListener() {
      @Override
      public void upserted(HasMetadata object) {
        synchronized (objects) {
          objects.add(object);
        }
      }

      @Override
      public void deleted(HasMetadata object) {}

      @Override
      public void failed(GroupKind kind, Throwable cause) {}
    });
    try {
      watch.close();
    } catch (Exception e) {
      // Closing a watch no one reads any more.
    }
    synchronized (objects) {
      return List.copyOf(objects);
    }
  }

  @Override
  void close();
}
