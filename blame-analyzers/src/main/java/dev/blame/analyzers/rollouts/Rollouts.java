package dev.blame.analyzers.rollouts;

import dev.blame.api.GroupKind;

/** The names Argo Rollouts gives its kind, labels and annotations. */
final class Rollouts {

  static final GroupKind ROLLOUT = GroupKind.of("argoproj.io", "Rollout");
  /** On each ReplicaSet and pod of a Rollout: the hash of the pod template, as {@code pod-template-hash} is for Deployments. */
  static final String POD_TEMPLATE_HASH = "rollouts-pod-template-hash";
  /** On the Rollout and on each of its ReplicaSets: the revision number. */
  static final String REVISION = "rollout.argoproj.io/revision";

  private Rollouts() {}
}
