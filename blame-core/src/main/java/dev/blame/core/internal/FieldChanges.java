package dev.blame.core.internal;

import dev.blame.api.ChangedBy;
import dev.blame.api.Evidence;
import dev.blame.api.FieldChange;
import dev.blame.api.Finding;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who set the fields the culprits' evidence names, on any kind of object: the end of the effect → cause view when
 * the cause is an edit (a Service's selector, an HPA's {@code scaleTargetRef}) rather than a revision.
 *
 * <p>Knows no kinds: it reads the convention every analyzer follows, {@link Evidence.Kind#FIELD} evidence with a
 * kubectl-style path ({@code spec.ports[http].targetPort}) about the finding's own subject, and the subject's
 * {@code metadata.managedFields} in the {@code FieldsV1} format ({@code f:name} for a field, {@code k:{...}} for
 * a list item by key, {@code v:...} for a set item). A field under {@code status} is reported by a controller,
 * not changed by anyone, and a path that is not a field (prose such as {@code pods in namespace x}) names no
 * field: neither is attributed.
 */
final class FieldChanges {

  private FieldChanges() {}

  /** Who last set each field the culprits' evidence names, in culprit order, each field once. */
  static List<FieldChange> of(GraphStore store, List<Finding> culprits) {
    List<FieldChange> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Finding f : culprits) {
      Optional<Node> subject = store.node(f.subject());
      if (subject.isEmpty()) {
        continue;
      }
      for (Evidence e : f.evidence()) {
        if (e.kind() != Evidence.Kind.FIELD || e.source().filter(s -> !s.equals(f.subject())).isPresent()) {
          continue;
        }
        Optional<List<Step>> path = parse(e.path());
        if (path.isEmpty() || !seen.add(f.subject().key() + " " + e.path())) {
          continue;
        }
        lastSet(subject.get(), path.get()).ifPresent(by -> out.add(FieldChange.builder()
            .subject(subject.get().ref()).path(e.path()).value(e.value()).changedBy(by).build()));
      }
    }
    return out;
  }

  /** One step of a path: a field, and the key of a list item or map entry ({@code [main]}) when given. */
  record Step(String field, String key) {}

  /**
   * A kubectl-style path under {@code spec} or {@code metadata} as steps; empty for anything else (a status field,
   * prose). Keys in brackets may hold dots ({@code metadata.annotations[example.com/x]}).
   */
  static Optional<List<Step>> parse(String path) {
    List<Step> steps = new ArrayList<>();
    int i = 0;
    int n = path.length();
    while (i < n) {
      int start = i;
      while (i < n && path.charAt(i) != '.' && path.charAt(i) != '[') {
        char c = path.charAt(i);
        if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
          return Optional.empty();
        }
        i++;
      }
      if (i == start) {
        return Optional.empty();
      }
      String field = path.substring(start, i);
      String key = null;
      if (i < n && path.charAt(i) == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          return Optional.empty();
        }
        key = path.substring(i + 1, close);
        i = close + 1;
      }
      steps.add(new Step(field, key));
      if (i < n) {
        if (path.charAt(i) != '.') {
          return Optional.empty();
        }
        i++;
        if (i == n) {
          return Optional.empty();
        }
      }
    }
    if (steps.isEmpty() || !(steps.get(0).field().equals("spec") || steps.get(0).field().equals("metadata"))
        || steps.get(0).key() != null) {
      return Optional.empty();
    }
    return Optional.of(List.copyOf(steps));
  }

  private static final Comparator<ChangedBy> NEWEST =
      Comparator.comparing((ChangedBy c) -> c.time().orElse(Instant.EPOCH)).thenComparing(ChangedBy::manager);

  /** The newest entry outside the status subresource that owns the field (or something under it). */
  static Optional<ChangedBy> lastSet(Node node, List<Step> path) {
    List<ManagedFieldsEntry> entries = node.metadata().getManagedFields();
    if (entries == null) {
      return Optional.empty();
    }
    ChangedBy newest = null;
    for (ManagedFieldsEntry e : entries) {
      if (e == null || e.getManager() == null || "status".equals(e.getSubresource()) || e.getFieldsV1() == null) {
        continue;
      }
      if (owns(e.getFieldsV1(), path)) {
        ChangedBy by = ChangedBy.of(e.getManager(), e.getOperation() == null ? "" : e.getOperation(),
            Node.parseTime(e.getTime()));
        if (newest == null || NEWEST.compare(by, newest) > 0) {
          newest = by;
        }
      }
    }
    return Optional.ofNullable(newest);
  }

  static boolean owns(FieldsV1 fields, List<Step> path) {
    Object at = fields.getAdditionalProperties();
    for (Step step : path) {
      at = child(at, "f:" + step.field());
      if (at != null && step.key() != null) {
        // A map entry (labels[app], selector[app]) is a field of its own; a list item is named by its key.
        Object entry = child(at, "f:" + step.key());
        at = entry != null ? entry : item(at, step.key());
      }
      if (at == null) {
        return false;
      }
    }
    return true;
  }

  private static Object child(Object node, String name) {
    return node instanceof Map<?, ?> map ? map.get(name) : null;
  }

  /** The {@code k:{...}} item one of whose key fields has this value, or the {@code v:} set item equal to it. */
  private static Object item(Object node, String key) {
    if (!(node instanceof Map<?, ?> map)) {
      return null;
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String name = String.valueOf(e.getKey());
      if (name.startsWith("k:")) {
        try {
          com.fasterxml.jackson.databind.JsonNode k = Json.parse(name.substring(2));
          for (var it = k.elements(); it.hasNext(); ) {
            if (it.next().asText().equals(key)) {
              return e.getValue();
            }
          }
        } catch (RuntimeException ignored) {
          // not a key in the FieldsV1 form: no item here
        }
      } else if (name.startsWith("v:")) {
        try {
          if (Json.parse(name.substring(2)).asText().equals(key)) {
            return e.getValue();
          }
        } catch (RuntimeException ignored) {
          // as above
        }
      }
    }
    return null;
  }
}
