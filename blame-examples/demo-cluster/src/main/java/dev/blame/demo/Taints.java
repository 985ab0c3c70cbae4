package dev.blame.demo;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.util.ArrayList;
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

  /**
   * The NodeUnschedulable filter's exception: a pod whose tolerations tolerate the taint
   * {@code node.kubernetes.io/unschedulable:NoSchedule} may go to a cordoned node.
   */
  static boolean toleratesUnschedulable(Pod pod) {
    Taint unschedulable = new TaintBuilder().withKey(NodeLifecycleController.UNSCHEDULABLE_TAINT)
        .withEffect("NoSchedule").build();
    List<Toleration> tolerations = pod.getSpec().getTolerations() == null ? List.of() : pod.getSpec().getTolerations();
    return tolerations.stream().anyMatch(tol -> tolerates(tol, unschedulable));
  }

  /**
   * The daemon set controller's {@code AddOrUpdateDaemonPodTolerations}: a pod it creates tolerates, with
   * {@code Exists}, the node conditions' taints ({@code not-ready} and {@code unreachable} NoExecute;
   * {@code disk-pressure}, {@code memory-pressure}, {@code pid-pressure}, {@code unschedulable} NoSchedule; and
   * {@code network-unavailable} NoSchedule for a host-network pod), in that order after the template's own; a
   * template toleration with the same key, operator, value and effect is kept where it is.
   */
  static List<Toleration> daemonPodTolerations(List<Toleration> template, boolean hostNetwork) {
    List<Toleration> result = new ArrayList<>(template == null ? List.of() : template);
    List<String[]> added = new ArrayList<>(List.of(new String[] {"not-ready", "NoExecute"},
        new String[] {"unreachable", "NoExecute"}, new String[] {"disk-pressure", "NoSchedule"},
        new String[] {"memory-pressure", "NoSchedule"}, new String[] {"pid-pressure", "NoSchedule"},
        new String[] {"unschedulable", "NoSchedule"}));
    if (hostNetwork) {
      added.add(new String[] {"network-unavailable", "NoSchedule"});
    }
    for (String[] keyEffect : added) {
      Toleration toleration = new TolerationBuilder().withKey("node.kubernetes.io/" + keyEffect[0])
          .withOperator("Exists").withEffect(keyEffect[1]).build();
      if (result.stream().noneMatch(t -> sameToleration(t, toleration))) {
        result.add(toleration);
      }
    }
    return result;
  }

  /** MatchToleration: the same key, operator, value and effect. */
  private static boolean sameToleration(Toleration a, Toleration b) {
    return orEmpty(a.getKey()).equals(orEmpty(b.getKey())) && orEmpty(a.getOperator()).equals(orEmpty(b.getOperator()))
        && orEmpty(a.getValue()).equals(orEmpty(b.getValue())) && orEmpty(a.getEffect()).equals(orEmpty(b.getEffect()));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
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
