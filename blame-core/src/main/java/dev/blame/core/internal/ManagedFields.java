package dev.blame.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blame.api.ChangedBy;
import dev.blame.api.Node;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who set a field of an object, read from {@code metadata.managedFields}: each entry names a manager, an
 * operation, a time, and the set of fields it owns in the {@code FieldsV1} format ({@code f:name} for a
 * field, {@code k:{"name":"main"}} for a list item by key, {@code .} for the item itself).
 *
 * <p>See the server-side apply documentation, "Field management". An entry's time is when that manager last
 * wrote any of its fields, so "last set" is the newest entry owning the field.
 */
final class ManagedFields {

  record Owner(ChangedBy changedBy, JsonNode fields, String subresource) {}

  private final List<Owner> owners;

  private ManagedFields(List<Owner> owners) {
    this.owners = owners;
  }

  static ManagedFields of(Node node) {
    List<ManagedFieldsEntry> entries = node.metadata().getManagedFields();
    List<Owner> owners = new ArrayList<>();
    if (entries != null) {
      for (ManagedFieldsEntry e : entries) {
        if (e.getManager() == null) {
          continue;
        }
        owners.add(new Owner(
            ChangedBy.of(e.getManager(), e.getOperation() == null ? "" : e.getOperation(), Node.parseTime(e.getTime())),
            e.getFieldsV1() == null ? Json.tree(Map.of()) : Json.tree(e.getFieldsV1()),
            e.getSubresource() == null ? "" : e.getSubresource()));
      }
    }
    return new ManagedFields(owners);
  }

  /**
   * Whether the object's managedFields are kept when it is ingested: they say who changed what and when, so they
   * are kept on the objects people and tools write, those that no controller owns (Deployments, StatefulSets,
   * DaemonSets and custom workloads such as Argo Rollouts alike: who changed the template; analyzers also date a
   * workload's last spec edit by them). The ReplicaSets, ControllerRevisions and pods controllers make keep none.
   *
   * @param object an object being ingested
   * @return whether to keep its {@code metadata.managedFields}
   */
  static boolean keptOnIngest(io.fabric8.kubernetes.api.model.HasMetadata object) {
    io.fabric8.kubernetes.api.model.ObjectMeta meta = object.getMetadata();
    if (meta == null || meta.getManagedFields() == null || meta.getManagedFields().isEmpty()) {
      return false;
    }
    return meta.getOwnerReferences() == null
        || meta.getOwnerReferences().stream().noneMatch(o -> Boolean.TRUE.equals(o.getController()));
  }

  boolean isEmpty() {
    return owners.isEmpty();
  }

  /**
   * The newest manager owning the field at {@code spec.template} + path. Empty for a field nobody owns, such as
   * one that was removed: managedFields do not record who removed a field, and blame does not guess.
   */
  Optional<ChangedBy> lastSet(List<TemplateDiff.Step> path) {
    return owners.stream()
        .filter(o -> !o.subresource().equals("status"))
        .filter(o -> owns(o.fields(), path))
        .map(Owner::changedBy)
        .max(NEWEST);
  }

  /** The newest writer of anything under {@code spec.template}, outside the status subresource. */
  Optional<ChangedBy> lastTemplateEdit() {
    return owners.stream()
        .filter(o -> !o.subresource().equals("status"))
        .filter(o -> !o.fields().path("f:spec").path("f:template").isMissingNode())
        .map(Owner::changedBy)
        .max(NEWEST);
  }

  private static final Comparator<ChangedBy> NEWEST =
      Comparator.comparing((ChangedBy c) -> c.time().orElse(Instant.EPOCH)).thenComparing(ChangedBy::manager);

  static boolean owns(JsonNode fields, List<TemplateDiff.Step> path) {
    return descend(fields.path("f:spec").path("f:template"), path, path.size()) != null;
  }

  /** The FieldsV1 node at the first {@code n} steps, or null. */
  private static JsonNode descend(JsonNode node, List<TemplateDiff.Step> path, int n) {
    JsonNode at = node;
    for (int i = 0; i < n && at != null; i++) {
      TemplateDiff.Step step = path.get(i);
      at = child(at, "f:" + step.field());
      if (at != null && step.isItem()) {
        at = item(at, TemplateDiff.MERGE_KEYS.getOrDefault(step.field(), "name"), step.key());
      }
    }
    return at;
  }

  private static JsonNode child(JsonNode node, String name) {
    JsonNode child = node.get(name);
    return child == null || child.isMissingNode() ? null : child;
  }

  /** The {@code k:{...}} entry whose key field has this value (keys may hold more fields, e.g. protocol). */
  private static JsonNode item(JsonNode list, String keyField, String key) {
    for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().startsWith("k:")) {
        JsonNode k = Json.parse(e.getKey().substring(2));
        if (k.has(keyField) && k.get(keyField).asText().equals(key)) {
          return e.getValue();
        }
      }
    }
    return null;
  }
}
