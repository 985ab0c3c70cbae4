package dev.blame.demo;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;

/**
 * The kubelet's node status loop, for what it records about the node itself (after {@code pkg/kubelet}'s
 * {@code recordNodeSchedulableEvent}): when {@code spec.unschedulable} differs from what the previous pass saw
 * ({@code kubectl cordon}/{@code uncordon}), a Normal event {@code NodeNotSchedulable} or {@code NodeSchedulable}
 * "Node demo-node status is now: ...", about the kubelet's node reference (kind Node, uid = the node's name, as the
 * kubelet sets it; {@code kubectl describe node} also looks for events under that uid). It runs every
 * {@value #EVERY_TICKS} ticks, as the kubelet reports its node status every few seconds rather than at once.
 */
final class KubeletNodeStatus {

  static final int EVERY_TICKS = 10;

  private final ControllerSimulator sim;
  private boolean lastUnschedulable;

  KubeletNodeStatus(ControllerSimulator sim) {
    this.sim = sim;
  }

  void reconcile(long tick) {
    if (tick % EVERY_TICKS != 0) {
      return;
    }
    Node node = sim.client.nodes().withName(ControllerSimulator.NODE_NAME).get();
    if (node == null) {
      return;
    }
    boolean unschedulable = node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
    if (unschedulable == lastUnschedulable) {
      return;
    }
    String reason = unschedulable ? "NodeNotSchedulable" : "NodeSchedulable";
    Node ref = new NodeBuilder().withNewMetadata().withName(ControllerSimulator.NODE_NAME)
        .withUid(ControllerSimulator.NODE_NAME).endMetadata().build();
    ref.setApiVersion(null);
    sim.events.record(ref, null, "kubelet", "Normal", reason,
        "Node " + ControllerSimulator.NODE_NAME + " status is now: " + reason);
    lastUnschedulable = unschedulable;
  }
}
