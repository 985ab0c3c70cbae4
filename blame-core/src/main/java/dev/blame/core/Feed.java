package dev.blame.core;

import dev.blame.api.GroupKind;
import dev.blame.core.internal.ClusterPort;
import dev.blame.core.internal.Fed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Objects of one kind that the caller already keeps in a cache, handed to a live {@link dev.blame.api.Blame} in
 * place of its own LIST+WATCH of that kind: an operator pays no extra request for the kinds it already watches.
 * Give it to {@link BlameEngine.Builder#feed(Feed)}; the Blame reads every other kind its queries involve from
 * the cluster as usual.
 *
 * <p>Two ways to make one:
 *
 * <ul>
 *   <li>From a fabric8 {@link SharedIndexInformer} ({@link #of(SharedIndexInformer)}): when a query first
 *       involves the kind, the feed waits for the informer to sync and registers itself as one of its event
 *       handlers; it unregisters when the Blame is closed. The informer is the caller's to start and stop.
 *   <li>Push ({@link #of(Class, Supplier)}): the caller forwards its own handler's calls to {@link #onAdd},
 *       {@link #onUpdate} and {@link #onDelete}, and gives a snapshot of its cache, read when a query first
 *       involves the kind. For a framework that keeps its informers to itself, such as Java Operator SDK, whose
 *       {@code InformerEventSource} is a {@link ResourceEventHandler} a subclass can forward from.
 * </ul>
 *
 * <p>The cache must hold the namespace the Blame reads (or every namespace); objects of other namespaces are
 * ignored. Objects are copied before the graph keeps anything (the cache's objects stay as they are), Secrets as
 * their metadata only. A feed serves one Blame at a time. Calls made before a query involves the kind are ignored:
 * the snapshot or the informer's cache has them.
 *
 * @param <T> the type of the cached objects
 */
public final class Feed<T extends HasMetadata> implements ResourceEventHandler<T> {

  private final Fed fed;

  private Feed(java.util.function.Function<Feed<T>, Fed> fed) {
    this.fed = fed.apply(this);
  }

  /**
   * A feed from a running (or soon started) informer of a typed kind ({@code Pod}, {@code Deployment}, a
   * {@code CustomResource} subclass).
   *
   * @param informer the caller's informer; it must not be a {@link GenericKubernetesResource} one (use
   *     {@link #of(ResourceDefinitionContext, SharedIndexInformer)})
   * @param <T> the informer's type
   * @return the feed
   * @throws IllegalArgumentException when the informer's type names no kind
   */
  public static <T extends HasMetadata> Feed<T> of(SharedIndexInformer<T> informer) {
    Objects.requireNonNull(informer, "informer");
    ClusterPort.ApiResource resource = resource(informer.getApiTypeClass());
    return new Feed<>(self -> Fed.pull(resource, informer, self));
  }

  /**
   * A feed from an informer of {@link GenericKubernetesResource}s of the kind {@code context} describes.
   *
   * @param context group, version, kind, plural and scope of the informer's objects
   * @param informer the caller's informer
   * @return the feed
   */
  public static Feed<GenericKubernetesResource> of(ResourceDefinitionContext context,
      SharedIndexInformer<GenericKubernetesResource> informer) {
    Objects.requireNonNull(informer, "informer");
    ClusterPort.ApiResource resource = resource(context);
    return new Feed<>(self -> Fed.pull(resource, informer, self));
  }

  /**
   * A push feed of a typed kind: the caller forwards its handler's calls and gives a snapshot of its cache.
   *
   * @param type the objects' class, naming their kind ({@code Deployment.class}, a {@code CustomResource})
   * @param cache what the caller's cache holds when called (say {@code () -> source.list(o -> true).toList()});
   *     called once, when a query first involves the kind
   * @param <T> the objects' type
   * @return the feed
   * @throws IllegalArgumentException when the type names no kind
   */
  public static <T extends HasMetadata> Feed<T> of(Class<T> type, Supplier<? extends Collection<? extends T>> cache) {
    ClusterPort.ApiResource resource = resource(type);
    Objects.requireNonNull(cache, "cache");
    return new Feed<>(self -> Fed.push(resource, cache));
  }

  /**
   * A push feed of {@link GenericKubernetesResource}s of the kind {@code context} describes.
   *
   * @param context group, version, kind, plural and scope of the objects
   * @param cache what the caller's cache holds when called
   * @return the feed
   */
  public static Feed<GenericKubernetesResource> of(ResourceDefinitionContext context,
      Supplier<? extends Collection<? extends GenericKubernetesResource>> cache) {
    ClusterPort.ApiResource resource = resource(context);
    Objects.requireNonNull(cache, "cache");
    return new Feed<>(self -> Fed.push(resource, cache));
  }

  /** {@return the kind this feed serves} */
  public GroupKind kind() {
    return fed.kind();
  }

  /** An object was added to the cache. */
  @Override
  public void onAdd(T object) {
    fed.upserted(object);
  }

  /** An object of the cache was updated (or resynced). */
  @Override
  public void onUpdate(T before, T after) {
    fed.upserted(after);
  }

  /** An object was deleted from the cache. */
  @Override
  public void onDelete(T object, boolean deletedFinalStateUnknown) {
    fed.deleted(object);
  }

  Fed fed() {
    return fed;
  }

  @Override
  public String toString() {
    return "Feed[" + fed.kind() + "]";
  }

  private static ClusterPort.ApiResource resource(Class<? extends HasMetadata> type) {
    Objects.requireNonNull(type, "type");
    String kind = HasMetadata.getKind(type);
    String version = HasMetadata.getVersion(type);
    if (GenericKubernetesResource.class.equals(type) || kind == null || version == null) {
      throw new IllegalArgumentException(type.getName() + " names no kind: give a ResourceDefinitionContext");
    }
    String group = HasMetadata.getGroup(type);
    return new ClusterPort.ApiResource(GroupKind.of(group == null ? "" : group, kind), version,
        HasMetadata.getPlural(type), Namespaced.class.isAssignableFrom(type));
  }

  private static ClusterPort.ApiResource resource(ResourceDefinitionContext context) {
    Objects.requireNonNull(context, "context");
    return new ClusterPort.ApiResource(
        GroupKind.of(context.getGroup() == null ? "" : context.getGroup(),
            Objects.requireNonNull(context.getKind(), "context.kind")),
        Objects.requireNonNull(context.getVersion(), "context.version"),
        Objects.requireNonNull(context.getPlural(), "context.plural"), context.isNamespaceScoped());
  }
}
