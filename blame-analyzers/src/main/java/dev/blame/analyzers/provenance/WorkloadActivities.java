package dev.blame.analyzers.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blame.analyzers.support.Children;
import dev.blame.api.Activity;
import dev.blame.api.Activity.Verb;
import dev.blame.api.EdgeKind;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.spi.ActivityFacet;
import dev.blame.api.spi.GraphView;
import dev.blame.api.spi.KindSelector;
import dev.blame.api.spi.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the built-in workload controllers are doing, read off their children: a Deployment creating the ReplicaSet
 * of its current revision while that is not ready; a ReplicaSet, StatefulSet or DaemonSet deleting the pods marked
 * for deletion and creating those not yet ready; the current ReplicaSet of a Deployment waiting on the old ones'
 * pods being deleted; a StatefulSet updating pods still at an old revision at or above its partition
 * ({@code spec.updateStrategy.rollingUpdate.partition}), a DaemonSet updating every such pod.
 */
public final class WorkloadActivities implements ActivityFacet {

  private static final DeploymentRevisions DEPLOYMENT_REVISIONS = new DeploymentRevisions();

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.DEPLOYMENT, GroupKind.REPLICA_SET, GroupKind.STATEFUL_SET, GroupKind.DAEMON_SET);
  }

  @Override
  public List<Activity> activities(Node node, GraphView graph) {
    GroupKind kind = node.ref().groupKind();
    List<Activity> deleting = new ArrayList<>();
    List<Activity> creating = new ArrayList<>();
    List<Activity> updating = new ArrayList<>();
    if (kind.equals(GroupKind.DEPLOYMENT)) {
      List<Revision> revs = DEPLOYMENT_REVISIONS.revisions(node, graph);
      DEPLOYMENT_REVISIONS.current(node, revs).filter(r -> !replicaSetReady(graph, r.holder()))
          .ifPresent(r -> creating.add(Activity.of(Verb.CREATING, r.holder().ref().key())));
    } else if (kind.equals(GroupKind.REPLICA_SET)) {
      pods(graph, node, deleting, creating);
      Optional<Node> deployment = owner(graph, node, GroupKind.DEPLOYMENT);
      if (deployment.isPresent() && !replicaSetReady(graph, node)) {
        List<Revision> revs = DEPLOYMENT_REVISIONS.revisions(deployment.get(), graph);
        boolean current = DEPLOYMENT_REVISIONS.current(deployment.get(), revs)
            .map(r -> r.holder().ref().equals(node.ref())).orElse(false);
        if (current) {
          for (Node sibling : Children.owned(graph, deployment.get().ref(), GroupKind.REPLICA_SET)) {
            if (!sibling.ref().equals(node.ref())) {
              for (Node pod : Children.owned(graph, sibling.ref(), GroupKind.POD)) {
                if (pod.deletedAt().isPresent()) {
                  deleting.add(Activity.of(Verb.DELETING, pod.ref().key()));
                }
              }
            }
          }
        }
      }
    } else if (kind.equals(GroupKind.STATEFUL_SET) || kind.equals(GroupKind.DAEMON_SET)) {
      pods(graph, node, deleting, creating);
      JsonNode tree = graph.tree(node);
      String updateRevision = tree.path("status").path("updateRevision").asText("");
      int partition = tree.path("spec").path("updateStrategy").path("rollingUpdate").path("partition").asInt(0);
      if (!updateRevision.isEmpty()) {
        for (Node pod : Children.owned(graph, node.ref(), GroupKind.POD)) {
          String hash = pod.labels().getOrDefault(ControllerRevisions.CONTROLLER_REVISION_HASH, updateRevision);
          if (!hash.equals(updateRevision) && pod.deletedAt().isEmpty()
              && (kind.equals(GroupKind.DAEMON_SET) || ordinal(pod) >= partition)) {
            updating.add(Activity.of(Verb.UPDATING, pod.ref().key(), "to " + updateRevision));
          }
        }
      }
    }
    List<Activity> all = new ArrayList<>(deleting);
    all.addAll(creating);
    all.addAll(updating);
    return all;
  }

  private static void pods(GraphView graph, Node owner, List<Activity> deleting, List<Activity> creating) {
    for (Node pod : Children.owned(graph, owner.ref(), GroupKind.POD)) {
      if (pod.deletedAt().isPresent()) {
        deleting.add(Activity.of(Verb.DELETING, pod.ref().key()));
      } else if (!podReady(graph, pod)) {
        creating.add(Activity.of(Verb.CREATING, pod.ref().key()));
      }
    }
  }

  private static Optional<Node> owner(GraphView graph, Node node, GroupKind kind) {
    return graph.edgesTo(node.ref()).stream()
        .filter(e -> e.kind() == EdgeKind.OWNS && e.from().groupKind().equals(kind))
        .flatMap(e -> graph.node(e.from()).stream())
        .findFirst();
  }

  private static boolean replicaSetReady(GraphView graph, Node rs) {
    JsonNode tree = graph.tree(rs);
    int desired = tree.path("spec").path("replicas").asInt(1);
    return tree.path("status").path("readyReplicas").asInt(0) >= desired;
  }

  private static boolean podReady(GraphView graph, Node pod) {
    for (JsonNode c : graph.tree(pod).path("status").path("conditions")) {
      if ("Ready".equals(c.path("type").asText())) {
        return "True".equals(c.path("status").asText());
      }
    }
    return false;
  }

  private static int ordinal(Node pod) {
    String name = pod.ref().name();
    int dash = name.lastIndexOf('-');
    try {
      return dash < 0 ? -1 : Integer.parseInt(name.substring(dash + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
