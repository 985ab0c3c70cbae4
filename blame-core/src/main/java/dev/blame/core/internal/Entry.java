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
  /** This owner's children as last found, valid while the store's structure is unchanged; null: not yet. */
  Children children;

  Entry(ObjectRef key, Node node) {
    this.key = key;
    this.node = node;
  }

  /** Owned children found at one {@code structure} of the store (see {@link GraphStore}). */
  record Children(long structure, List<Entry> entries) {}

  /** An ownerReference of this entry. */
  record OwnerLink(OwnerKey owner, String uid, boolean controller) {}
}
