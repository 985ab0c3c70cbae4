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

  Entry(ObjectRef key, Node node) {
    this.key = key;
    this.node = node;
  }

  /** An ownerReference of this entry. */
  record OwnerLink(OwnerKey owner, String uid, boolean controller) {}
}
