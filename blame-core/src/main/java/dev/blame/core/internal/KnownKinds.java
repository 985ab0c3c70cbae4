package dev.blame.core.internal;

import dev.blame.api.GroupKind;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Built-in kinds by bare kind name, for references that omit the apiVersion (old Events do). */
final class KnownKinds {

  private static final Map<String, GroupKind> BY_KIND = new HashMap<>();

  static {
    for (Field field : GroupKind.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == GroupKind.class) {
        try {
          GroupKind kind = (GroupKind) field.get(null);
          BY_KIND.putIfAbsent(kind.kind(), kind);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    BY_KIND.put("Event", GroupKind.EVENT);
  }

  private KnownKinds() {}

  static Optional<GroupKind> byKind(String kind) {
    return Optional.ofNullable(BY_KIND.get(kind));
  }

  static boolean isEvent(GroupKind kind) {
    return kind.equals(GroupKind.EVENT) || kind.equals(GroupKind.EVENTS_V1_EVENT);
  }
}
