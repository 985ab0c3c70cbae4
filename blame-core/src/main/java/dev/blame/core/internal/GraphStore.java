package dev.blame.core.internal;

import dev.blame.api.Edge;
import dev.blame.api.EdgeKind;
import dev.blame.api.EventRecord;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.Selector;
import dev.blame.api.Verdict;
import dev.blame.api.spi.Link;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The objects and every index the queries use: by key, uid, kind and namespace, label, owner, link target
 * and selector. Answers each lookup from an index; nothing here scans all objects.
 *
 * <p>Not thread-safe: {@link GraphEngine} guards it with a read-write lock.
 */
final class GraphStore {

  /** Events kept per object; the oldest go first. */
  static final int MAX_EVENTS_PER_OBJECT = 64;

  private final Map<ObjectRef, Entry> byKey = new HashMap<>();
  // The indexes, each keeping itself on add and remove (see StoreIndex); the names below are their maps.
  private final StoreIndex.ByUid uids = new StoreIndex.ByUid();
  private final StoreIndex.ByKindNs kindNs = new StoreIndex.ByKindNs();
  private final StoreIndex.ByLabel labels = new StoreIndex.ByLabel();
  private final StoreIndex.ByOwner owners = new StoreIndex.ByOwner();
  private final StoreIndex.ByLinkTarget linkTargets = new StoreIndex.ByLinkTarget();
  private final StoreIndex.BySelector selectors = new StoreIndex.BySelector();
  private final List<StoreIndex> indexes = List.of(uids, kindNs, labels, owners, linkTargets, selectors);
  private final Map<String, ObjectRef> byUid = uids.map;
  private final Map<KindNs, NavigableSet<ObjectRef>> byKindNs = kindNs.map;
  private final Map<KindNs, Map<String, Set<ObjectRef>>> byLabel = labels.map;
  private final Map<OwnerKey, Map<String, Set<ObjectRef>>> childrenByOwner = owners.map;
  private final Map<ObjectRef, Map<EdgeKind, Set<ObjectRef>>> linkSourcesByTarget = linkTargets.map;
  private final Map<KindNs, StoreIndex.Anchors> selectorSources = selectors.map;
  private final Map<ObjectRef, Map<ObjectRef, EventRecord>> eventsByRegarding = new HashMap<>();
  private final Map<ObjectRef, ObjectRef> regardingByEvent = new HashMap<>();
  private final Set<ObjectRef> withFindings = new HashSet<>();
  private final Set<GroupKind> observed = new HashSet<>();
  /** Kinds the source could not read, with why (e.g. Forbidden, "forbidden: cannot list ..."). */
  private final Map<GroupKind, Unreadable> unreadable = new HashMap<>();

  /**
   * Counts the changes to what children are found from (objects added, removed or re-indexed); a status
   * update replaces a node in its entry and leaves it alone, so an owner's children are found once between
   * such changes, not on every analysis.
   */
  private long structure;

  /** Why a kind cannot be read. */
  record Unreadable(ReasonCode reason, String message) {}

  // ---------------------------------------------------------------- reads

  /** Any reference to the object will do: references compare without version and uid, so none is built. */
  Optional<Entry> entry(ObjectRef ref) {
    return Optional.ofNullable(byKey.get(ref));
  }

  Optional<Node> node(ObjectRef ref) {
    return entry(ref).map(e -> e.node);
  }

  Optional<Node> nodeByUid(String uid) {
    ObjectRef key = uid == null ? null : byUid.get(uid);
    return key == null ? Optional.empty() : node(key);
  }

  Optional<Verdict> verdict(ObjectRef ref) {
    Entry entry = byKey.get(ref);
    return entry == null ? Optional.empty() : Optional.ofNullable(entry.verdict);
  }

  int size() {
    return byKey.size();
  }

  boolean observes(GroupKind kind) {
    return observed.contains(kind);
  }

  void observe(GroupKind kind) {
    observed.add(kind);
    unreadable.remove(kind);
  }

  void unreadable(GroupKind kind, Unreadable why) {
    observed.remove(kind);
    unreadable.put(kind, why);
  }

  Optional<Unreadable> unreadableReason(GroupKind kind) {
    return Optional.ofNullable(unreadable.get(kind));
  }

