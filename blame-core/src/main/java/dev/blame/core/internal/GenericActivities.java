package dev.blame.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blame.api.Activity;
import dev.blame.api.Activity.Verb;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The activities the engine can read off the objects themselves when no analyzer reported any: a Deployment
 * creating the ReplicaSet of its current revision while that is not ready, a controller deleting the pods
 * marked for deletion and creating those not yet ready, a StatefulSet updating pods still at an old revision
 * at or above its partition. Workload analyzers know better; their activities always win.
 */
final class GenericActivities {

  private GenericActivities() {}

  static List<Activity> of(GraphStore store, Node node) {
    GroupKind kind = node.ref().groupKind();
    List<Activity> deleting = new ArrayList<>();
    List<Activity> creating = new ArrayList<>();
    List<Activity> updating = new ArrayList<>();
    if (kind.equals(GroupKind.DEPLOYMENT)) {
      List<Revisions.Rev> revs = Revisions.of(node, children(store, node, GroupKind.REPLICA_SET));
      Revisions.current(node, revs).filter(r -> !replicaSetReady(r.holder()))
          .ifPresent(r -> creating.add(Activity.of(Verb.CREATING, r.holder().ref().key())));
    } else if (kind.equals(GroupKind.REPLICA_SET)) {
      pods(store, node, deleting, creating);
      Optional<Node> deployment = owner(store, node, GroupKind.DEPLOYMENT);
      if (deployment.isPresent() && !replicaSetReady(node)) {
        List<Node> siblings = children(store, deployment.get(), GroupKind.REPLICA_SET);
        List<Revisions.Rev> revs = Revisions.of(deployment.get(), siblings);
        boolean current = Revisions.current(deployment.get(), revs)
            .map(r -> r.holder().ref().equals(node.ref())).orElse(false);
        if (current) {
          for (Node sibling : siblings) {
            if (!sibling.ref().equals(node.ref())) {
              for (Node pod : children(store, sibling, GroupKind.POD)) {
                if (pod.deletedAt().isPresent()) {
                  deleting.add(Activity.of(Verb.DELETING, pod.ref().key()));
                }
              }
            }
          }
        }
      }
    } else if (kind.equals(GroupKind.STATEFUL_SET) || kind.equals(GroupKind.DAEMON_SET)) {
      pods(store, node, deleting, creating);
      JsonNode tree = Json.tree(node.object());
      String updateRevision = tree.path("status").path("updateRevision").asText("");
      int partition = tree.path("spec").path("updateStrategy").path("rollingUpdate").path("partition").asInt(0);
      if (!updateRevision.isEmpty()) {
        for (Node pod : children(store, node, GroupKind.POD)) {
          String hash = pod.labels().getOrDefault("controller-revision-hash", updateRevision);
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

  private static void pods(GraphStore store, Node owner, List<Activity> deleting, List<Activity> creating) {
    for (Node pod : children(store, owner, GroupKind.POD)) {
      if (pod.deletedAt().isPresent()) {
        deleting.add(Activity.of(Verb.DELETING, pod.ref().key()));
      } else if (!podReady(pod)) {
        creating.add(Activity.of(Verb.CREATING, pod.ref().key()));
      }
    }
  }

  static List<Node> children(GraphStore store, Node owner, GroupKind kind) {
    List<Node> nodes = new ArrayList<>();
    for (ObjectRef child : store.children(owner.ref())) {
      if (child.groupKind().equals(kind)) {
        store.node(child).ifPresent(nodes::add);
      }
    }
    nodes.sort((a, b) -> a.ref().compareTo(b.ref()));
    return nodes;
  }

  static Optional<Node> owner(GraphStore store, Node node, GroupKind kind) {
    return store.edgesTo(node.ref()).stream()
        .filter(e -> e.kind() == dev.blame.api.EdgeKind.OWNS && e.from().groupKind().equals(kind))
        .flatMap(e -> store.node(e.from()).stream())
        .findFirst();
  }

  private static boolean replicaSetReady(Node rs) {
    JsonNode tree = Json.tree(rs.object());
    int desired = tree.path("spec").path("replicas").asInt(1);
    return tree.path("status").path("readyReplicas").asInt(0) >= desired;
  }

  static boolean podReady(Node pod) {
    for (JsonNode c : Json.tree(pod.object()).path("status").path("conditions")) {
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
