package dev.blame.core.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What an informer keeps per object: only what it needs to tell, after a re-list, which objects are gone and what
 * to name in their deletion, and to skip an event whose {@code resourceVersion} it has already seen. The graph
 * keeps its own slim copy of every object; the informer's store is pure overhead beside it, so it holds no string of
 * its own.
 *
 * <p>One small record per object, which is at once the map's key (by namespace and name) and its value: the
 * namespace (held once per namespace), the name and uid (the very strings of the object last put, which the graph
 * keeps too, so nothing is copied), and the resourceVersion as a number when it is one, as etcd's are (it stays a
 * string otherwise: it is opaque). fabric8's own reduced store keeps a {@code namespace/name} key string per object
 * and copies of uid and resourceVersion made by converting each object to a map: about 300 bytes per object more.
 *
 * <p>Objects handed back ({@link #get}, {@link #values}, the return of {@link #put} and {@link #remove}) are new,
 * with only apiVersion, kind, namespace, name, uid and resourceVersion set: a deletion names its object by them.
 * Writes come from the informer, one at a time (fabric8's cache serialises them); reads may come from any thread.
 */
final class InformerStore<T extends HasMetadata> implements ItemStore<T> {

  private final ConcurrentHashMap<Held, Held> items = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> namespaces = new ConcurrentHashMap<>();
  private final Supplier<T> blank;
  private final String apiVersion;
  private final String kind;

  /**
   * @param blank a new, empty object of the informer's type
   * @param apiVersion the apiVersion a generic resource is restored with (it has none of its own); unused for a
   *     typed kind, whose class has its own
   * @param kind the kind a generic resource is restored with; unused for a typed kind
   */
  InformerStore(Supplier<T> blank, String apiVersion, String kind) {
    this.blank = blank;
    this.apiVersion = apiVersion;
    this.kind = kind;
  }

  /** A store for a typed kind, whose class restores its apiVersion and kind. */
  static <T extends HasMetadata> InformerStore<T> typed(Class<T> type) {
    java.lang.reflect.Constructor<T> constructor;
    try {
      constructor = type.getDeclaredConstructor(); // looked up once: restoring runs on every event
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("no empty constructor in " + type.getName(), e);
    }
    return new InformerStore<>(() -> {
      try {
        return constructor.newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create an empty " + type.getName(), e);
      }
    }, null, null);
  }

  /** A store for generic resources of one apiVersion and kind. */
  static InformerStore<GenericKubernetesResource> generic(String apiVersion, String kind) {
    return new InformerStore<>(GenericKubernetesResource::new, apiVersion, kind);
  }

  @Override
  public String getKey(T obj) {
    return Cache.metaNamespaceKeyFunc(obj);
  }

  @Override
  public T put(String key, T obj) {
    ObjectMeta meta = obj.getMetadata();
    String namespace = meta.getNamespace() == null ? null : namespaces.computeIfAbsent(meta.getNamespace(), n -> n);
    Held fresh = new Held(namespace, meta.getName(), meta.getUid(), meta.getResourceVersion());
    Held old = items.get(fresh);
    if (old != null && Objects.equals(old.uid, fresh.uid)) {
      // The same object, a newer version: updated in place, so that no second record of it is kept. A reader sees
      // the old resourceVersion or the new one. The strings become the new object's, which the graph now holds.
      T before = restore(old.namespace, old.name, old.uid, old.version());
      if (!old.sameVersion(fresh)) {
        // Only then does the graph take the new object; a version seen again (a re-list, a watch replaying what
        // the list returned) goes no further than here, and the strings the graph holds stay those kept.
        old.update(fresh);
      }
      return before;
    }
    if (old != null) {
      items.remove(old);
    }
    items.put(fresh, fresh);
    return old == null ? null : restore(old.namespace, old.name, old.uid, old.version());
  }

  @Override
  public T remove(String key) {
    Held old = items.remove(Held.probe(key));
    return old == null ? null : restore(old.namespace, old.name, old.uid, old.version());
  }

  @Override
  public Stream<String> keySet() {
    return items.keySet().stream().map(Held::key);
  }

  @Override
  public Stream<T> values() {
    return items.keySet().stream().map(h -> restore(h.namespace, h.name, h.uid, h.version()));
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public T get(String key) {
    Held held = items.get(Held.probe(key));
    return held == null ? null : restore(held.namespace, held.name, held.uid, held.version());
  }

  /** Not the whole objects: fabric8 must hand over each one as it comes, not from this store after the list. */
  @Override
  public boolean isFullState() {
    return false;
  }

  private T restore(String namespace, String name, String uid, String resourceVersion) {
    T object = blank.get();
    if (object instanceof GenericKubernetesResource generic) {
      generic.setApiVersion(apiVersion);
      generic.setKind(kind);
    }
    ObjectMeta meta = new ObjectMeta();
    meta.setNamespace(namespace);
    meta.setName(name);
    meta.setUid(uid);
    meta.setResourceVersion(resourceVersion);
    object.setMetadata(meta);
    return object;
  }

  /** One object: equal by namespace and name (the informer's key); uid and resourceVersion follow its updates. */
  private static final class Held {
    final String namespace;
    volatile String name;
    volatile String uid;
    /**
     * The resourceVersion when it is a number written as {@link Long#toString} writes it (etcd's are), else -1 and
     * the string is in {@link #text}: 8 bytes where the string takes about 48. A reader reads {@code number} first;
     * a writer sets {@code text} before {@code number} and never clears it, so a reader never sees half an update.
     */
    volatile long number;
    volatile String text;

    Held(String namespace, String name, String uid, String resourceVersion) {
      this.namespace = namespace;
      this.name = name;
      this.uid = uid;
      setVersion(resourceVersion);
    }

    /** A key to look up with: {@code namespace/name}, or a cluster-scoped {@code name}. */
    static Held probe(String key) {
      int slash = key.indexOf('/');
      return slash < 0 ? new Held(null, key, null, null)
          : new Held(key.substring(0, slash), key.substring(slash + 1), null, null);
    }

    void update(Held newer) {
      name = newer.name;
      uid = newer.uid;
      if (newer.number < 0) {
        text = newer.text;
      }
      number = newer.number;
    }

    boolean sameVersion(Held other) {
      return number == other.number && (number >= 0 || Objects.equals(text, other.text));
    }

    private void setVersion(String resourceVersion) {
      if (resourceVersion != null && !resourceVersion.isEmpty() && resourceVersion.length() < 19
          && resourceVersion.chars().allMatch(c -> c >= '0' && c <= '9')) {
        long parsed = Long.parseLong(resourceVersion);
        if (Long.toString(parsed).equals(resourceVersion)) {
          number = parsed;
          return;
        }
      }
      text = resourceVersion;
      number = -1;
    }

    String version() {
      long n = number;
      return n >= 0 ? Long.toString(n) : text;
    }

    String key() {
      return namespace == null ? name : namespace + "/" + name;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Held h && Objects.equals(namespace, h.namespace) && Objects.equals(name, h.name);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(namespace) * 31 + Objects.hashCode(name);
    }
  }
}
