package dev.blame.demo;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * An informer's cache with read-your-writes: objects the simulator just wrote (or deleted) are seen by
 * the next tick even if the watch event has not arrived yet, so controllers never act twice on stale
 * state. Overlay entries drop out as soon as the informer has caught up.
 */
final class Cache<T extends HasMetadata> implements AutoCloseable {

  private final SharedIndexInformer<T> informer;
  private final Map<String, T> written = new ConcurrentHashMap<>();
  private final Map<String, String> deleted = new ConcurrentHashMap<>();
  /**
   * The uids the informer saw deleted, most recent last: a write whose answer arrives after the object's DELETE event
   * (the garbage collector removed it meanwhile) must not put it back into the overlay, where nothing would ever take it
   * out again (the kubelet step then failed on its GET every tick and no pod moved any more).
   */
  private final Set<String> gone = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > 10_000;
    }
  }));

  Cache(SharedIndexInformer<T> informer, Runnable onChange) {
    this.informer = informer;
    informer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        caughtUp(obj);
        onChange.run();
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        caughtUp(newObj);
        onChange.run();
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        gone.add(uid(obj));
        written.computeIfPresent(key(obj), (k, w) -> uid(w).equals(uid(obj)) ? null : w);
        deleted.remove(key(obj));
        onChange.run();
      }
    });
  }

  SharedIndexInformer<T> informer() {
    return informer;
  }

  private void caughtUp(T obj) {
    written.computeIfPresent(key(obj), (k, w) -> rv(w) <= rv(obj) ? null : w);
  }

  static String key(HasMetadata o) {
    String ns = o.getMetadata().getNamespace();
    return (ns == null ? "" : ns) + "/" + o.getMetadata().getName();
  }

  private static long rv(HasMetadata o) {
    try {
      return Long.parseLong(o.getMetadata().getResourceVersion());
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static String uid(HasMetadata o) {
    return String.valueOf(o.getMetadata().getUid());
  }

  void wrote(T obj) {
    if (gone.contains(uid(obj))) {
      return;
    }
    deleted.remove(key(obj));
    written.put(key(obj), obj);
    if (gone.contains(uid(obj))) {
      written.remove(key(obj), obj); // deleted while it was being put: onDelete had nothing to take out yet
    }
  }

  void deleted(T obj) {
    written.remove(key(obj));
    deleted.put(key(obj), uid(obj));
  }

  /** Every object, sorted by namespace and name. */
  List<T> list() {
    Map<String, T> result = new TreeMap<>();
    for (T o : informer.getStore().list()) {
      result.put(key(o), o);
    }
    written.forEach((k, w) -> {
      T cached = result.get(k);
      if (cached == null || rv(cached) < rv(w)) {
        result.put(k, w);
      }
    });
    deleted.forEach((k, uid) -> {
      T o = result.get(k);
      if (o != null && uid(o).equals(uid)) {
        result.remove(k);
      }
    });
    return new ArrayList<>(result.values());
  }

  List<T> list(Predicate<T> filter) {
    return list().stream().filter(filter).toList();
  }

  List<T> inNamespace(String namespace) {
    return list(o -> namespace.equals(o.getMetadata().getNamespace()));
  }

  Optional<T> get(String namespace, String name) {
    String k = (namespace == null ? "" : namespace) + "/" + name;
    return list().stream().filter(o -> key(o).equals(k)).findFirst();
  }

  /** Objects whose controller owner reference has {@code uid}. */
  List<T> ownedBy(String uid) {
    return list(o -> o.getMetadata().getOwnerReferences().stream()
        .anyMatch(r -> Boolean.TRUE.equals(r.getController()) && uid.equals(r.getUid())));
  }

  @Override
  public void close() {
    informer.close();
  }
}
