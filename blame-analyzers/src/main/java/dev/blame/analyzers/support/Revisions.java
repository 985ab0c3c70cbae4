package dev.blame.analyzers.support;

import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.RevisionRef;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.Optional;

/** Reads revision attribution from the annotations and labels the workload controllers write. */
public final class Revisions {

  public static final String DEPLOYMENT_REVISION = "deployment.kubernetes.io/revision";
  public static final String POD_TEMPLATE_HASH = "pod-template-hash";
  public static final String CONTROLLER_REVISION_HASH = "controller-revision-hash";

  private Revisions() {}

  /** {@code deployment.kubernetes.io/revision}, or 0 when absent or not a number. */
  public static long number(Node node) {
    try {
      return Long.parseLong(node.annotations().getOrDefault(DEPLOYMENT_REVISION, "0").trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The controlling owner reference, if any. */
  public static Optional<OwnerReference> controller(Node node) {
    return node.ownerReferences().stream()
        .filter(o -> Boolean.TRUE.equals(o.getController()))
        .findFirst();
  }

  /** The controlling owner, if it is of this kind. */
  public static Optional<ObjectRef> controllerOfKind(Node node, GroupKind kind) {
    // Runs on every analysis of a pod and a ReplicaSet: no stream, and a reference built only when it matches.
    for (OwnerReference o : node.ownerReferences()) {
      if (!Boolean.TRUE.equals(o.getController())) {
        continue;
      }
      if (o.getKind() == null || o.getName() == null || o.getApiVersion() == null
          || !GroupKind.fromApiVersion(o.getApiVersion(), o.getKind()).equals(kind)) {
        return Optional.empty();
      }
      return Optional.of(ObjectRef.of(kind, node.ref().namespace(), o.getName()));
    }
    return Optional.empty();
  }

  /**
   * The revision a ReplicaSet holds: owner is its controlling Deployment (the ReplicaSet itself when it has
   * none), number from {@code deployment.kubernetes.io/revision}, hash from {@code pod-template-hash}.
   */
  public static RevisionRef ofReplicaSet(Node rs) {
    return RevisionRef.builder()
        .owner(controllerOfKind(rs, GroupKind.DEPLOYMENT).orElse(rs.ref().key()))
        .number(number(rs))
        .hash(Optional.ofNullable(rs.labels().get(POD_TEMPLATE_HASH)))
        .holder(rs.ref().key())
        .build();
  }
}
