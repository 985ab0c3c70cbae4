package dev.blame.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;

/**
 * One HorizontalPodAutoscaler, two API versions: the API server stores autoscaling/v2 and serves autoscaling/v1 by
 * conversion, so an HPA made by {@code kubectl autoscale} (v1) is listed by clients that ask for v2 (kubectl
 * get, blame), and the other way round. The demo stores v2 too: a v1 request is served from the v2 path with its
 * body converted each way (as {@code pkg/apis/autoscaling/v1/conversion.go}: the CPU utilization target is the
 * {@code Resource cpu Utilization} metric; other metrics and the conditions ride in the
 * {@code autoscaling.alpha.kubernetes.io/metrics}, {@code .../current-metrics} and {@code .../conditions}
 * annotations). Watches of v1 are left to the store as they are.
 */
final class HpaVersions {

  static final String V1 = "/apis/autoscaling/v1/";
  static final String V2 = "/apis/autoscaling/v2/";
  private static final String METRICS = "autoscaling.alpha.kubernetes.io/metrics";
  private static final String CURRENT_METRICS = "autoscaling.alpha.kubernetes.io/current-metrics";
  private static final String CONDITIONS = "autoscaling.alpha.kubernetes.io/conditions";

  private HpaVersions() {
  }

  /** Whether a request path is an autoscaling/v1 HPA path this class serves from v2 (not a watch). */
  static boolean isV1(String path) {
    return path.startsWith(V1) && path.contains("/horizontalpodautoscalers")
        && !path.contains("watch=true") && !path.contains("watch=1");
  }

  static String toV2Path(String path) {
    return V2 + path.substring(V1.length());
  }

  /** A v1 object (or anything else, returned as it is) as v2. */
  static JsonNode toV2(ObjectMapper json, JsonNode v1) {
    if (!(v1 instanceof ObjectNode in) || !"HorizontalPodAutoscaler".equals(in.path("kind").asText())) {
      return v1;
    }
    ObjectNode out = in.deepCopy();
    out.put("apiVersion", "autoscaling/v2");
    ObjectNode annotations = out.path("metadata").path("annotations") instanceof ObjectNode a ? a : null;
    if (out.path("spec") instanceof ObjectNode spec) {
      ArrayNode metrics = json.createArrayNode();
      JsonNode cpu = spec.remove("targetCPUUtilizationPercentage");
      if (cpu != null && cpu.isNumber()) {
        ObjectNode resource = metrics.addObject().put("type", "Resource").putObject("resource").put("name", "cpu");
        resource.putObject("target").put("type", "Utilization").put("averageUtilization", cpu.asInt());
      }
      addAll(metrics, annotation(json, annotations, METRICS));
      if (!metrics.isEmpty()) {
        spec.set("metrics", metrics);
      }
    }
    if (out.path("status") instanceof ObjectNode status) {
      ArrayNode current = json.createArrayNode();
      JsonNode cpu = status.remove("currentCPUUtilizationPercentage");
      if (cpu != null && cpu.isNumber()) {
        current.addObject().put("type", "Resource").putObject("resource").put("name", "cpu").putObject("current")
            .put("averageUtilization", cpu.asInt());
      }
      addAll(current, annotation(json, annotations, CURRENT_METRICS));
      if (!current.isEmpty()) {
        status.set("currentMetrics", current);
      }
      JsonNode conditions = annotation(json, annotations, CONDITIONS);
      if (conditions.isArray() && !conditions.isEmpty()) {
        status.set("conditions", conditions);
      }
    }
    if (annotations != null) {
      annotations.remove(java.util.List.of(METRICS, CURRENT_METRICS, CONDITIONS));
    }
    return out;
  }

  /** A v2 object or list (or anything else, returned as it is) as v1. */
  static JsonNode toV1(ObjectMapper json, JsonNode v2) {
    if (!(v2 instanceof ObjectNode in)) {
      return v2;
    }
    if ("HorizontalPodAutoscalerList".equals(in.path("kind").asText())) {
      ObjectNode list = in.deepCopy();
      list.put("apiVersion", "autoscaling/v1");
      ArrayNode items = json.createArrayNode();
      list.path("items").forEach(item -> items.add(toV1(json, item)));
      list.set("items", items);
      return list;
    }
    if (!"HorizontalPodAutoscaler".equals(in.path("kind").asText())) {
      return v2;
    }
    ObjectNode out = in.deepCopy();
    out.put("apiVersion", "autoscaling/v1");
    ObjectNode annotations = json.createObjectNode();
    if (out.path("spec") instanceof ObjectNode spec) {
      ArrayNode others = json.createArrayNode();
      JsonNode metrics = spec.remove("metrics");
      for (JsonNode m : metrics == null ? json.createArrayNode() : metrics) {
        JsonNode target = m.path("resource").path("target");
        if (m.path("type").asText().equals("Resource") && m.path("resource").path("name").asText().equals("cpu")
            && target.path("type").asText().equals("Utilization") && !spec.has("targetCPUUtilizationPercentage")) {
          spec.put("targetCPUUtilizationPercentage", target.path("averageUtilization").asInt());
        } else {
          others.add(m);
        }
      }
      spec.remove("behavior");
      if (!others.isEmpty()) {
        annotations.put(METRICS, others.toString());
      }
    }
    if (out.path("status") instanceof ObjectNode status) {
      ArrayNode others = json.createArrayNode();
      JsonNode current = status.remove("currentMetrics");
      for (JsonNode m : current == null ? json.createArrayNode() : current) {
        JsonNode value = m.path("resource").path("current").path("averageUtilization");
        if (m.path("type").asText().equals("Resource") && m.path("resource").path("name").asText().equals("cpu")
            && value.isNumber() && !status.has("currentCPUUtilizationPercentage")) {
          status.put("currentCPUUtilizationPercentage", value.asInt());
        } else {
          others.add(m);
        }
      }
      if (!others.isEmpty()) {
        annotations.put(CURRENT_METRICS, others.toString());
      }
      JsonNode conditions = status.remove("conditions");
      if (conditions != null && conditions.isArray() && !conditions.isEmpty()) {
        annotations.put(CONDITIONS, conditions.toString());
      }
    }
    if (!annotations.isEmpty()) {
      ObjectNode meta = out.withObjectProperty("metadata");
      ObjectNode existing = meta.path("annotations") instanceof ObjectNode a ? a : meta.putObject("annotations");
      existing.setAll(annotations);
    }
    return out;
  }

  private static JsonNode annotation(ObjectMapper json, ObjectNode annotations, String key) {
    if (annotations == null || !annotations.path(key).isTextual()) {
      return json.createArrayNode();
    }
    try {
      JsonNode parsed = json.readTree(annotations.path(key).asText());
      return parsed == null ? json.createArrayNode() : parsed;
    } catch (java.io.IOException e) {
      return json.createArrayNode();
    }
  }

  private static void addAll(ArrayNode to, JsonNode from) {
    if (from.isArray()) {
      for (Iterator<JsonNode> it = from.elements(); it.hasNext(); ) {
        to.add(it.next());
      }
    }
  }
}
