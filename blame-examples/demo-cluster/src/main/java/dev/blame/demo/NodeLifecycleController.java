package dev.blame.demo;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The node lifecycle controller's no-schedule tainting pass (kube-controller-manager,
 * {@code pkg/controller/nodelifecycle}, {@code doNoScheduleTaintingPass}): a node whose {@code spec.unschedulable}
 * is set ({@code kubectl cordon}) gets the taint {@code node.kubernetes.io/unschedulable:NoSchedule}, with
 * {@code timeAdded} (as {@code SwapNodeControllerTaint} stamps every taint it adds); a node no longer unschedulable
 * loses it. Other taints are left as they are. It runs every {@value #EVERY_TICKS} ticks.
 */
final class NodeLifecycleController {

  static final int EVERY_TICKS = 5;
  static final String UNSCHEDULABLE_TAINT = "node.kubernetes.io/unschedulable";
  private static final String NO_SCHEDULE = "NoSchedule";

  private final ControllerSimulator sim;

  NodeLifecycleController(ControllerSimulator sim) {
    this.sim = sim;
  }

  void reconcile(long tick) {
    if (tick % EVERY_TICKS != 0) {
      return;
    }
    Node node = sim.client.nodes().withName(ControllerSimulator.NODE_NAME).get();
    if (node == null || node.getSpec() == null) {
      return;
    }
    boolean unschedulable = Boolean.TRUE.equals(node.getSpec().getUnschedulable());
    List<Taint> taints = node.getSpec().getTaints() == null ? List.of() : node.getSpec().getTaints();
    boolean tainted = taints.stream().anyMatch(NodeLifecycleController::isUnschedulableTaint);
    if (unschedulable == tainted) {
      return;
    }
    List<Taint> next = new ArrayList<>();
    taints.stream().filter(t -> !isUnschedulableTaint(t)).forEach(next::add);
    if (unschedulable) {
      next.add(new TaintBuilder().withKey(UNSCHEDULABLE_TAINT).withEffect(NO_SCHEDULE).withTimeAdded(sim.now())
          .build());
    }
    // an update with the resourceVersion read: a cordon or uncordon meanwhile is a conflict, retried next pass
    node.getSpec().setTaints(next.isEmpty() ? null : next);
    sim.client.nodes().resource(node).update();
  }

  static boolean isUnschedulableTaint(Taint taint) {
    return UNSCHEDULABLE_TAINT.equals(taint.getKey()) && NO_SCHEDULE.equals(taint.getEffect());
  }
}
