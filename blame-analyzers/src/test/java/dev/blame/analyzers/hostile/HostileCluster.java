package dev.blame.analyzers.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Random;

/**
 * Generates hostile clusters from a seed: kinds known and unknown, names, uids and owners drawn from tiny
 * pools (so cycles, self-owners, dangling owners and duplicate uids are common), invalid selectors, garbage
 * timestamps, negative counts, statuses in every state, huge annotations and deep nesting.
 */
final class HostileCluster {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  static final List<String[]> KINDS = List.of(
      new String[] {"v1", "Pod"}, new String[] {"apps/v1", "Deployment"}, new String[] {"apps/v1", "ReplicaSet"},
      new String[] {"apps/v1", "StatefulSet"}, new String[] {"apps/v1", "DaemonSet"},
      new String[] {"apps/v1", "ControllerRevision"}, new String[] {"batch/v1", "Job"},
      new String[] {"batch/v1", "CronJob"}, new String[] {"v1", "Service"},
      new String[] {"networking.k8s.io/v1", "Ingress"}, new String[] {"autoscaling/v2", "HorizontalPodAutoscaler"},
      new String[] {"autoscaling/v1", "HorizontalPodAutoscaler"}, new String[] {"policy/v1", "PodDisruptionBudget"},
      new String[] {"v1", "PersistentVolumeClaim"}, new String[] {"v1", "PersistentVolume"},
      new String[] {"v1", "ConfigMap"}, new String[] {"v1", "Secret"}, new String[] {"v1", "Node"},
      new String[] {"v1", "Event"}, new String[] {"events.k8s.io/v1", "Event"},
      new String[] {"apiextensions.k8s.io/v1", "CustomResourceDefinition"},
      new String[] {"apiregistration.k8s.io/v1", "APIService"}, new String[] {"discovery.k8s.io/v1", "EndpointSlice"},
      new String[] {"v1", "Endpoints"}, new String[] {"acme.example/v1", "Widget"},
      new String[] {"apps/v1beta9", "Deployment"}, new String[] {"v1", "ServiceAccount"});
  static final String[] NAMES = {"x", "y", "web", "db", "web-1"};
  static final String[] NAMESPACES = {"a", "b"};
  static final String[] UIDS = {"u1", "u2", "u3", "u4"};
  static final String[] LABELS = {"app", "tier", "pod-template-hash", "controller-revision-hash"};
  static final String[] VALUES = {"web", "db", "v1", "v2", ""};
  static final String[] TIMES = {"2026-11-22T12:00:00Z", "2026-11-22T11:59:58Z", "2020-01-01T00:00:00Z",
      "yesterday", "", "2026-13-45T99:99:99Z"};
  static final String[] REASONS = {"CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "OOMKilled",
      "CreateContainerConfigError", "Completed", "Error", "Unschedulable", "ProgressDeadlineExceeded",
      "FailedCreate", "not a reason", ""};
  static final String[] OPERATORS = {"In", "NotIn", "Exists", "DoesNotExist", "Near", ""};
  static final String[] CONDITIONS = {"Ready", "Available", "Progressing", "PodScheduled", "ReplicaFailure",
      "Complete", "Failed", "Reconciling", "Stalled", "Established", "NamesAccepted", "ScalingActive"};

  private final Random r;

  private HostileCluster(long seed) {
    this.r = new Random(seed);
  }

