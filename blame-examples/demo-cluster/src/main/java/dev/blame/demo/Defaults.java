package dev.blame.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * API defaulting of the fields kubectl and the controllers rely on, as the {@code SetDefaults_*} functions of
 * k8s.io/kubernetes/pkg/apis/{core,apps,batch}/v1 fill them on every create and update: a pod spec's
 * restartPolicy, dnsPolicy, schedulerName, securityContext, terminationGracePeriodSeconds; a container's
 * imagePullPolicy, terminationMessagePath/Policy, resources and port protocols; the workloads' replicas,
 * revisionHistoryLimit, progressDeadlineSeconds and strategies; a Job's parallelism, completions, backoffLimit;
 * a Service's type, sessionAffinity and port protocols/targetPorts.
 *
 * <p>{@link #strip(JsonNode)} removes the defaulted values again, so that a pod template hashes the same
 * whether or not its writer spelled out the defaults.
 */
final class Defaults {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Defaults() {
  }

  /** Fills the defaults of a {@code kind} object in place. */
  static void apply(String kind, ObjectNode object) {
    ObjectNode spec = object.get("spec") instanceof ObjectNode s ? s : null;
    if (spec == null) {
      return;
    }
    switch (kind) {
      case "Pod" -> podSpec(spec, true);
      case "Deployment" -> {
        put(spec, "replicas", IntNode.valueOf(1));
        put(spec, "revisionHistoryLimit", IntNode.valueOf(10));
        put(spec, "progressDeadlineSeconds", IntNode.valueOf(600));
        ObjectNode strategy = spec.withObjectProperty("strategy");
        put(strategy, "type", TextNode.valueOf("RollingUpdate"));
        if ("RollingUpdate".equals(strategy.path("type").asText())) {
          ObjectNode rolling = strategy.withObjectProperty("rollingUpdate");
          put(rolling, "maxSurge", TextNode.valueOf("25%"));
          put(rolling, "maxUnavailable", TextNode.valueOf("25%"));
        }
        template(spec, true);
      }
      case "ReplicaSet" -> {
        put(spec, "replicas", IntNode.valueOf(1));
        template(spec, true);
      }
      case "StatefulSet" -> {
        put(spec, "replicas", IntNode.valueOf(1));
        put(spec, "revisionHistoryLimit", IntNode.valueOf(10));
        put(spec, "podManagementPolicy", TextNode.valueOf("OrderedReady"));
        ObjectNode strategy = spec.withObjectProperty("updateStrategy");
        put(strategy, "type", TextNode.valueOf("RollingUpdate"));
        if ("RollingUpdate".equals(strategy.path("type").asText())) {
          put(strategy.withObjectProperty("rollingUpdate"), "partition", IntNode.valueOf(0));
        }
        template(spec, true);
      }
      case "DaemonSet" -> {
        put(spec, "revisionHistoryLimit", IntNode.valueOf(10));
        ObjectNode strategy = spec.withObjectProperty("updateStrategy");
        put(strategy, "type", TextNode.valueOf("RollingUpdate"));
        if ("RollingUpdate".equals(strategy.path("type").asText())) {
          ObjectNode rolling = strategy.withObjectProperty("rollingUpdate");
          put(rolling, "maxUnavailable", IntNode.valueOf(1));
          put(rolling, "maxSurge", IntNode.valueOf(0));
        }
        template(spec, true);
      }
      case "Job" -> job(spec);
      case "CronJob" -> {
        put(spec, "concurrencyPolicy", TextNode.valueOf("Allow"));
        put(spec, "suspend", F.booleanNode(false));
        put(spec, "successfulJobsHistoryLimit", IntNode.valueOf(3));
        put(spec, "failedJobsHistoryLimit", IntNode.valueOf(1));
        if (spec.path("jobTemplate").get("spec") instanceof ObjectNode jobSpec) {
          job(jobSpec);
        }
      }
      case "Service" -> {
        put(spec, "type", TextNode.valueOf("ClusterIP"));
        put(spec, "sessionAffinity", TextNode.valueOf("None"));
        spec.path("ports").forEach(p -> {
          if (p instanceof ObjectNode port) {
            put(port, "protocol", TextNode.valueOf("TCP"));
            if (port.has("port")) {
              put(port, "targetPort", port.get("port"));
            }
          }
        });
      }
      case "HorizontalPodAutoscaler" -> {
        // autoscaling/v2 SetDefaults_HorizontalPodAutoscaler (the stored version; v1 writes are converted first)
        put(spec, "minReplicas", IntNode.valueOf(1));
        if (!spec.path("metrics").isArray() || spec.path("metrics").isEmpty()) {
          ObjectNode metric = spec.putArray("metrics").addObject().put("type", "Resource");
          metric.putObject("resource").put("name", "cpu").putObject("target").put("type", "Utilization")
              .put("averageUtilization", 80);
        }
      }
      default -> {
        // other kinds have no defaults here
      }
    }
  }

  private static void job(ObjectNode spec) {
    put(spec, "parallelism", IntNode.valueOf(1));
    put(spec, "completions", IntNode.valueOf(1));
    put(spec, "backoffLimit", IntNode.valueOf(6));
    put(spec, "completionMode", TextNode.valueOf("NonIndexed"));
    put(spec, "suspend", F.booleanNode(false));
    template(spec, false);
  }

  private static void template(ObjectNode spec, boolean restartAlways) {
    if (spec.path("template").get("spec") instanceof ObjectNode podSpec) {
      podSpec(podSpec, restartAlways);
    }
  }

  private static void podSpec(ObjectNode spec, boolean restartAlways) {
    for (Map.Entry<String, Function<ObjectNode, JsonNode>> d : podSpecDefaults(restartAlways).entrySet()) {
      put(spec, d.getKey(), d.getValue().apply(spec));
    }
    for (String list : List.of("initContainers", "containers")) {
      spec.path(list).forEach(c -> {
        if (c instanceof ObjectNode container) {
          containerDefaults(container).forEach((k, v) -> put(container, k, v));
          container.path("ports").forEach(p -> {
            if (p instanceof ObjectNode port) {
              put(port, "protocol", TextNode.valueOf("TCP"));
            }
          });
        }
      });
    }
  }

  private static Map<String, Function<ObjectNode, JsonNode>> podSpecDefaults(boolean restartAlways) {
    Map<String, Function<ObjectNode, JsonNode>> d = new java.util.LinkedHashMap<>();
    if (restartAlways) {
      d.put("restartPolicy", s -> TextNode.valueOf("Always"));
    }
    d.put("dnsPolicy", s -> TextNode.valueOf("ClusterFirst"));
    d.put("schedulerName", s -> TextNode.valueOf("default-scheduler"));
    d.put("securityContext", s -> F.objectNode());
    d.put("terminationGracePeriodSeconds", s -> IntNode.valueOf(30));
    return d;
  }

  private static Map<String, JsonNode> containerDefaults(JsonNode container) {
    String image = container.path("image").asText("");
    String afterSlash = image.substring(image.lastIndexOf('/') + 1);
    boolean latest = !image.contains("@") && (!afterSlash.contains(":") || afterSlash.endsWith(":latest"));
    return Map.of("imagePullPolicy", TextNode.valueOf(latest ? "Always" : "IfNotPresent"),
        "terminationMessagePath", TextNode.valueOf("/dev/termination-log"),
        "terminationMessagePolicy", TextNode.valueOf("File"),
        "resources", F.objectNode());
  }

  /**
   * A copy of a pod template with every value equal to its default removed (including those a writer
   * spelled out), for hashing.
   */
  static JsonNode strip(JsonNode template) {
    JsonNode copy = template.deepCopy();
    if (copy.get("spec") instanceof ObjectNode spec) {
      podSpecDefaults(true).forEach((k, v) -> {
        if (spec.has(k) && same(spec.get(k), v.apply(spec))) {
          spec.remove(k);
        }
      });
      for (String list : List.of("initContainers", "containers")) {
        spec.path(list).forEach(c -> {
          if (c instanceof ObjectNode container) {
            containerDefaults(container).forEach((k, v) -> {
              if (container.has(k) && same(container.get(k), v)) {
                container.remove(k);
              }
            });
            container.path("ports").forEach(p -> {
              if (p instanceof ObjectNode port && "TCP".equals(port.path("protocol").asText())) {
                port.remove("protocol");
              }
            });
          }
        });
      }
    }
    return copy;
  }

  /** Equal values; numbers by value (a typed client's long 30 is the int default 30). */
  private static boolean same(JsonNode a, JsonNode b) {
    return a.isNumber() && b.isNumber() ? a.asLong() == b.asLong() : a.equals(b);
  }

  private static void put(ObjectNode node, String field, JsonNode value) {
    if (!node.has(field) || node.get(field).isNull()) {
      node.set(field, value);
    }
  }
}
