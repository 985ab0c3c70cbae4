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
 * What an informer keeps per object when the graph cannot answer for it ({@link GraphItemStore} does, for every
 * kind but Events, which the graph keeps per object they are about, at most 64 each): only what it needs to tell,
 * after a re-list, which objects are gone and what to name in their deletion, and to skip an event whose {@code
 * resourceVersion} it has already seen. The graph keeps its own slim copy of every object; the informer's store is
 * pure overhead beside it, so it holds no string of its own and no object per entry (~56 B per pod in the {@code
 * live-heap} bench when it served every kind: see docs/performance.md).
 *
 * <p>An open-addressing table of parallel arrays, one slot per object: the namespace (held once per namespace), the
 * name and uid (the very strings of the object last put, which the graph keeps too, so nothing is copied), and the
 * resourceVersion as a number when it is one, as etcd's are (it stays a string otherwise, in a side map: it is
 * opaque). 20 bytes a slot, no record or map node: fabric8's own reduced store keeps a {@code namespace/name} key
 * string per object and copies of uid and resourceVersion made by converting each object to a map, about 300 bytes
 * per object more; a record per object in a {@code ConcurrentHashMap} cost ~80.
 *
 * <p>Objects handed back ({@link #get}, {@link #values}, the return of {@link #put} and {@link #remove}) are new,
 * with only apiVersion, kind, namespace, name, uid and resourceVersion set: a deletion names its object by them.
 * Every method holds the store's lock: fabric8 writes one event at a time (under its cache's lock) and reads
 * rarely (the keys after a list, the whole store on a re-list), so there is no contention to avoid; {@link #keySet}
 * and {@link #values} stream a snapshot.
 */
final class InformerStore<T extends HasMetadata> implements ItemStore<T> {

  /** A resourceVersion that is not a plain number: the string is in {@link #texts}. */
  private static final long TEXT = -1;
  /** No resourceVersion at all. */
  private static final long NONE = -2;
  private static final int MIN_CAPACITY = 8;

  /** One string per namespace ever seen: kept when its objects go (one entry per namespace, not per object). */
  private final Map<String, String> namespaceStrings = new HashMap<>();
  private final Supplier<T> blank;
  private final String apiVersion;
  private final String kind;

  // Slot i is empty when names[i] is null. Linear probing; removal shifts the run back (no tombstones).
  private String[] namespaces = new String[MIN_CAPACITY];
  private String[] names = new String[MIN_CAPACITY];
  private String[] uids = new String[MIN_CAPACITY];
  private long[] versions = new long[MIN_CAPACITY];
  private int size;
  /** The resourceVersions that are not plain numbers, by key: none on a cluster backed by etcd. */
  private final Map<String, String> texts = new HashMap<>();

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
    return new InformerStore<>(blank(type), null, null);
  }

  /** New empty objects of a typed kind. */
  static <T extends HasMetadata> Supplier<T> blank(Class<T> type) {
    java.lang.reflect.Constructor<T> constructor;
    try {
      constructor = type.getDeclaredConstructor(); // looked up once: restoring runs on every event
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("no empty constructor in " + type.getName(), e);
    }
    return () -> {
      try {
        return constructor.newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create an empty " + type.getName(), e);
      }
    };
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
  public synchronized T put(String key, T obj) {
    ObjectMeta meta = obj.getMetadata();
    // An empty namespace is none, as fabric8's key function has it (a cluster-scoped object keyed by its name alone).
    String namespace = meta.getNamespace() == null || meta.getNamespace().isEmpty() ? null
        : namespaceStrings.computeIfAbsent(meta.getNamespace(), n -> n);
    String name = meta.getName();
    String uid = meta.getUid();
    String resourceVersion = meta.getResourceVersion();
    long version = number(resourceVersion);
    int slot = name == null ? -1 : find(namespace, name);
    if (slot >= 0) {
      T before = restore(slot);
      boolean sameVersion = versions[slot] == version
          && (version != TEXT || Objects.equals(texts.get(key(slot)), resourceVersion));
      if (!sameVersion || !Objects.equals(uids[slot], uid)) {
        // A newer version (or the object recreated under the same name): the graph takes it, and with it its
        // strings. A version seen again (a re-list, a watch replaying what the list returned) goes no further than
        // here, and the strings the graph holds stay those kept.
        names[slot] = name;
        uids[slot] = uid;
        setVersion(slot, version, resourceVersion);
      }
      return before;
    }
    if (name == null) {
      throw new IllegalArgumentException("an object without a name: " + key);
    }
    if ((size + 1) * 4L > names.length * 3L) {
      resize(names.length * 2);
      slot = find(namespace, name);
    }
    slot = -slot - 1;
    namespaces[slot] = namespace;
    names[slot] = name;
    uids[slot] = uid;
    setVersion(slot, version, resourceVersion);
    size++;
    return null;
  }

  @Override
  public synchronized T remove(String key) {
    int slot = find(key);
    if (slot < 0) {
      return null;
    }
    T removed = restore(slot);
    if (versions[slot] == TEXT) {
      texts.remove(key(slot));
    }
    delete(slot);
    if (names.length > MIN_CAPACITY && size * 8L < names.length) {
      resize(names.length / 2); // what a deleted namespace leaves is not kept sized for it
    }
    return removed;
  }

  @Override
  public synchronized Stream<String> keySet() {
    List<String> keys = new ArrayList<>(size);
    for (int i = 0; i < names.length; i++) {
      if (names[i] != null) {
        keys.add(key(i));
      }
    }
    return keys.stream();
  }

  @Override
  public synchronized Stream<T> values() {
    List<T> values = new ArrayList<>(size);
    for (int i = 0; i < names.length; i++) {
      if (names[i] != null) {
        values.add(restore(i));
      }
    }
    return values.stream();
  }

  @Override
  public synchronized int size() {
    return size;
  }

  @Override
  public synchronized T get(String key) {
    int slot = find(key);
    return slot < 0 ? null : restore(slot);
  }

  /** Not the whole objects: fabric8 must hand over each one as it comes, not from this store after the list. */
  @Override
  public boolean isFullState() {
    return false;
  }

  /** The slot of a key as fabric8 writes it ({@code namespace/name}, or the name alone). */
  private int find(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? find(null, key) : find(key.substring(0, slash), key.substring(slash + 1));
  }

  /** The slot holding the object, or {@code -(the empty slot where it would go) - 1}. */
  private int find(String namespace, String name) {
    int mask = names.length - 1;
    int i = hash(namespace, name) & mask;
    while (names[i] != null) {
      if (names[i].equals(name) && Objects.equals(namespaces[i], namespace)) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return -i - 1;
  }

  private static int hash(String namespace, String name) {
    int h = Objects.hashCode(namespace) * 31 + name.hashCode();
    h *= 0x9E3779B9; // spread: names of one workload differ in their last characters only
    return h ^ (h >>> 16);
  }

  /** Empties a slot and moves back what probed past it (linear probing's deletion, leaving no tombstone). */
  private void delete(int slot) {
    int mask = names.length - 1;
    int hole = slot;
    int i = slot;
    while (true) {
      i = (i + 1) & mask;
      if (names[i] == null) {
        break;
      }
      int home = hash(namespaces[i], names[i]) & mask;
      // The entry at i may fill the hole when its home is not cyclically within (hole, i].
      if (hole <= i ? (home <= hole || home > i) : (home <= hole && home > i)) {
        namespaces[hole] = namespaces[i];
        names[hole] = names[i];
        uids[hole] = uids[i];
        versions[hole] = versions[i];
        hole = i;
      }
    }
    namespaces[hole] = null;
    names[hole] = null;
    uids[hole] = null;
    versions[hole] = 0;
    size--;
  }

  private void resize(int capacity) {
    String[] oldNamespaces = namespaces;
    String[] oldNames = names;
    String[] oldUids = uids;
    long[] oldVersions = versions;
    namespaces = new String[capacity];
    names = new String[capacity];
    uids = new String[capacity];
    versions = new long[capacity];
    for (int j = 0; j < oldNames.length; j++) {
      if (oldNames[j] != null) {
        int slot = -find(oldNamespaces[j], oldNames[j]) - 1;
        namespaces[slot] = oldNamespaces[j];
        names[slot] = oldNames[j];
        uids[slot] = oldUids[j];
        versions[slot] = oldVersions[j];
      }
    }
  }

  /**
   * The resourceVersion as a number when it is one written as {@link Long#toString} writes it (etcd's are), else
   * {@link #TEXT} or {@link #NONE}: 8 bytes where the string takes about 48.
   */
  private static long number(String resourceVersion) {
    if (resourceVersion == null) {
      return NONE;
    }
    if (!resourceVersion.isEmpty() && resourceVersion.length() < 19
        && resourceVersion.chars().allMatch(c -> c >= '0' && c <= '9')) {
      long parsed = Long.parseLong(resourceVersion);
      if (Long.toString(parsed).equals(resourceVersion)) {
        return parsed;
      }
    }
    return TEXT;
  }

  private void setVersion(int slot, long version, String resourceVersion) {
    if (version == TEXT) {
      texts.put(key(slot), resourceVersion);
    } else if (versions[slot] == TEXT) {
      texts.remove(key(slot));
    }
    versions[slot] = version;
  }

  private String key(int slot) {
    return namespaces[slot] == null ? names[slot] : namespaces[slot] + "/" + names[slot];
  }

  private T restore(int slot) {
    long version = versions[slot];
    String resourceVersion = version >= 0 ? Long.toString(version) : version == TEXT ? texts.get(key(slot)) : null;
    return restore(blank, apiVersion, kind, namespaces[slot], names[slot], uids[slot], resourceVersion);
  }

  /** A new object naming one: apiVersion and kind (from its class, or these for a generic one) and metadata. */
  static <T extends HasMetadata> T restore(Supplier<T> blank, String apiVersion, String kind, String namespace,
      String name, String uid, String resourceVersion) {
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
}
