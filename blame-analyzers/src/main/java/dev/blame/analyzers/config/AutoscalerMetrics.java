package dev.blame.analyzers.config;

import dev.blame.api.spi.Unstructured;
import java.util.ArrayList;
import java.util.List;

/**
 * The current metric values a HorizontalPodAutoscaler's controller wrote in {@code status.currentMetrics} (or
 * {@code currentCPUUtilizationPercentage}): whether it computed every metric of the spec, and the values as text.
 * Part of {@link HorizontalPodAutoscalerAnalyzer}.
 */
final class AutoscalerMetrics {

  private AutoscalerMetrics() {}

  /**
   * No condition in view (a {@code kubectl get} line, a trimmed capture), and a current value for every metric of
   * the spec: the HPA controller wrote them. It reads the target's scale first (a failure there sets
   * {@code AbleToScale=False} and stops before any metric) and writes a metric's current value only when it could
   * compute that metric (a metric it cannot read keeps an empty entry: kubectl's {@code <unknown>}), in the same
   * status update as its conditions (pkg/controller/podautoscaler/horizontal.go, {@code reconcileAutoscaler}). So
   * the conditions were not captured, and the controller got the scale and every metric in its last sync: judged as
   * {@code AbleToScale=True}. An {@code autoscaling/v1} object's {@code currentCPUUtilizationPercentage} says the same.
   */
  static boolean computed(Unstructured u) {
    if (u.number("status", "currentCPUUtilizationPercentage").isPresent()) {
      return true;
    }
    List<Unstructured> current = u.list("status", "currentMetrics");
    return !current.isEmpty() && current.size() >= u.list("spec", "metrics").size()
        && current.stream().allMatch(m -> !value(m).isEmpty());
  }

  /** The current metric values the controller could read, e.g. {@code cpu 186% (372m)}, or {@code <none>}. */
  static String describe(Unstructured u) {
    List<String> values = new ArrayList<>();
    for (Unstructured m : u.list("status", "currentMetrics")) {
      String type = m.string("type");
      Unstructured source = m.child(type.isEmpty() ? "resource"
          : Character.toLowerCase(type.charAt(0)) + type.substring(1));
      String name = source.string("name").isEmpty() ? source.string("metric", "name") : source.string("name");
      values.add((name.isEmpty() ? type : name) + " " + value(m));
    }
    u.number("status", "currentCPUUtilizationPercentage").filter(v -> values.isEmpty())
        .ifPresent(v -> values.add("cpu " + v + "%"));
    return values.isEmpty() ? "<none>" : String.join(", ", values);
  }

  /** A current metric's value ({@code current} of autoscaling/v2 and v2beta2, {@code current*} of v2beta1), or "". */
  private static String value(Unstructured m) {
    String type = m.string("type");
    Unstructured source = m.child(type.isEmpty() ? "resource"
        : Character.toLowerCase(type.charAt(0)) + type.substring(1));
    Unstructured current = source.child("current");
    String utilization = current.string("averageUtilization").isEmpty() ? source.string("currentAverageUtilization")
        : current.string("averageUtilization");
    if (!utilization.isEmpty()) {
      return utilization + "%";
    }
    for (String v : List.of(current.string("averageValue"), current.string("value"),
        source.string("currentAverageValue"), source.string("currentValue"))) {
      if (!v.isEmpty()) {
        return v;
      }
    }
    return "";
  }
}