  /** Every object of a kind, in all namespaces. */
  List<ObjectRef> keysOf(GroupKind kind) {
    List<ObjectRef> keys = new ArrayList<>();
    byKindNs.forEach((scope, set) -> {
      if (scope.kind().equals(kind)) {
        keys.addAll(set);
      }
    });
    return keys;
  }

  /** Objects whose ownerReferences name an owner of this kind, present or not. */
  List<ObjectRef> ownedBy(GroupKind kind) {
    List<ObjectRef> keys = new ArrayList<>();
    childrenByOwner.forEach((owner, byNamespace) -> {
      if (owner.kind().equals(kind)) {
        byNamespace.values().forEach(keys::addAll);
      }
    });
    return keys;
  }

  Set<GroupKind> kinds() {
    Set<GroupKind> kinds = new TreeSet<>();
    byKindNs.forEach((k, v) -> {
      if (!v.isEmpty()) {
        kinds.add(k.kind());
      }
    });
    return kinds;
  }

  /** Objects of a kind in exactly this namespace ({@code ""}: cluster-scoped), sorted. */
  List<Node> list(GroupKind kind, String namespace) {
    NavigableSet<ObjectRef> keys = byKindNs.get(new KindNs(kind, namespace == null ? "" : namespace));
    return keys == null ? List.of() : nodes(keys);
  }

  /** Objects of a kind in every namespace, sorted. */
  List<Node> listAll(GroupKind kind) {
    TreeSet<ObjectRef> keys = new TreeSet<>();
    byKindNs.forEach((k, v) -> {
      if (k.kind().equals(kind)) {
        keys.addAll(v);
      }
    });
    return nodes(keys);
  }

  private List<Node> nodes(Collection<ObjectRef> keys) {
    List<Node> nodes = new ArrayList<>(keys.size());
    for (ObjectRef key : keys) {
      nodes.add(byKey.get(key).node);
    }
    return nodes;
  }

  Set<ObjectRef> withFindings() {
    return withFindings;
  }

  List<EventRecord> events(ObjectRef ref) {
    Map<ObjectRef, EventRecord> events = eventsByRegarding.get(ref);
    if (events == null) {
      return List.of();
    }
    Optional<String> uid = entry(ref).flatMap(e -> e.node.ref().uid());
    List<EventRecord> list = new ArrayList<>(events.size());
    for (EventRecord event : events.values()) {
      // An Event about an earlier object of the same name (deleted and recreated) is not about this one.
      if (uid.isEmpty() || event.regarding().uid().isEmpty() || event.regarding().uid().equals(uid)) {
        list.add(event);
      }
    }
    list.sort(EventRecord.NEWEST_FIRST);
    return list;
  }

  // ---------------------------------------------------------------- edges

  /** The owner an ownerReference resolves to: in the child's namespace, else cluster-scoped, else absent. */
  ObjectRef resolveOwner(Entry child, Entry.OwnerLink owner) {
    ObjectRef namespaced = ObjectRef.of(owner.owner().kind(), child.key.namespace(), owner.owner().name());
    if (byKey.containsKey(namespaced) || child.key.namespace().isEmpty()) {
      return namespaced;
    }
    ObjectRef clusterScoped = ObjectRef.of(owner.owner().kind(), "", owner.owner().name());
    return byKey.containsKey(clusterScoped) ? clusterScoped : namespaced;
  }

  /** True when the owner named by the reference is in the graph with a matching uid. */
  boolean ownerPresent(Entry child, Entry.OwnerLink owner) {
    Entry found = byKey.get(resolveOwner(child, owner));
    if (found == null) {
      return false;
    }
    Optional<String> uid = found.node.ref().uid();
    return owner.uid() == null || owner.uid().isEmpty() || uid.isEmpty() || uid.get().equals(owner.uid());
  }

  /**
   * Owned children present in the graph: those whose ownerReference resolves to this owner (see
   * {@link #resolveOwner}) with a matching uid. Builds no references: called for every analysis of an owner.
   */
  List<ObjectRef> children(ObjectRef owner) {
    List<Entry> entries = childEntries(owner);
    List<ObjectRef> keys = new ArrayList<>(entries.size());
    for (Entry child : entries) {
      keys.add(child.key);
    }
    return keys;
  }

