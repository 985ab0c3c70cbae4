package dev.blame.core.internal;

import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;

/** An index key: the objects of one kind in one namespace ({@code ""} for cluster scope). */
record KindNs(GroupKind kind, String namespace) {
  static KindNs of(ObjectRef ref) {
    return new KindNs(ref.groupKind(), ref.namespace());
  }
}
