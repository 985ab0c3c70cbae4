package dev.blame.core.internal;

import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import dev.blame.api.spi.Link;
import java.util.List;

/** One object in the store with what the engine derived from it. Mutated only under the write lock. */
final class Entry {
  final ObjectRef key;
  Node node;
  /** Owners as resolved keys: in the child's namespace, or cluster-scoped when only that exists. */
  List<OwnerLink> owners = List.of();
  List<Link> links = List.of();
  Verdict verdict;
  /** The version of the object {@link #verdict} was computed from: consumers compare what they read of both. */
  Node analyzedNode;
  /** What the store found from the indexes about this entry; valid while its structure is unchanged. */
  Derived derived;
  /**
   * The object's {@code resourceVersion} when a watch delivered it, encoded by {@link GraphStore} (an offset from
   * the store's base, or one of the markers there); {@link GraphStore#UNWATCHED} for an object that came from
   * elsewhere (a manifest, a one-shot LIST). An informer's store answers from it ({@link GraphItemStore}). The
   * field costs 8 bytes an entry (44 bytes of fields and header round up to 48), offline too: see
   * docs/performance.md, where dropping {@link #key} for {@code node.ref()} is the way to win them back.
   */
  int version = GraphStore.UNWATCHED;

  Entry(ObjectRef key, Node node) {
    this.key = key;
    this.node = node;
  }

  /**
   * Relations found at one {@code structure} of the store (see {@link GraphStore}): they change only when an
   * object is added, removed or re-indexed, not on a status update. Each is null until asked for.
   */
  static final class Derived {
    final long structure;
    List<Entry> children;
    List<ObjectRef> consumers;
    List<ResolvedOwner> owners;
    java.util.Optional<String> ownerCycle;

    Derived(long structure) {
      this.structure = structure;
    }
  }

  /** An ownerReference resolved to a key (see {@link GraphStore#resolveOwner}), and whether it is present. */
  record ResolvedOwner(OwnerLink link, ObjectRef key, boolean present) {}

  /** An ownerReference of this entry. */
  record OwnerLink(OwnerKey owner, String uid, boolean controller) {}
}