  /**
   * {@link #children} as entries, sorted by key when the owner is namespaced; cached in the owner's entry until
   * the next structural change. Not to be modified.
   */
  private List<Entry> childEntries(ObjectRef owner) {
    Entry ownerEntry = byKey.get(owner);
    if (ownerEntry == null) {
      return List.of();
    }
    Entry.Derived derived = derived(ownerEntry);
    if (derived.children == null) {
      derived.children = findChildren(ownerEntry);
    }
    return derived.children;
  }

  /** The entry's derived relations at the current structure, fresh when it changed since they were found. */
  private Entry.Derived derived(Entry entry) {
    Entry.Derived derived = entry.derived;
    if (derived == null || derived.structure != structure) {
      derived = new Entry.Derived(structure);
      entry.derived = derived;
    }
    return derived;
  }

  /** The entry's ownerReferences resolved to keys, with whether each owner is present (cached as above). */
  List<Entry.ResolvedOwner> resolvedOwners(Entry entry) {
    if (entry.owners.isEmpty()) {
      return List.of();
    }
    Entry.Derived derived = derived(entry);
    if (derived.owners == null) {
      List<Entry.ResolvedOwner> owners = new ArrayList<>(entry.owners.size());
      for (Entry.OwnerLink owner : entry.owners) {
        owners.add(new Entry.ResolvedOwner(owner, resolveOwner(entry, owner), ownerPresent(entry, owner)));
      }
      // Siblings resolve their (shared) owner lists alike: held once, as the owner lists are.
      derived.owners = RESOLVED_OWNERS.intern(List.copyOf(owners));
    }
    return derived.owners;
  }

  /**
   * A fact that depends on the structure alone (which objects exist and how they relate), computed once per
   * structure: the ownership cycle an entry is in, say.
   */
  Optional<String> ownerCycle(Entry entry, Function<Entry, Optional<String>> find) {
    Entry.Derived derived = derived(entry);
    if (derived.ownerCycle == null) {
      derived.ownerCycle = find.apply(entry);
    }
    return derived.ownerCycle;
  }

  private List<Entry> findChildren(Entry ownerEntry) {
    ObjectRef ownerKey = ownerEntry.key;
    OwnerKey named = OwnerKey.of(ownerKey);
    Map<String, Set<ObjectRef>> byNamespace = childrenByOwner.get(named);
    if (byNamespace == null) {
      return List.of();
    }
    Collection<ObjectRef> candidates;
    if (!ownerKey.namespace().isEmpty()) {
      candidates = byNamespace.get(ownerKey.namespace());
      if (candidates == null) {
        return List.of();
      }
    } else {
      candidates = new ArrayList<>();
      for (Set<ObjectRef> inNamespace : byNamespace.values()) {
        candidates.addAll(inNamespace);
      }
    }
    String ownerUid = ownerEntry.node.ref().uid().orElse("");
    List<Entry> children = new ArrayList<>(candidates.size());
    for (ObjectRef childKey : candidates) {
      Entry child = byKey.get(childKey);
      for (Entry.OwnerLink link : child.owners) {
        if (link.owner().equals(named) && resolvesTo(child, ownerKey)
            && (link.uid() == null || link.uid().isEmpty() || ownerUid.isEmpty() || ownerUid.equals(link.uid()))) {
          children.add(child);
          break;
        }
      }
    }
    return children.isEmpty() ? List.of() : Collections.unmodifiableList(children);
  }

  /** {@link #resolveOwner} equals this present owner: same namespace, or cluster-scoped with no namesake. */
  private boolean resolvesTo(Entry child, ObjectRef presentOwner) {
    String namespace = child.key.namespace();
    if (presentOwner.namespace().equals(namespace)) {
      return true;
    }
    return presentOwner.namespace().isEmpty()
        && !byKey.containsKey(ObjectRef.of(presentOwner.groupKind(), namespace, presentOwner.name()));
  }

  static final Set<EdgeKind> ALL_KINDS = Collections.unmodifiableSet(EnumSet.allOf(EdgeKind.class));

  List<Edge> edgesFrom(ObjectRef ref) {
    return edgesFrom(ref, ALL_KINDS);
  }

