package dev.blame.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the eviction subresource decides before it deletes a pod (after kube-apiserver's
 * {@code pkg/registry/core/pod/storage/eviction.go}): a pod that is Pending, Succeeded, Failed or already being
 * deleted is deleted without a look at budgets; otherwise the PodDisruptionBudgets of its namespace whose selector
 * (not empty) matches its labels are consulted. More than one: 500 "This pod has more than one
 * PodDisruptionBudget, which the eviction subresource does not support."; a pod that is not Ready while the budget has
 * its desired healthy pods (or the budget's {@code unhealthyPodEvictionPolicy} is AlwaysAllow) is deleted without
 * spending a disruption; else a budget whose status the disruption controller has not caught up with
 * ({@code observedGeneration} behind {@code generation}) is a 429 "... is still being processed by the server.", a
 * negative {@code disruptionsAllowed} a 403, none left a 429 naming the budget and its healthy counts; one left is
 * spent: {@code disruptionsAllowed} minus one and the pod in {@code disruptedPods} (the status written back, not on a
 * dry run). Pure: the dispatcher reads the objects and writes the result.
 */
final class Evictions {

  /** Either a refusal (a Status to answer) or a go-ahead, with the budget's new status to write first if any. */
  record Decision(int code, ObjectNode refusal, ObjectNode spentBudget) {

    static Decision allowed(ObjectNode spentBudget) {
      return new Decision(201, null, spentBudget);
    }

    boolean isAllowed() {
      return refusal == null;
    }
  }

  private static final String MESSAGE = "Cannot evict pod as it would violate the pod's disruption budget.";

  private Evictions() {
  }

  static Decision decide(JsonNode pod, List<JsonNode> budgetsOfNamespace, Instant now) {
    // a pod without a phase is Pending: the API server sets it so on create
    String phase = pod.path("status").path("phase").asText("Pending");
    if (Set.of("Pending", "", "Succeeded", "Failed").contains(phase)
        || pod.path("metadata").hasNonNull("deletionTimestamp")) {
      return Decision.allowed(null);
    }
    List<JsonNode> budgets = budgetsOfNamespace.stream().filter(b -> selects(b, pod)).toList();
    if (budgets.size() > 1) {
      ObjectNode s = status(500, null, "This pod has more than one PodDisruptionBudget, which the eviction "
          + "subresource does not support.");
      return new Decision(500, s, null);
    }
    if (budgets.isEmpty()) {
      return Decision.allowed(null);
    }
    JsonNode budget = budgets.get(0);
    String name = budget.path("metadata").path("name").asText();
    JsonNode st = budget.path("status");
    long healthy = st.path("currentHealthy").asLong(0);
    long desired = st.path("desiredHealthy").asLong(0);
    if (!isReady(pod) && ("AlwaysAllow".equals(budget.path("spec").path("unhealthyPodEvictionPolicy").asText())
        || (healthy >= desired && desired > 0))) {
      return Decision.allowed(null);
    }
    if (st.path("observedGeneration").asLong(0) < budget.path("metadata").path("generation").asLong(0)) {
      return tooManyRequests(10, "The disruption budget " + name + " is still being processed by the server.");
    }
    long allowed = st.path("disruptionsAllowed").asLong(0);
    if (allowed < 0) {
      ObjectNode s = status(403, "Forbidden", "poddisruptionbudgets.policy \"" + name + "\" is forbidden: pdb "
          + "disruptions allowed is negative");
      s.putObject("details").put("name", name).put("group", "policy").put("kind", "poddisruptionbudgets");
      return new Decision(403, codeLast(s), null);
    }
    if (allowed == 0) {
      return tooManyRequests(0, "The disruption budget " + name + " needs " + desired + " healthy pods and has "
          + healthy + " currently");
    }
    ObjectNode spent = budget.deepCopy();
    ObjectNode status = spent.withObjectProperty("status");
    status.put("disruptionsAllowed", allowed - 1);
    status.withObjectProperty("disruptedPods").put(pod.path("metadata").path("name").asText(),
        now.truncatedTo(ChronoUnit.SECONDS).toString());
    if (allowed - 1 == 0) {
      insufficient(status, now);
    }
    return Decision.allowed(spent);
  }

  /** UpdateDisruptionAllowedCondition once the last disruption is spent: DisruptionAllowed False InsufficientPods. */
  private static void insufficient(ObjectNode status, Instant now) {
    ArrayNode conditions = status.withArrayProperty("conditions");
    ObjectNode condition = null;
    for (JsonNode c : conditions) {
      if ("DisruptionAllowed".equals(c.path("type").asText())) {
        condition = (ObjectNode) c;
      }
    }
    if (condition == null) {
      condition = conditions.addObject().put("type", "DisruptionAllowed");
    }
    if (!"False".equals(condition.path("status").asText())) {
      condition.put("lastTransitionTime", now.truncatedTo(ChronoUnit.SECONDS).toString());
    }
    condition.put("status", "False").put("reason", "InsufficientPods").put("message", "");
    if (status.has("observedGeneration")) {
      condition.put("observedGeneration", status.path("observedGeneration").asLong());
    }
  }

  /** getPodDisruptionBudgets: a budget whose selector is missing or empty matches nothing here. */
  private static boolean selects(JsonNode budget, JsonNode pod) {
    JsonNode selector = budget.path("spec").path("selector");
    if (!budget.path("metadata").path("namespace").asText().equals(pod.path("metadata").path("namespace").asText())
        || !selector.isObject()) {
      return false;
    }
    String expression = ControllerSimulator.selectorString(
        DemoDispatcher.JSON.convertValue(selector, LabelSelector.class));
    if (expression.isEmpty()) {
      return false;
    }
    Map<String, String> labels = new HashMap<>();
    pod.path("metadata").path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    try {
      return LabelSelectors.matches(expression, labels);
    } catch (IllegalArgumentException e) {
      return false; // an invalid selector matches no pod
    }
  }

  private static boolean isReady(JsonNode pod) {
    for (JsonNode c : pod.path("status").path("conditions")) {
      if ("Ready".equals(c.path("type").asText())) {
        return "True".equals(c.path("status").asText());
      }
    }
    return false;
  }

  /** errors.NewTooManyRequests with the DisruptionBudget cause; retryAfterSeconds 0 is left out, as in JSON. */
  private static Decision tooManyRequests(int retryAfterSeconds, String cause) {
    ObjectNode s = status(429, "TooManyRequests", MESSAGE);
    ObjectNode details = s.putObject("details");
    details.putArray("causes").addObject().put("reason", "DisruptionBudget").put("message", cause);
    if (retryAfterSeconds > 0) {
      details.put("retryAfterSeconds", retryAfterSeconds);
    }
    return new Decision(429, codeLast(s), null);
  }

  /** The field order of a Go-encoded Status: code comes after details. */
  private static ObjectNode codeLast(ObjectNode s) {
    JsonNode code = s.remove("code");
    s.set("code", code);
    return s;
  }

  private static ObjectNode status(int code, String reason, String message) {
    ObjectNode s = DemoDispatcher.JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
    s.putObject("metadata");
    s.put("status", "Failure").put("message", message);
    if (reason != null) {
      s.put("reason", reason);
    }
    s.put("code", code);
    return s;
  }
}
