package dev.blame.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The API server's check that a workload selects the pods of its own template ({@code pkg/apis/apps/validation}:
 * {@code ValidateDeploymentSpec}, {@code ValidateReplicaSetSpec}, {@code ValidateStatefulSetSpec},
 * {@code ValidateDaemonSetSpec}): a non-empty {@code spec.selector} that does not match
 * {@code spec.template.metadata.labels} is the field error {@code spec.template.metadata.labels: Invalid value:
 * map[string]string{"app":"x"}: `selector` does not match template `labels`}, the value printed as Go's {@code %#v}
 * prints it (a 1.29 server; later ones print JSON). A missing selector is left to kubectl's client-side validation.
 */
final class SelectorValidation {

  private static final Set<String> APPS_WORKLOADS = Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet");

  private SelectorValidation() {
  }

  /** The field error's value and detail for an apps/v1 workload whose selector misses its template, if so. */
  static Optional<String> mismatch(String group, String kind, JsonNode object) {
    if (!"apps".equals(group) || !APPS_WORKLOADS.contains(kind)) {
      return Optional.empty();
    }
    JsonNode selector = object.path("spec").path("selector");
    JsonNode labels = object.path("spec").path("template").path("metadata").path("labels");
    if (!selector.isObject() || selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty()
        || matches(selector, labels)) {
      return Optional.empty();
    }
    return Optional.of("Invalid value: " + goMap(labels) + ": `selector` does not match template `labels`");
  }

  /** metav1.LabelSelectorAsSelector(selector).Matches(labels). */
  static boolean matches(JsonNode selector, JsonNode labels) {
    for (Map.Entry<String, JsonNode> e : selector.path("matchLabels").properties()) {
      if (!labels.path(e.getKey()).isTextual() || !labels.path(e.getKey()).asText().equals(e.getValue().asText())) {
        return false;
      }
    }
    for (JsonNode r : selector.path("matchExpressions")) {
      JsonNode value = labels.path(r.path("key").asText());
      List<String> values = new ArrayList<>();
      r.path("values").forEach(v -> values.add(v.asText()));
      boolean has = value.isTextual();
      boolean ok = switch (r.path("operator").asText()) {
        case "In" -> has && values.contains(value.asText());
        case "NotIn" -> !has || !values.contains(value.asText());
        case "Exists" -> has;
        case "DoesNotExist" -> !has;
        default -> false;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Go's {@code %#v} of a {@code map[string]string}: keys sorted, values quoted. */
  static String goMap(JsonNode labels) {
    if (!labels.isObject()) {
      return "map[string]string(nil)";
    }
    Map<String, String> sorted = new TreeMap<>();
    labels.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
    List<String> entries = new ArrayList<>();
    sorted.forEach((k, v) -> entries.add(goQuote(k) + ":" + goQuote(v)));
    return "map[string]string{" + String.join(", ", entries) + "}";
  }

  private static String goQuote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
