package dev.blame.analyzers.rollouts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blame.analyzers.provenance.RevisionMatch;
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
 * A Rollout's revisions are its ReplicaSets, numbered by {@code rollout.argoproj.io/revision}, their pods
 * carrying {@code rollouts-pod-template-hash}. The current one is the ReplicaSet whose hash is the Rollout's
 * {@code status.currentPodHash} (the template its spec is at, even while aborted), else the one its own revision
 * annotation names. The hash label the controller adds to each ReplicaSet's template is no change.
 */
// tag::revision-facet[]
public final class RolloutRevisions implements RevisionFacet {

  @Override
  public KindSelector kinds() {
    return KindSelector.of(Rollouts.ROLLOUT);
  }

  @Override
  public List<Revision> revisions(Node rollout, GraphView graph) {
    List<Revision> revs = new ArrayList<>();
    for (Node rs : Children.owned(graph, rollout.ref(), GroupKind.REPLICA_SET)) {
      String hash = rs.labels().get(Rollouts.POD_TEMPLATE_HASH);
      JsonNode template = graph.tree(rs).path("spec").path("template");
      if (template.path("metadata").path("labels").has(Rollouts.POD_TEMPLATE_HASH)) {
        template = template.deepCopy();
        ((ObjectNode) template.path("metadata").path("labels")).remove(Rollouts.POD_TEMPLATE_HASH);
      }
      RevisionRef ref = RevisionRef.builder().owner(rollout.ref())
          .number(RevisionMatch.number(rs.annotations().get(Rollouts.REVISION)))
          .hash(Optional.ofNullable(hash)).holder(rs.ref()).build();
      revs.add(Revision.builder().ref(ref).holder(rs).template(template).build());
    }
    return RevisionMatch.sorted(revs);
  }

  @Override
  public Optional<Revision> current(Node rollout, List<Revision> revisions) {
    String hash = RolloutStatus.of(rollout).currentPodHash();
    long number = RevisionMatch.number(rollout.annotations().get(Rollouts.REVISION));
    return revisions.stream().filter(r -> !hash.isEmpty() && r.ref().hash().filter(hash::equals).isPresent())
        .findFirst()
        .or(() -> revisions.stream().filter(r -> number > 0 && r.number() == number).findFirst())
        .or(() -> RevisionFacet.super.current(rollout, revisions));
  }

  @Override
  public Optional<Revision> revisionOf(Node object, List<Revision> revisions) {
    return RevisionMatch.of(object, revisions, Rollouts.POD_TEMPLATE_HASH);
  }
}
// end::revision-facet[]
