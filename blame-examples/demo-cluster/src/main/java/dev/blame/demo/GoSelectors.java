package dev.blame.demo;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code *metav1.LabelSelector} as Go's {@code %v} prints it in an event message: the protobuf-generated
 * {@code String()} of {@code k8s.io/apimachinery/pkg/apis/meta/v1/generated.pb.go}, map keys sorted, e.g.
 * {@code &LabelSelector{MatchLabels:map[string]string{app: web,},MatchExpressions:[]LabelSelectorRequirement{},}}.
 */
final class GoSelectors {

  private GoSelectors() {
  }

  static String of(LabelSelector selector) {
    if (selector == null) {
      return "nil";
    }
    StringBuilder out = new StringBuilder("&LabelSelector{MatchLabels:map[string]string{");
    Map<String, String> labels = selector.getMatchLabels() == null ? Map.of()
        : new TreeMap<>(selector.getMatchLabels());
    labels.forEach((k, v) -> out.append(k).append(": ").append(v).append(','));
    out.append("},MatchExpressions:[]LabelSelectorRequirement{");
    List<LabelSelectorRequirement> expressions = selector.getMatchExpressions() == null ? List.of()
        : selector.getMatchExpressions();
    for (LabelSelectorRequirement r : expressions) {
      List<String> values = r.getValues() == null ? List.of() : r.getValues();
      out.append("LabelSelectorRequirement{Key:").append(r.getKey()).append(",Operator:").append(r.getOperator())
          .append(",Values:[").append(String.join(" ", values)).append("],},");
    }
    return out.append("},}").toString();
  }
}
