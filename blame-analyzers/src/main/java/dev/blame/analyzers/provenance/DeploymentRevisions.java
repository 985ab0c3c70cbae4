package dev.blame.analyzers.provenance;

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
 * A Deployment's revisions are its ReplicaSets, numbered by {@code deployment.kubernetes.io/revision}; a
 * rolled-back-to ReplicaSet is renumbered and remembers its old numbers in
 * {@code deployment.kubernetes.io/revision-history} (see {@code pkg/controller/deployment/sync.go},
 * {@code rollback.go}). Pods carry {@code pod-template-hash}; the Deployment's own annotation names its current
 * revision.
 */
public final class DeploymentRevisions implements RevisionFacet {

  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
  static final String POD_TEMPLATE_HASH = "pod-template-hash";

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.DEPLOYMENT);
  }

  @Override
  public List<Revision> revisions(Node workload, GraphView graph) {
    List<Revision> revs = new ArrayList<>();
    for (Node rs : Children.owned(graph, workload.ref(), GroupKind.REPLICA_SET)) {
      RevisionRef ref = RevisionRef.builder().owner(workload.ref())
          .number(RevisionMatch.number(rs.annotations().get(REVISION)))
          .hash(Optional.ofNullable(rs.labels().get(POD_TEMPLATE_HASH))).holder(rs.ref()).build();
      revs.add(Revision.builder().ref(ref).holder(rs).template(graph.tree(rs).path("spec").path("template"))
          .history(RevisionMatch.history(rs.annotations().get(REVISION_HISTORY))).build());
    }
    return RevisionMatch.sorted(revs);
  }

  @Override
  public Optional<Revision> current(Node workload, List<Revision> revisions) {
    long number = RevisionMatch.number(workload.annotations().get(REVISION));
    Optional<Revision> byNumber = revisions.stream().filter(r -> r.number() == number).findFirst();
    return number > 0 && byNumber.isPresent() ? byNumber : RevisionFacet.super.current(workload, revisions);
  }

  @Override
  public Optional<Revision> revisionOf(Node object, List<Revision> revisions) {
    return RevisionMatch.of(object, revisions, POD_TEMPLATE_HASH);
  }
}