  /** Outgoing edges of these kinds, sorted; builds only those asked for. */
  List<Edge> edgesFrom(ObjectRef ref, Set<EdgeKind> kinds) {
    Entry entry = byKey.get(ref);
    if (entry == null) {
      return List.of();
    }
    List<Edge> edges = new ArrayList<>();
    ObjectRef from = entry.node.ref();
    if (kinds.contains(EdgeKind.OWNS)) {
      for (ObjectRef child : children(entry.key)) {
        edges.add(Edge.of(from, EdgeKind.OWNS, byKey.get(child).node.ref()));
      }
    }
    for (Link link : entry.links) {
      if (!kinds.contains(link.kind())) {
        continue;
      }
      if (link.target().isPresent()) {
        ObjectRef target = link.target().get();
        Entry found = byKey.get(target);
        edges.add(Edge.of(from, link.kind(), found == null ? target : found.node.ref()));
      } else {
        for (ObjectRef target : select(link)) {
          edges.add(Edge.of(from, link.kind(), byKey.get(target).node.ref()));
        }
      }
    }
    return sortedDistinct(edges);
  }

  List<Edge> edgesTo(ObjectRef ref) {
    return edgesTo(ref, ALL_KINDS);
  }

  /**
   * Incoming edges of these kinds, sorted. The link indexes are kept per edge kind, so asking for OWNS edges
   * of a ConfigMap does not visit the thousand pods that mount it.
   */
  List<Edge> edgesTo(ObjectRef ref, Set<EdgeKind> kinds) {
    Entry entry = byKey.get(ref);
    if (entry == null) {
      return List.of();
    }
    List<Edge> edges = new ArrayList<>();
    ObjectRef to = entry.node.ref();
    if (kinds.contains(EdgeKind.OWNS)) {
      for (Entry.OwnerLink owner : entry.owners) {
        ObjectRef ownerRef = resolveOwner(entry, owner);
        Entry ownerEntry = byKey.get(ownerRef);
        edges.add(Edge.of(ownerEntry == null ? ownerRef : ownerEntry.node.ref(), EdgeKind.OWNS, to));
      }
    }
    Map<EdgeKind, Set<ObjectRef>> byName = linkSourcesByTarget.get(entry.key);
    if (byName != null) {
      byName.forEach((kind, sources) -> {
        if (kinds.contains(kind)) {
          for (ObjectRef sourceKey : sources) {
            edges.add(Edge.of(byKey.get(sourceKey).node.ref(), kind, to));
          }
        }
      });
    }
    for (ObjectRef sourceKey : selectorCandidates(entry)) {
      Entry source = byKey.get(sourceKey);
      for (Link link : source.links) {
        if (kinds.contains(link.kind()) && selects(link, entry)) {
          edges.add(Edge.of(source.node.ref(), link.kind(), to));
        }
      }
    }
    return sortedDistinct(edges);
  }

  private static List<Edge> sortedDistinct(List<Edge> edges) {
    if (edges.size() < 2) {
      return edges;
    }
    edges.sort(null);
    List<Edge> distinct = new ArrayList<>(edges.size());
    Edge previous = null;
    for (Edge edge : edges) {
      if (previous == null || previous.compareTo(edge) != 0) {
        distinct.add(edge);
      }
      previous = edge;
    }
    return distinct;
  }

  /** The present targets of this object's outgoing edges of one kind, sorted by key. */
  List<Node> targetNodes(ObjectRef ref, EdgeKind kind) {
    Entry entry = byKey.get(ref);
    if (entry == null) {
      return List.of();
    }
    if (kind == EdgeKind.OWNS && !entry.key.namespace().isEmpty() && !hasLinks(entry, kind)) {
      // The common case, an owner reading its children: no second lookup per child, no sorting.
      List<Entry> children = childEntries(entry.key);
      List<Node> nodes = new ArrayList<>(children.size());
      for (Entry child : children) {
        nodes.add(child.node);
      }
      return nodes;
    }
    List<ObjectRef> keys = targetKeys(ref, kind);
    List<Node> nodes = new ArrayList<>(keys.size());
    for (ObjectRef key : keys) {
      nodes.add(byKey.get(key).node);
    }
    return nodes;
  }

  private static boolean hasLinks(Entry entry, EdgeKind kind) {
    for (Link link : entry.links) {
      if (link.kind() == kind) {
        return true;
      }
    }
    return false;
  }

