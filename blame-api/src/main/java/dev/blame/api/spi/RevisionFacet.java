package dev.blame.api.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blame.api.Node;
import java.util.List;
import java.util.Optional;

/**
 * The revisions of a kind of workload: which objects hold them, which one the workload is at, and which one a
 * pod or holder belongs to. With it, an object of the kind takes part in the effect-to-cause view: which
 * revision, what its template changed from the one before, who changed it (from the workload's
 * {@code metadata.managedFields} under {@code spec.template}) and when.
 *
 * <p>The engine finds the workload of an explained object by walking owner references up from it (a pod, its
 * ReplicaSet, their Deployment) to the first object whose kind a revision facet selects; the first facet that
 * selects a kind is the one used. Implementations must be pure (see {@link Facet}).
 */
public interface RevisionFacet extends Facet {

  /**
   * The revisions of a workload, read from the objects holding them (usually its owned children, see
   * {@link GraphView#targets}).
   *
   * @param workload an object of a kind this facet selects
   * @param graph the graph around it
   * @return its revisions sorted by number, then by holder; empty when none is in the graph; never null
   */
  List<Revision> revisions(Node workload, GraphView graph);

  /**
   * The revision the workload's spec is at. By default the highest-numbered one.
   *
   * @param workload the workload
   * @param revisions its revisions, as {@link #revisions} returned them
   * @return the current revision; empty only when there are none
   */
  default Optional<Revision> current(Node workload, List<Revision> revisions) {
    return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
  }

  /**
   * The revision an object under the workload belongs to: a holder is its own revision, a pod the one whose
   * hash its labels carry. By default, by holder only.
   *
   * @param object a holder or a pod (or a descendant of another kind) under the workload
   * @param revisions the workload's revisions
   * @return its revision, or empty when it belongs to none of them
   */
  default Optional<Revision> revisionOf(Node object, List<Revision> revisions) {
    return revisions.stream().filter(r -> r.holder().ref().equals(object.ref())).findFirst();
  }

  /**
   * The pod template a pod that the workload controls directly was made from, for telling what admission added
   * to the pod (see {@link InjectionFacet}). By default its revision's template, else the workload's
   * {@code spec.template}.
   *
   * @param workload the pod's controlling owner, of a kind this facet selects
   * @param pod the pod
   * @param graph the graph around them
   * @return the template as a tree ({@code metadata}, {@code spec}), or empty when unknown
   */
  default Optional<JsonNode> podTemplate(Node workload, Node pod, GraphView graph) {
    Optional<Revision> revision = revisionOf(pod, revisions(workload, graph));
    if (revision.isPresent() && revision.get().template().isObject()) {
      return Optional.of(revision.get().template());
    }
    JsonNode template = graph.tree(workload).path("spec").path("template");
    return template.isObject() ? Optional.of(template) : Optional.empty();
  }
}
