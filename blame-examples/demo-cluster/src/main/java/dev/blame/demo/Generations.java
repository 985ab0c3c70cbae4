package dev.blame.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * {@code metadata.generation} as a 1.29 API server keeps it (the demo reports v1.29.0). Only the kinds whose registry
 * strategy sets it have one: their {@code PrepareForCreate} writes 1 and {@code PrepareForUpdate} adds 1 when the
 * desired state changed, compared with {@code apiequality.Semantic.DeepEqual} on the decoded objects (a
 * {@code null} or an empty list is the same as no field). Pods have none before 1.33 (KEP 5067), nor ConfigMaps,
 * Services, Events and the other kinds without a spec the controllers observe. The mock gave every object one and
 * bumped it on any byte-wise change outside metadata and status, so the {@code creationTimestamp: null} kubectl 1.20
 * writes into a template, gone after the first round trip through a typed client, counted as a change.
 */
final class Generations {

  /** The built-in kinds (group/Kind) whose strategies keep a generation in 1.29; custom resources all do. */
  private static final Set<String> TRACKED = Set.of(
      "apps/Deployment", "apps/ReplicaSet", "apps/StatefulSet", "apps/DaemonSet",
      "batch/Job", "batch/CronJob",
      "/ReplicationController", "/PodTemplate",
      "policy/PodDisruptionBudget",
      "networking.k8s.io/Ingress", "networking.k8s.io/IngressClass", "networking.k8s.io/NetworkPolicy",
      "discovery.k8s.io/EndpointSlice",
      "apiextensions.k8s.io/CustomResourceDefinition",
      "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
      "admissionregistration.k8s.io/MutatingWebhookConfiguration");

  /** Built-in groups: a kind of another group is a custom resource. */
  private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "batch", "autoscaling", "policy",
      "networking.k8s.io", "discovery.k8s.io", "events.k8s.io", "apiextensions.k8s.io", "storage.k8s.io",
      "rbac.authorization.k8s.io", "admissionregistration.k8s.io", "coordination.k8s.io", "scheduling.k8s.io",
      "node.k8s.io", "certificates.k8s.io", "apiregistration.k8s.io", "authorization.k8s.io",
      "authentication.k8s.io", "flowcontrol.apiserver.k8s.io", "metrics.k8s.io");

  private Generations() {
  }

  /** Whether objects of this {@code apiVersion} and {@code kind} carry a generation on a 1.29 server. */
  static boolean tracked(JsonNode object) {
    String apiVersion = object.path("apiVersion").asText("");
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    return !BUILT_IN_GROUPS.contains(group) || TRACKED.contains(group + "/" + object.path("kind").asText(""));
  }

  /** A created object: generation 1 if its kind has one, none otherwise. */
  static void created(JsonNode object) {
    if (object.path("metadata") instanceof ObjectNode meta) {
      if (tracked(object)) {
        meta.put("generation", 1);
      } else {
        meta.remove("generation");
      }
    }
  }

  /**
   * An updated object: the stored generation, plus one when anything but metadata and status changed (for an
   * EndpointSlice, which has no status, also its labels, as its strategy compares them); none if its kind has none.
   */
  static void updated(JsonNode current, JsonNode updated) {
    if (!(updated.path("metadata") instanceof ObjectNode meta)) {
      return;
    }
    if (!tracked(updated)) {
      meta.remove("generation");
      return;
    }
    long stored = current.path("metadata").path("generation").asLong(0);
    boolean changed = !desired(current).equals(desired(updated))
        || ("EndpointSlice".equals(updated.path("kind").asText())
        && !normalized(current.path("metadata").path("labels")).equals(normalized(meta.path("labels"))));
    meta.put("generation", Math.max(stored, 1) + (changed ? 1 : 0));
  }

  private static JsonNode desired(JsonNode object) {
    ObjectNode copy = object.deepCopy();
    copy.remove("metadata");
    copy.remove("status");
    copy.remove("apiVersion");
    copy.remove("kind");
    return normalized(copy);
  }

  /** Semantic equality's view: a null field, an empty list and an absent field are the same. */
  static JsonNode normalized(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = node.deepCopy();
      for (Iterator<Map.Entry<String, JsonNode>> it = out.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode value = normalized(field.getValue());
        if (value.isNull() || value.isMissingNode() || value.isArray() && value.isEmpty()) {
          it.remove();
        } else {
          field.setValue(value);
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = DemoDispatcher.JSON.createArrayNode();
      node.forEach(item -> out.add(normalized(item)));
      return out;
    }
    return node;
  }
}
