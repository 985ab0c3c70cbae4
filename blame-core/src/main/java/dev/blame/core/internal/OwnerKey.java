package dev.blame.core.internal;

import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;

/**
 * An owner as an ownerReference names it: kind and name, without namespace, because a reference does not
 * say whether its owner is namespaced (it is either in the child's namespace or cluster-scoped).
 */
record OwnerKey(GroupKind kind, String name) {
  static OwnerKey of(ObjectRef ref) {
    return new OwnerKey(ref.groupKind(), ref.name());
  }
}
