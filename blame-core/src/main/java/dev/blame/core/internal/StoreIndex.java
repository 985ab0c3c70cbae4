package dev.blame.core.internal;

import dev.blame.api.EdgeKind;
import dev.blame.api.ObjectRef;
import dev.blame.api.spi.Link;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * One index of {@link GraphStore}, which owns its own upkeep: {@link #add} when an entry is stored, {@link #remove}
 * with the same entry when it goes (entries are replaced, never changed in what an index reads). After any
 * sequence of adds and removes an index equals one built by adding the entries present
 * ({@code GraphStoreIndexTest} checks this on random upserts and deletes); {@link #content} is what is compared.
 */
abstract class StoreIndex {

  abstract void add(Entry entry);

  abstract void remove(Entry entry);

  /** The index as plain maps and sets, to compare with a rebuild. */
  abstract Object content();

  static <K> void removeFrom(Map<K, ? extends Set<ObjectRef>> index, K indexKey, ObjectRef key) {
    Set<ObjectRef> set = index.get(indexKey);
    if (set != null) {
      set.remove(key);
      if (set.isEmpty()) {
        index.remove(indexKey);
      }
    }
  }

  /** Objects by uid. */
  static final class ByUid extends StoreIndex {
    final Map<String, ObjectRef> map = new HashMap<>();

    @Override
    void add(Entry entry) {
      entry.node.ref().uid().ifPresent(uid -> map.put(uid, entry.key));
    }

    @Override
    void remove(Entry entry) {
      entry.node.ref().uid().ifPresent(uid -> map.remove(uid, entry.key));
    }

    @Override
    Object content() {
      return map;
    }
  }

  /** Objects by kind and namespace, sorted. */
  static final class ByKindNs extends StoreIndex {
    final Map<KindNs, NavigableSet<ObjectRef>> map = new HashMap<>();

    @Override
    void add(Entry entry) {
      map.computeIfAbsent(KindNs.of(entry.key), k -> new TreeSet<>()).add(entry.key);
    }

    @Override
    void remove(Entry entry) {
      removeFrom(map, KindNs.of(entry.key), entry.key);
    }

    @Override
    Object content() {
      return map;
    }
  }

  /** Objects by kind and namespace, then by {@code key=value} of each label. */
  static final class ByLabel extends StoreIndex {
    final Map<KindNs, Map<String, Set<ObjectRef>>> map = new HashMap<>();

    @Override
    void add(Entry entry) {
      ObjectRef key = entry.key;
      Map<String, Set<ObjectRef>> labels = map.computeIfAbsent(KindNs.of(key), k -> new HashMap<>());
      entry.node.labels().forEach((k, v) -> labels.computeIfAbsent(k + "=" + v, x -> new RefSet()).add(key));
      if (labels.isEmpty()) {
        map.remove(KindNs.of(key));
      }
    }

    @Override
    void remove(Entry entry) {
      KindNs scope = KindNs.of(entry.key);
      Map<String, Set<ObjectRef>> labels = map.get(scope);
      if (labels != null) {
        entry.node.labels().forEach((k, v) -> removeFrom(labels, k + "=" + v, entry.key));
        if (labels.isEmpty()) {
          map.remove(scope);
        }
      }
    }

    @Override
    Object content() {
      return map;
    }
  }

  /**
   * Objects by the owner their ownerReferences name, then by their own namespace: a reference does not say
   * whether its owner is namespaced, and many namespaces hold a "web" Deployment, so a namespaced owner looks
   * only at children in its own namespace (a cluster-scoped one at all of them). Sorted, so that a namespaced
   * owner's children come sorted.
   */
  static final class ByOwner extends StoreIndex {
    final Map<OwnerKey, Map<String, Set<ObjectRef>>> map = new HashMap<>();

    @Override
    void add(Entry entry) {
      for (Entry.OwnerLink owner : entry.owners) {
        map.computeIfAbsent(owner.owner(), k -> new HashMap<>())
            .computeIfAbsent(entry.key.namespace(), k -> new TreeSet<>()).add(entry.key);
      }
    }

    @Override
    void remove(Entry entry) {
      for (Entry.OwnerLink owner : entry.owners) {
        Map<String, Set<ObjectRef>> byNamespace = map.get(owner.owner());
        if (byNamespace != null) {
          removeFrom(byNamespace, entry.key.namespace(), entry.key);
          if (byNamespace.isEmpty()) {
            map.remove(owner.owner());
          }
        }
      }
    }

    @Override
    Object content() {
      return map;
    }
  }

  /** Sources of by-name links, per target, then per edge kind: one lookup finds all of a target's. */
  static final class ByLinkTarget extends StoreIndex {
    final Map<ObjectRef, Map<EdgeKind, Set<ObjectRef>>> map = new HashMap<>();

    @Override
    void add(Entry entry) {
      for (Link link : entry.links) {
        if (link.target().isPresent()) {
          map.computeIfAbsent(link.target().get(), k -> new EnumMap<>(EdgeKind.class))
              .computeIfAbsent(link.kind(), k -> new RefSet()).add(entry.key);
        }
      }
    }

    @Override
    void remove(Entry entry) {
      for (Link link : entry.links) {
        if (link.target().isPresent()) {
          Map<EdgeKind, Set<ObjectRef>> byKind = map.get(link.target().get());
          if (byKind != null) {
            removeFrom(byKind, link.kind(), entry.key);
            if (byKind.isEmpty()) {
              map.remove(link.target().get());
            }
          }
        }
      }
    }

    @Override
    Object content() {
      return map;
    }
  }

  /**
   * Sources of selector links (of any edge kind), per scope (target kind and namespace), then by anchor: one
   * label the selector requires, as key then value, or none ({@link Anchors#unanchored}), so that the selectors
   * that may match an object are found from its labels without building strings, not by trying every selector in
   * its namespace.
   */
  static final class BySelector extends StoreIndex {
    final Map<KindNs, Anchors> map = new HashMap<>();

    @Override
    void add(Entry entry) {
      for (Link link : entry.links) {
        if (link.target().isEmpty()) {
          String anchorKey = anchorKey(link);
          map.computeIfAbsent(scopeOf(link), k -> new Anchors())
              .sources(anchorKey, anchorValue(link, anchorKey), true).add(entry.key);
        }
      }
    }

    @Override
    void remove(Entry entry) {
      for (Link link : entry.links) {
        if (link.target().isEmpty()) {
          KindNs linkScope = scopeOf(link);
          Anchors anchors = map.get(linkScope);
          if (anchors != null) {
            String anchorKey = anchorKey(link);
            anchors.remove(anchorKey, anchorValue(link, anchorKey), entry.key);
            if (anchors.isEmpty()) {
              map.remove(linkScope);
            }
          }
        }
      }
    }

    @Override
    Object content() {
      Map<KindNs, Object> content = new HashMap<>();
      map.forEach((scope, anchors) -> content.put(scope, Map.of("unanchored", anchors.unanchored,
          "byLabel", anchors.byLabel)));
      return content;
    }

    private static KindNs scopeOf(Link link) {
      return new KindNs(link.targetKind().get(), link.namespace());
    }

    /** The label key a link's selector requires first (by key); null when it requires none. */
    private static String anchorKey(Link link) {
      String first = null;
      for (String key : link.selector().get().matchLabels().keySet()) {
        if (first == null || key.compareTo(first) < 0) {
          first = key;
        }
      }
      return first;
    }

    private static String anchorValue(Link link, String anchorKey) {
      return anchorKey == null ? null : link.selector().get().matchLabels().get(anchorKey);
    }
  }

  /** The selector sources of one scope, by the label each selector requires first. */
  static final class Anchors {
    final Set<ObjectRef> unanchored = new HashSet<>();
    final Map<String, Map<String, Set<ObjectRef>>> byLabel = new HashMap<>();

    Set<ObjectRef> sources(String key, String value, boolean create) {
      if (key == null) {
        return unanchored;
      }
      if (!create) {
        Map<String, Set<ObjectRef>> byValue = byLabel.get(key);
        return byValue == null ? null : byValue.get(value);
      }
      return byLabel.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(value, v -> new HashSet<>());
    }

    void remove(String key, String value, ObjectRef source) {
      if (key == null) {
        unanchored.remove(source);
        return;
      }
      Map<String, Set<ObjectRef>> byValue = byLabel.get(key);
      if (byValue != null) {
        removeFrom(byValue, value, source);
        if (byValue.isEmpty()) {
          byLabel.remove(key);
        }
      }
    }

    boolean isEmpty() {
      return unanchored.isEmpty() && byLabel.isEmpty();
    }
  }
}
