package dev.blame.analyzers.workload;

import static dev.blame.analyzers.workload.PodAnalyzer.LIMIT_RANGE_DEFAULT;
import static dev.blame.analyzers.workload.WorkloadReasons.OOM_KILLED;

import dev.blame.analyzers.support.AdmissionPlugins;
import dev.blame.api.Evidence;
import dev.blame.api.Node;
import dev.blame.api.spi.Judgement;
import java.util.List;

/**
 * Whether the memory limit of an OOM-killed container of a pod was set by the LimitRanger admission plugin, read from
 * the pod's {@code kubernetes.io/limit-ranger} annotation. Part of {@link PodAnalyzer}.
 */
final class LimitRangerDefaults {

  private LimitRangerDefaults() {}

  /**
   * A container killed for exceeding a memory limit that the LimitRanger admission plugin set (a LimitRange's
   * default in the namespace, recorded in the pod's {@code kubernetes.io/limit-ranger} annotation): the limit is
   * not in the template, so the fix is there or in the LimitRange.
   */
  static void judge(Node node, Judgement j) {
    for (var f : List.copyOf(j.findings())) {
      if (!f.reason().equals(OOM_KILLED) || f.container().isEmpty()) {
        continue;
      }
      String container = f.container().get();
      List<String> set = AdmissionPlugins.limitRangerSet(node.annotations(), container);
      if (set.stream().anyMatch(s -> s.contains("memory") && s.endsWith("limit"))) {
        j.findInContainer(container, f.health(), LIMIT_RANGE_DEFAULT, "Container [" + container + "]'s memory limit"
            + " was set by the LimitRanger admission plugin (a LimitRange default of the namespace), not by its"
            + " template", f.since(), Evidence.field("metadata.annotations[" + AdmissionPlugins.LIMIT_RANGER_ANNOTATION
            + "]", node.annotations().get(AdmissionPlugins.LIMIT_RANGER_ANNOTATION)));
      }
    }
  }
}
