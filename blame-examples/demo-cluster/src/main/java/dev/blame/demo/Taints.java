package dev.blame.demo;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Optional;

/**
 * The scheduler's TaintToleration filter ({@code pkg/scheduler/framework/plugins/tainttoleration}): the first
 * {@code NoSchedule} or {@code NoExecute} taint of the node that no toleration of the pod tolerates
 * ({@code v1helper.FindMatchingUntoleratedTaint}, {@code Toleration.ToleratesTaint}). PreferNoSchedule only scores.
 */
final class Taints {

  private Taints() {
  }

  static Optional<Taint> untolerated(Node node, Pod pod) {
    List<Taint> taints = node == null || node.getSpec() == null || node.getSpec().getTaints() == null ? List.of()
        : node.getSpec().getTaints();
    List<Toleration> tolerations = pod.getSpec().getTolerations() == null ? List.of() : pod.getSpec().getTolerations();
    return taints.stream()
        .filter(t -> "NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect()))
        .filter(t -> tolerations.stream().noneMatch(tol -> tolerates(tol, t)))
        .findFirst();
  }

  /** ToleratesTaint: the effect (empty: all), the key (empty with Exists: all), then Exists or an equal value. */
  static boolean tolerates(Toleration toleration, Taint taint) {
    if (!empty(toleration.getEffect()) && !toleration.getEffect().equals(taint.getEffect())) {
      return false;
    }
    if (!empty(toleration.getKey()) && !toleration.getKey().equals(taint.getKey())) {
      return false;
    }
    String operator = empty(toleration.getOperator()) ? "Equal" : toleration.getOperator();
    return switch (operator) {
      case "Exists" -> true;
      case "Equal" -> String.valueOf(empty(toleration.getValue()) ? "" : toleration.getValue())
          .equals(empty(taint.getValue()) ? "" : taint.getValue());
      default -> false;
    };
  }

  private static boolean empty(String s) {
    return s == null || s.isEmpty();
  }

  /** The filter's reason, as the scheduler words it. */
  static String reason(Taint taint) {
    return "node(s) had untolerated taint {" + taint.getKey() + ": " + (taint.getValue() == null ? ""
        : taint.getValue()) + "}";
  }
}