  static String generate(long seed, int objects) {
    HostileCluster g = new HostileCluster(seed);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < objects; i++) {
      try {
        out.append("---\n").append(YAML.writeValueAsString(g.object()).replaceFirst("^---\\n", ""));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return out.toString();
  }

  private <T> T pick(T[] options) {
    return options[r.nextInt(options.length)];
  }

  private ObjectNode object() {
    String[] kind = KINDS.get(r.nextInt(KINDS.size()));
    ObjectNode o = F.objectNode();
    o.put("apiVersion", kind[0]).put("kind", kind[1]);
    ObjectNode meta = o.putObject("metadata");
    meta.put("name", pick(NAMES));
    if (r.nextInt(5) > 0) {
      meta.put("namespace", pick(NAMESPACES));
    }
    if (r.nextInt(4) > 0) {
      meta.put("uid", pick(UIDS));
    }
    meta.put("generation", r.nextInt(7) - 1);
    meta.put("creationTimestamp", pick(TIMES));
    if (r.nextInt(8) == 0) {
      meta.put("deletionTimestamp", pick(TIMES));
    }
    labels(meta.putObject("labels"));
    ObjectNode annotations = meta.putObject("annotations");
    if (r.nextInt(3) == 0) {
      annotations.put("deployment.kubernetes.io/revision", String.valueOf(r.nextInt(12) - 2));
    }
    if (r.nextInt(10) == 0) {
      annotations.put("sidecar.istio.io/status", r.nextBoolean() ? "{not json" : "{\"initContainers\":[\"istio-init\"]}");
    }
    if (r.nextInt(150) == 0) {
      annotations.put("huge", "x".repeat(1 << 20));
    }
    ArrayNode owners = meta.putArray("ownerReferences");
    for (int i = r.nextInt(4); i > 0; i--) {
      String[] ownerKind = KINDS.get(r.nextInt(KINDS.size()));
      owners.addObject().put("apiVersion", ownerKind[0]).put("kind", ownerKind[1]).put("name", pick(NAMES))
          .put("uid", pick(UIDS)).put("controller", r.nextBoolean());
    }
    if (kind[1].equals("Event")) {
      ObjectNode about = o.putObject(kind[0].equals("v1") ? "involvedObject" : "regarding");
      String[] aboutKind = KINDS.get(r.nextInt(KINDS.size()));
      about.put("apiVersion", aboutKind[0]).put("kind", aboutKind[1]).put("name", pick(NAMES))
          .put("namespace", pick(NAMESPACES)).put("uid", pick(UIDS));
      o.put("reason", pick(REASONS)).put(kind[0].equals("v1") ? "message" : "note", "m")
          .put("type", r.nextBoolean() ? "Warning" : "Normal");
      if (kind[0].equals("v1")) {
        o.put("count", r.nextInt(5) - 1).put("lastTimestamp", pick(TIMES));
      }
      return o;
    }
    if (kind[1].equals("Secret") || kind[1].equals("ConfigMap")) {
      o.putObject("data").put("key", "dmFsdWU=");
      return o;
    }
    if (kind[1].equals("Widget")) {
      ObjectNode spec = o.putObject("spec");
      ObjectNode deep = spec;
      for (int i = r.nextInt(3) == 0 ? 200 + r.nextInt(700) : 3; i > 0; i--) {
        deep = deep.putObject("n");
      }
      status(o.putObject("status"), kind[1]);
      return o;
    }
    spec(o.putObject("spec"), kind[1]);
    status(o.putObject("status"), kind[1]);
    return o;
  }

  private void labels(ObjectNode labels) {
    for (int i = r.nextInt(3); i > 0; i--) {
      labels.put(pick(LABELS), pick(VALUES));
    }
  }

  private void spec(ObjectNode spec, String kind) {
    switch (kind) {
      case "Pod" -> podSpec(spec);
      case "Service" -> {
        if (r.nextBoolean()) {
          labels(spec.putObject("selector"));
        }
        spec.put("type", r.nextBoolean() ? "ClusterIP" : "LoadBalancer");
        spec.putArray("ports").addObject().put("port", r.nextInt(70000) - 1).put("targetPort", pick(NAMES));
      }
      case "Ingress" -> spec.putArray("rules").addObject().putObject("http").putArray("paths").addObject()
          .put("path", "/").put("pathType", "Prefix").putObject("backend").putObject("service")
          .put("name", pick(NAMES)).putObject("port").put("number", r.nextInt(100));
      case "HorizontalPodAutoscaler" -> spec.put("maxReplicas", r.nextInt(5) - 1).putObject("scaleTargetRef")
          .put("apiVersion", "apps/v1").put("kind", r.nextBoolean() ? "Deployment" : "Widget").put("name", pick(NAMES));
      case "PersistentVolumeClaim" -> spec.put("storageClassName", pick(NAMES)).put("volumeName", pick(NAMES));
      case "ControllerRevision", "Node", "PersistentVolume", "ServiceAccount", "Endpoints", "EndpointSlice",
          "CustomResourceDefinition", "APIService" -> { }
      default -> {
        spec.put("replicas", r.nextInt(6) - 1);
        selector(spec.putObject("selector"));
        if (r.nextBoolean()) {
          spec.put("paused", r.nextBoolean());
        }
        ObjectNode template = spec.putObject("template");
        labels(template.putObject("metadata").putObject("labels"));
        podSpec(template.putObject("spec"));
        if (kind.equals("CronJob")) {
          spec.removeAll();
          spec.put("schedule", "*/5 * * * *").put("suspend", r.nextBoolean());
        }
        if (kind.equals("StatefulSet") && r.nextBoolean()) {
          spec.putObject("updateStrategy").put("type", "RollingUpdate").putObject("rollingUpdate")
              .put("partition", r.nextInt(5) - 1);
        }
      }
    }
  }

  private void selector(ObjectNode selector) {
    if (r.nextBoolean()) {
      labels(selector.putObject("matchLabels"));
    }
    if (r.nextInt(3) == 0) {
      ObjectNode expr = selector.putArray("matchExpressions").addObject();
      expr.put("key", pick(LABELS)).put("operator", pick(OPERATORS));
      ArrayNode values = expr.putArray("values");
      for (int i = r.nextInt(3); i > 0; i--) {
        values.add(pick(VALUES));
      }
    }
  }

  private void podSpec(ObjectNode spec) {
    if (r.nextBoolean()) {
      spec.put("nodeName", pick(NAMES));
    }
    spec.put("restartPolicy", r.nextBoolean() ? "Always" : "Never");
    ArrayNode containers = spec.putArray("containers");
    for (int i = r.nextInt(3); i > 0; i--) {
      ObjectNode c = containers.addObject().put("name", r.nextBoolean() ? "main" : pick(NAMES))
          .put("image", r.nextBoolean() ? "busybox:v3" : "registry.invalid/x");
      if (r.nextBoolean()) {
        c.putArray("env").addObject().put("name", "E").putObject("valueFrom")
            .putObject(r.nextBoolean() ? "configMapKeyRef" : "secretKeyRef").put("name", pick(NAMES)).put("key", "k");
      }
      if (r.nextInt(3) == 0) {
        c.putObject("readinessProbe").put("periodSeconds", r.nextInt(100) - 10).put("failureThreshold", r.nextInt(5) - 1);
      }
    }
    if (r.nextBoolean()) {
      ObjectNode volume = spec.putArray("volumes").addObject().put("name", "v");
      switch (r.nextInt(3)) {
        case 0 -> volume.putObject("configMap").put("name", pick(NAMES));
        case 1 -> volume.putObject("secret").put("secretName", pick(NAMES));
        default -> volume.putObject("persistentVolumeClaim").put("claimName", pick(NAMES));
      }
    }
  }

  private void status(ObjectNode status, String kind) {
    if (r.nextInt(5) == 0) {
      return;
    }
    status.put("observedGeneration", r.nextInt(7) - 1);
    status.put("phase", r.nextBoolean() ? "Running" : pick(new String[] {"Pending", "Failed", "Succeeded", "Lost", "Bound", "?"}));
    for (String counter : new String[] {"replicas", "readyReplicas", "availableReplicas", "updatedReplicas",
        "currentReplicas", "desiredNumberScheduled", "numberReady", "succeeded", "failed", "active"}) {
      if (r.nextBoolean() && !(kind.equals("CronJob") && counter.equals("active"))) {
        status.put(counter, r.nextInt(6) - 1);
      }
    }
    ArrayNode conditions = status.putArray("conditions");
    for (int i = r.nextInt(4); i > 0; i--) {
      conditions.addObject().put("type", pick(CONDITIONS))
          .put("status", pick(new String[] {"True", "False", "Unknown", "maybe"}))
          .put("reason", pick(REASONS)).put("message", "msg").put("lastTransitionTime", pick(TIMES));
    }
    if (kind.equals("Pod")) {
      ArrayNode statuses = status.putArray(r.nextBoolean() ? "containerStatuses" : "initContainerStatuses");
      for (int i = r.nextInt(3); i > 0; i--) {
        ObjectNode s = statuses.addObject().put("name", r.nextBoolean() ? "main" : pick(NAMES))
            .put("ready", r.nextBoolean()).put("restartCount", r.nextInt(8) - 1);
        ObjectNode state = s.putObject("state");
        switch (r.nextInt(3)) {
          case 0 -> state.putObject("waiting").put("reason", pick(REASONS)).put("message", "m");
          case 1 -> state.putObject("terminated").put("exitCode", r.nextInt(300) - 10).put("reason", pick(REASONS))
              .put("finishedAt", pick(TIMES));
          default -> state.putObject("running").put("startedAt", pick(TIMES));
        }
        if (r.nextBoolean()) {
          s.putObject("lastState").putObject("terminated").put("exitCode", r.nextInt(3)).put("reason", pick(REASONS));
        }
      }
    }
  }
}