  /** Keys of the present targets of this object's outgoing edges of one kind, sorted. */
  List<ObjectRef> targetKeys(ObjectRef ref, EdgeKind kind) {
    Entry entry = byKey.get(ref);
    if (entry == null) {
      return List.of();
    }
    List<ObjectRef> keys = kind == EdgeKind.OWNS ? children(entry.key) : List.of();
    boolean merged = false;
    for (Link link : entry.links) {
      if (link.kind() != kind) {
        continue;
      }
      if (keys.isEmpty()) {
        keys = new ArrayList<>();
      } else if (!merged) {
        keys = new ArrayList<>(keys);
        merged = true;
      } else {
        merged = true;
      }
      if (link.target().isPresent()) {
        if (byKey.containsKey(link.target().get())) {
          keys.add(link.target().get());
        }
      } else {
        keys.addAll(select(link));
      }
    }
    // Children and one selector's matches come sorted; only a merge needs sorting.
    if (merged || !isSorted(keys)) {
      keys = new ArrayList<>(new TreeSet<>(keys));
    }
    return keys;
  }

  private static boolean isSorted(List<ObjectRef> keys) {
    for (int i = 1; i < keys.size(); i++) {
      if (keys.get(i - 1).compareTo(keys.get(i)) >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Sources of selector links over the entry's kind and namespace that may select it (anchored on one of its
   * labels, or on none), each once; whether a link does select it is for {@link #selects} to say.
   */
  private Collection<ObjectRef> selectorCandidates(Entry entry) {
    StoreIndex.Anchors anchors = selectorSources.get(KindNs.of(entry.key));
    if (anchors == null) {
      return List.of();
    }
    Collection<ObjectRef> candidates = anchors.unanchored;
    boolean copied = false;
    for (Map.Entry<String, String> label : entry.node.labels().entrySet()) {
      Set<ObjectRef> sources = anchors.sources(label.getKey(), label.getValue(), false);
      if (sources == null || sources.isEmpty()) {
        continue;
      }
      if (candidates.isEmpty()) {
        candidates = sources;
      } else {
        if (!copied) {
          candidates = new LinkedHashSet<>(candidates);
          copied = true;
        }
        candidates.addAll(sources);
      }
    }
    return candidates;
  }

  private boolean selects(Link link, Entry target) {
    return link.selector().isPresent()
        && link.targetKind().get().equals(target.key.groupKind())
        && link.namespace().equals(target.key.namespace())
        && link.selector().get().matches(target.node.labels());
  }

  /** The objects a selector link matches, using the label index for its equality requirements. */
  private List<ObjectRef> select(Link link) {
    KindNs scope = new KindNs(link.targetKind().get(), link.namespace());
    Selector selector = link.selector().get();
    Collection<ObjectRef> candidates = byKindNs.getOrDefault(scope, new TreeSet<>());
    Map<String, Set<ObjectRef>> labels = byLabel.getOrDefault(scope, Map.of());
    for (Map.Entry<String, String> required : selector.matchLabels().entrySet()) {
      Set<ObjectRef> withLabel = labels.getOrDefault(required.getKey() + "=" + required.getValue(), Set.of());
      if (withLabel.size() < candidates.size()) {
        candidates = withLabel;
      }
    }
    List<ObjectRef> matched = new ArrayList<>();
    for (ObjectRef key : candidates) {
      if (selector.matches(byKey.get(key).node.labels())) {
        matched.add(key);
      }
    }
    matched.sort(null);
    return matched;
  }

  /**
   * Keys of objects whose verdict may depend on this object: the sources of its incoming edges. Cached until
   * the next structural change; not to be modified.
   */
  List<ObjectRef> consumers(ObjectRef ref) {
    Entry entry = byKey.get(ref);
    if (entry == null) {
      return List.of();
    }
    Entry.Derived derived = derived(entry);
    if (derived.consumers == null) {
      derived.consumers = findConsumers(entry);
    }
    return derived.consumers;
  }

  private List<ObjectRef> findConsumers(Entry entry) {
    Set<ObjectRef> consumers = new LinkedHashSet<>();
    for (Entry.ResolvedOwner owner : resolvedOwners(entry)) {
      if (byKey.containsKey(owner.key())) {
        consumers.add(owner.key());
      }
    }
    Map<EdgeKind, Set<ObjectRef>> byName = linkSourcesByTarget.get(entry.key);
    if (byName != null) {
      byName.values().forEach(consumers::addAll);
    }
    for (ObjectRef sourceKey : selectorCandidates(entry)) {
      for (Link link : byKey.get(sourceKey).links) {
        if (selects(link, entry)) {
          consumers.add(sourceKey);
          break;
        }
      }
    }
    // Distinct, in the order found; siblings (pods of one ReplicaSet behind one Service) have equal ones: held once.
    return consumers.isEmpty() ? List.of() : CONSUMERS.intern(List.copyOf(consumers));
  }

  // ---------------------------------------------------------------- writes

  /**
   * Adds or replaces an object. Returns the keys whose analysis the change may affect: the object and the
   * consumers it has before and after the change.
   */
  Set<ObjectRef> upsert(Node node, List<Link> links) {
    return upsert(node, links, false, null);
  }

  /**
   * As {@link #upsert(Node, List)}; {@code watched}: a watch delivered the object at {@code resourceVersion}, which
   * the entry keeps for the informer's store ({@link #watched}).
   */
  Set<ObjectRef> upsert(Node node, List<Link> links, boolean watched, String resourceVersion) {
    // References compare without version and uid: look up with the node's own, store its key only when new.
    Entry existing = byKey.get(node.ref());
    ObjectRef key = existing != null ? existing.key : node.ref().key();
    if (existing != null && sameRelations(existing, node, links)) {
      // A status change, the common watch event: every index and every relation stays as it is. Whether the
      // objects that read this one are analyzed again is decided once it is (GraphEngine compares what they
      // read of it before and after). Children are analyzed again as on any update: a pod's revision comes
      // from its ReplicaSet's annotations.
      existing.node = node;
      setVersion(existing, watched, resourceVersion);
      List<ObjectRef> children = children(key);
      if (children.isEmpty()) {
        return Set.of(key);
      }
      Set<ObjectRef> dirty = new LinkedHashSet<>();
      dirty.add(key);
      dirty.addAll(children);
      return dirty;
    }
    Set<ObjectRef> dirty = new LinkedHashSet<>();
    if (existing != null) {
      dirty.addAll(consumers(key));
      unindex(existing);
    }
    Entry entry = new Entry(key, node);
    entry.links = List.copyOf(links);
    entry.owners = owners(node);
    if (existing != null) {
      entry.verdict = existing.verdict;
      entry.analyzedNode = existing.analyzedNode;
      entry.version = existing.version; // its text, if any, stays under the same key
    }
    setVersion(entry, watched, resourceVersion);
    index(entry);
    dirty.add(key);
    // Sources of by-name links and selectors now resolve to it; children whose owner references name it
    // find their owner.
    dirty.addAll(consumers(key));
    dirty.addAll(children(key));
    return dirty;
  }

  /**
   * True when the new version of an object keeps everything the indexes and the edges are built from: uid,
   * labels, owner references, links. Labels and owner lists of pods are held once, so this is mostly identity.
   */
  private static boolean sameRelations(Entry existing, Node node, List<Link> links) {
    Node old = existing.node;
    return Objects.equals(old.ref().uid(), node.ref().uid())
        && old.labels().equals(node.labels())
        && old.ownerReferences().equals(node.ownerReferences())
        && existing.links.equals(links);
  }

  /** Removes an object; returns the keys whose analysis this affects. */
  Set<ObjectRef> delete(ObjectRef ref) {
    Entry existing = byKey.get(ref);
    if (existing == null) {
      return Set.of();
    }
    Set<ObjectRef> dirty = new LinkedHashSet<>(consumers(existing.key));
    // Children lose their owner: their "owner not found" finding depends on it.
    dirty.addAll(children(existing.key));
    unindex(existing);
    withFindings.remove(existing.key);
    if (existing.version == TEXT) {
      versionTexts.remove(existing.key);
    }
    dirty.remove(existing.key);
    return dirty;
  }

  // ---------------------------------------------------------------- resourceVersions, for informers

  /**
   * {@link Entry#version}: an object no watch delivered. An informer's store sees only objects with a version, so
   * objects of the same kind from elsewhere never look like the informer's own.
   */
  static final int UNWATCHED = Integer.MIN_VALUE;
  /** {@link Entry#version}: delivered by a watch without a resourceVersion. */
  static final int NO_VERSION = Integer.MIN_VALUE + 1;
  /** {@link Entry#version}: a resourceVersion that is not a plain number near the base: in {@link #versionTexts}. */
  static final int TEXT = Integer.MIN_VALUE + 2;

  /**
   * The first plain-number resourceVersion seen; the others are kept as their distance from it in an {@code int}.
   * etcd's versions are one counter for the whole cluster, so the objects of a graph lie within ±2^31 of each other
   * but on clusters that have seen billions of writes; the rare one that does not fit is kept as text.
   */
  private long versionBase;
  private boolean versionBaseSet;
  /** The resourceVersions that are not plain numbers near the base, by key: none on a cluster backed by etcd. */
  private final Map<ObjectRef, String> versionTexts = new HashMap<>();

  private void setVersion(Entry entry, boolean watched, String resourceVersion) {
    int encoded = watched ? encode(resourceVersion) : UNWATCHED;
    if (encoded == TEXT) {
      versionTexts.put(entry.key, resourceVersion);
    } else if (entry.version == TEXT) {
      versionTexts.remove(entry.key);
    }
    entry.version = encoded;
  }

  private int encode(String resourceVersion) {
    if (resourceVersion == null) {
      return NO_VERSION;
    }
    int length = resourceVersion.length();
    if (length == 0 || length > 18 || (resourceVersion.charAt(0) == '0' && length > 1)) {
      return TEXT; // "007" must come back as written: only the form Long.toString writes is a number here
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      char c = resourceVersion.charAt(i);
      if (c < '0' || c > '9') {
        return TEXT;
      }
      value = value * 10 + (c - '0');
    }
    if (!versionBaseSet) {
      versionBase = value;
      versionBaseSet = true;
    }
    long offset = value - versionBase;
    return offset > TEXT && offset <= Integer.MAX_VALUE ? (int) offset : TEXT;
  }

  private String resourceVersion(Entry entry) {
    return switch (entry.version) {
      case NO_VERSION -> null;
      case TEXT -> versionTexts.get(entry.key);
      default -> Long.toString(versionBase + entry.version);
    };
  }

  /**
   * What a watch delivered of one object: namespace (null when cluster-scoped), name, uid and resourceVersion,
   * the strings the graph holds; null when the graph has no such object from a watch.
   */
  ClusterPort.Kept watched(GroupKind kind, String namespace, String name) {
    Entry entry = byKey.get(ObjectRef.of(kind, namespace, name));
    return entry == null || entry.version == UNWATCHED ? null : kept(entry);
  }

  /** {@link #watched} of every object of a kind a watch delivered, in one namespace or (null) all. */
  List<ClusterPort.Kept> watchedAll(GroupKind kind, String namespace) {
    List<ClusterPort.Kept> all = new ArrayList<>();
    byKindNs.forEach((scope, keys) -> {
      if (scope.kind().equals(kind) && (namespace == null || scope.namespace().isEmpty()
          || scope.namespace().equals(namespace))) {
        for (ObjectRef key : keys) {
          Entry entry = byKey.get(key);
          if (entry.version != UNWATCHED) {
            all.add(kept(entry));
          }
        }
      }
    });
    return all;
  }

  private ClusterPort.Kept kept(Entry entry) {
    ObjectRef ref = entry.node.ref();
    ObjectMeta meta = entry.node.object().getMetadata();
    String namespace = meta != null && meta.getNamespace() != null && !meta.getNamespace().isEmpty()
        ? meta.getNamespace() : ref.namespace().isEmpty() ? null : ref.namespace();
    String name = meta != null && meta.getName() != null ? meta.getName() : ref.name();
    String uid = meta != null ? meta.getUid() : ref.uid().orElse(null);
    return new ClusterPort.Kept(namespace, name, uid, resourceVersion(entry));
  }

  void setVerdict(ObjectRef key, Verdict verdict) {
    Entry entry = byKey.get(key);
    entry.verdict = VERDICTS.intern(verdict);
    if (verdict.findings().isEmpty()) {
      withFindings.remove(key);
    } else {
      withFindings.add(key);
    }
  }

  /** Adds or replaces an Event; returns the key of the object it is about when that is in the graph. */
  Set<ObjectRef> putEvent(EventRecord event) {
    Set<ObjectRef> dirty = new LinkedHashSet<>(deleteEvent(event.ref()));
    ObjectRef regarding = event.regarding().key();
    Map<ObjectRef, EventRecord> events = eventsByRegarding.computeIfAbsent(regarding, k -> new HashMap<>());
    events.put(event.ref().key(), event);
    regardingByEvent.put(event.ref().key(), regarding);
    if (events.size() > MAX_EVENTS_PER_OBJECT) {
      EventRecord oldest = events.values().stream().max(EventRecord.NEWEST_FIRST).orElseThrow();
      events.remove(oldest.ref());
      regardingByEvent.remove(oldest.ref());
    }
    if (byKey.containsKey(regarding)) {
      dirty.add(regarding);
    }
    return dirty;
  }

  Set<ObjectRef> deleteEvent(ObjectRef eventRef) {
    ObjectRef regarding = regardingByEvent.remove(eventRef);
    if (regarding == null) {
      return Set.of();
    }
    Map<ObjectRef, EventRecord> events = eventsByRegarding.get(regarding);
    if (events != null) {
      events.remove(eventRef);
      if (events.isEmpty()) {
        eventsByRegarding.remove(regarding);
      }
    }
    return byKey.containsKey(regarding) ? Set.of(regarding) : Set.of();
  }

  /** Healthy pods of one ReplicaSet have equal verdicts ("Running", same revision): kept once. */
  private final WeakInterner<Verdict> VERDICTS = new WeakInterner<>();

  private final WeakInterner<List<Entry.ResolvedOwner>> RESOLVED_OWNERS = new WeakInterner<>();

  private final WeakInterner<List<ObjectRef>> CONSUMERS = new WeakInterner<>();

  /** The children of one owner name it alike: their owner lists are kept once. */
  private final WeakInterner<List<Entry.OwnerLink>> OWNERS = new WeakInterner<>();

  private List<Entry.OwnerLink> owners(Node node) {
    List<Entry.OwnerLink> owners = new ArrayList<>();
    for (OwnerReference ref : node.ownerReferences()) {
      if (ref == null || ref.getKind() == null || ref.getName() == null || ref.getApiVersion() == null) {
        continue;
      }
      GroupKind kind;
      try {
        kind = GroupKind.fromApiVersion(ref.getApiVersion(), ref.getKind());
      } catch (IllegalArgumentException e) {
        continue;
      }
      owners.add(new Entry.OwnerLink(
          OwnerKey.of(ObjectRef.of(kind, "", ref.getName())),
          ref.getUid(),
          Boolean.TRUE.equals(ref.getController())));
    }
    return owners.isEmpty() ? List.of() : OWNERS.intern(List.copyOf(owners));
  }

  private void index(Entry entry) {
    structure++;
    byKey.put(entry.key, entry);
    for (StoreIndex index : indexes) {
      index.add(entry);
    }
  }

  private void unindex(Entry entry) {
    structure++;
    byKey.remove(entry.key);
    for (StoreIndex index : indexes) {
      index.remove(entry);
    }
  }

  /** For tests: each index as plain maps and sets, by name, to compare with a store built from the same entries. */
  Map<String, Object> indexContents() {
    Map<String, Object> contents = new TreeMap<>();
    String[] names = {"uids", "kindNs", "labels", "owners", "linkTargets", "selectors"};
    for (int i = 0; i < names.length; i++) {
      contents.put(names[i], indexes.get(i).content());
    }
    return contents;
  }

  /** For tests: the entries, to rebuild from. */
  Collection<Entry> entries() {
    return Collections.unmodifiableCollection(byKey.values());
  }

  /** For tests and diagnostics: sizes of the indexes, sorted by name. */
  Map<String, Integer> indexSizes() {
    Map<String, Integer> sizes = new TreeMap<>();
    sizes.put("objects", byKey.size());
    sizes.put("events", regardingByEvent.size());
    sizes.put("withFindings", withFindings.size());
    return sizes;
  }
}
