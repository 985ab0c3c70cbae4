package dev.blame.analyzers.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blame.analyzers.support.Children;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.RevisionRef;
import dev.blame.api.spi.GraphView;
import dev.blame.api.spi.KindSelector;
import dev.blame.api.spi.Revision;
import dev.blame.api.spi.RevisionFacet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * StatefulSet and DaemonSet revisions are their ControllerRevisions, numbered by {@code .revision}, whose
 * {@code .data} holds {@code {"spec":{"template":{..., "$patch":"replace"}}}} (see
 * {@code pkg/controller/history/controller_history.go}). Pods carry {@code controller-revision-hash}; the
 * StatefulSet's {@code status.updateRevision} names its current revision (a DaemonSet's is its newest). A StatefulSet's pods also get a volume per
 * {@code volumeClaimTemplates} entry from the controller, so those are part of the template they were made from.
 */
public final class ControllerRevisions implements RevisionFacet {

  static final String CONTROLLER_REVISION_HASH = "controller-revision-hash";

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.STATEFUL_SET, GroupKind.DAEMON_SET);
  }

  @Override
  public List<Revision> revisions(Node workload, GraphView graph) {
    List<Revision> revs = new ArrayList<>();
    for (Node holder : Children.owned(graph, workload.ref(), GroupKind.CONTROLLER_REVISION)) {
      JsonNode tree = graph.tree(holder);
      JsonNode template = tree.path("data").path("spec").path("template").deepCopy();
      if (template.isObject()) {
        ((ObjectNode) template).remove("$patch");
      }
      RevisionRef ref = RevisionRef.builder().owner(workload.ref()).number(tree.path("revision").asLong(0))
          .hash(hashOf(workload, holder)).holder(holder.ref()).build();
      revs.add(Revision.builder().ref(ref).holder(holder).template(template).build());
    }
    return RevisionMatch.sorted(revs);
  }

  private static Optional<String> hashOf(Node workload, Node revision) {
    String label = revision.labels().get("controller.kubernetes.io/hash");
    if (label != null) {
      return Optional.of(label);
    }
    String prefix = workload.ref().name() + "-";
    String name = revision.ref().name();
    return name.startsWith(prefix) ? Optional.of(name.substring(prefix.length())) : Optional.empty();
  }

  @Override
  public Optional<Revision> current(Node workload, List<Revision> revisions) {
    return Optional.of(workload).map(w -> updateRevision(w))
        .flatMap(update -> revisions.stream().filter(r -> r.holder().ref().name().equals(update)).findFirst())
        .or(() -> RevisionFacet.super.current(workload, revisions));
  }

  private static String updateRevision(Node workload) {
    return workload.as(io.fabric8.kubernetes.api.model.apps.StatefulSet.class)
        .map(s -> s.getStatus() == null ? null : s.getStatus().getUpdateRevision())
        .orElse("");
  }

  @Override
  public Optional<Revision> revisionOf(Node object, List<Revision> revisions) {
    return RevisionMatch.of(object, revisions, DeploymentRevisions.POD_TEMPLATE_HASH, CONTROLLER_REVISION_HASH);
  }

  @Override
  public Optional<JsonNode> podTemplate(Node workload, Node pod, GraphView graph) {
    Optional<JsonNode> template = RevisionFacet.super.podTemplate(workload, pod, graph);
    return workload.ref().groupKind().equals(GroupKind.STATEFUL_SET)
        ? template.map(t -> withClaimVolumes(t, graph.tree(workload))) : template;
  }

  /** The template with a volume per {@code volumeClaimTemplates} entry, as the StatefulSet controller adds them. */
  private static JsonNode withClaimVolumes(JsonNode template, JsonNode statefulSet) {
    JsonNode claims = statefulSet.path("spec").path("volumeClaimTemplates");
    if (!claims.isArray() || claims.isEmpty()) {
      return template;
    }
    ObjectNode copy = template.deepCopy();
    ArrayNode volumes = copy.with("spec").withArray("volumes");
    for (JsonNode claim : claims) {
      String name = claim.path("metadata").path("name").asText("");
      if (!name.isEmpty()) {
        volumes.addObject().put("name", name).putObject("persistentVolumeClaim").put("claimName", name);
      }
    }
    return copy;
  }
}
