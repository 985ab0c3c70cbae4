package dev.blame.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blame.core.BlameViews;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Server-side printing ({@code Accept: application/json;as=Table;g=meta.k8s.io;v=v1}), which is what
 * {@code kubectl get} shows; the columns follow pkg/printers/internalversion/printers.go.
 */
final class Tables {

  @SuppressWarnings("deprecation") // the mock server itself works with this mapper
  private static final ObjectMapper JSON = Serialization.jsonMapper();

  private record Column(String name, String type, int priority, Function<JsonNode, Object> cell) {
  }

  private Tables() {
  }

  static boolean wanted(String accept) {
    return accept != null && accept.contains("as=Table");
  }

  /** The Table for a list or single object answer, or null when it is neither. */
  static JsonNode table(JsonNode answer, Instant now) {
    return table(answer, now, false);
  }

  /**
   * Like {@link #table(JsonNode, Instant)}; {@code includeObject} ({@code ?includeObject=Object}, which kubectl
   * sends for {@code --sort-by}) embeds each full object in its row instead of its metadata only.
   */
  static JsonNode table(JsonNode answer, Instant now, boolean includeObject) {
    List<JsonNode> items = new ArrayList<>();
    String kind;
    if (answer.has("items")) {
      answer.path("items").forEach(items::add);
      kind = answer.path("kind").asText("").replaceAll("List$", "");
      if (kind.isEmpty() && !items.isEmpty()) {
        kind = items.get(0).path("kind").asText();
      }
    } else if (answer.has("metadata") && answer.has("kind")) {
      items.add(answer);
      kind = answer.path("kind").asText();
    } else {
      return null;
    }
    if (!items.isEmpty()) {
      kind = items.get(0).path("kind").asText(kind);
    }
    List<Column> columns = columns(kind, now);
    ObjectNode table = JSON.createObjectNode();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    ObjectNode meta = table.putObject("metadata").put("resourceVersion",
        answer.path("metadata").path("resourceVersion").asText(""));
    if (answer.path("metadata").has("continue")) {
      // kubectl get --chunk-size pages through Tables
      meta.put("continue", answer.path("metadata").path("continue").asText());
      meta.set("remainingItemCount", answer.path("metadata").path("remainingItemCount"));
    }
    ArrayNode defs = table.putArray("columnDefinitions");
    for (Column c : columns) {
      defs.addObject().put("name", c.name()).put("type", c.type()).put("format", c.name().equals("Name") ? "name"
          : "").put("description", c.name()).put("priority", c.priority());
    }
    ArrayNode rows = table.putArray("rows");
    for (JsonNode item : items) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      for (Column c : columns) {
        cells.addPOJO(c.cell().apply(item));
      }
      if (includeObject) {
        row.set("object", item);
        continue;
      }
      ObjectNode object = row.putObject("object");
      object.put("kind", "PartialObjectMetadata");
      object.put("apiVersion", "meta.k8s.io/v1");
      object.set("metadata", item.path("metadata"));
    }
    return table;
  }

  private static String age(JsonNode o, Instant now) {
    String created = o.path("metadata").path("creationTimestamp").asText(null);
    return created == null ? "<unknown>" : BlameViews.human(Duration.between(Instant.parse(created), now));
  }

  /** extractCSRStatus: Denied, else Approved, else Pending; then ",Failed" and ",Issued". */
  private static String csrCondition(JsonNode o) {
    Set<String> types = new HashSet<>();
    o.path("status").path("conditions").forEach(c -> types.add(c.path("type").asText()));
    String status = types.contains("Denied") ? "Denied" : types.contains("Approved") ? "Approved" : "Pending";
    if (types.contains("Failed")) {
      status += ",Failed";
    }
    if (!o.path("status").path("certificate").asText("").isEmpty()) {
      status += ",Issued";
    }
    return status;
  }

  /** rbac.SubjectsStrings: the names of one kind of subject, service accounts as {@code namespace/name}. */
  private static String subjects(JsonNode o, String kind) {
    List<String> names = new ArrayList<>();
    o.path("subjects").forEach(s -> {
      if (kind.equals(s.path("kind").asText())) {
        names.add(kind.equals("ServiceAccount") ? s.path("namespace").asText("") + "/" + s.path("name").asText("")
            : s.path("name").asText(""));
      }
    });
    return String.join(", ", names);
  }

  private static Column name() {
    return new Column("Name", "string", 0, o -> o.path("metadata").path("name").asText());
  }

  private static Column age(Instant now) {
    return new Column("Age", "string", 0, o -> age(o, now));
  }

  private static int i(JsonNode n) {
    return n.asInt(0);
  }

  private static List<Column> columns(String kind, Instant now) {
    return switch (kind) {
      case "Pod" -> List.of(name(),
          new Column("Ready", "string", 0, o -> readyContainers(o) + "/" + (o.path("spec").path("containers").size()
              + sidecars(o).size())),
          new Column("Status", "string", 0, Tables::podStatus),
          new Column("Restarts", "string", 0, o -> podRestarts(o, now)),
          age(now),
          new Column("IP", "string", 1, o -> o.path("status").path("podIP").asText("<none>")),
          new Column("Node", "string", 1, o -> o.path("spec").path("nodeName").asText("<none>")),
          new Column("Nominated Node", "string", 1, o -> "<none>"),
          new Column("Readiness Gates", "string", 1, o -> "<none>"));
      case "Deployment" -> List.of(name(),
          new Column("Ready", "string", 0, o -> i(o.path("status").path("readyReplicas")) + "/"
              + o.path("spec").path("replicas").asInt(1)),
          new Column("Up-to-date", "integer", 0, o -> i(o.path("status").path("updatedReplicas"))),
          new Column("Available", "integer", 0, o -> i(o.path("status").path("availableReplicas"))),
          age(now),
          new Column("Containers", "string", 1, o -> containers(o, "name")),
          new Column("Images", "string", 1, o -> containers(o, "image")),
          new Column("Selector", "string", 1, Tables::selector));
      case "Scale" -> List.of(name(), // printScale (kubectl get --subresource=scale)
          new Column("Desired", "integer", 0, o -> i(o.path("spec").path("replicas"))),
          new Column("Available", "integer", 0, o -> i(o.path("status").path("replicas"))),
          age(now));
      case "ReplicaSet" -> List.of(name(),
          new Column("Desired", "integer", 0, o -> o.path("spec").path("replicas").asInt(1)),
          new Column("Current", "integer", 0, o -> i(o.path("status").path("replicas"))),
          new Column("Ready", "integer", 0, o -> i(o.path("status").path("readyReplicas"))),
          age(now),
          new Column("Containers", "string", 1, o -> containers(o, "name")),
          new Column("Images", "string", 1, o -> containers(o, "image")),
          new Column("Selector", "string", 1, Tables::selector));
      case "StatefulSet" -> List.of(name(),
          new Column("Ready", "string", 0, o -> i(o.path("status").path("readyReplicas")) + "/"
              + o.path("spec").path("replicas").asInt(1)),
          age(now),
          new Column("Containers", "string", 1, o -> containers(o, "name")),
          new Column("Images", "string", 1, o -> containers(o, "image")));
      case "Event" -> List.of(
          new Column("Last Seen", "string", 0, o -> eventLastSeen(o, now)),
          new Column("Type", "string", 0, o -> o.path("type").asText()),
          new Column("Reason", "string", 0, o -> o.path("reason").asText()),
          new Column("Object", "string", 0, o -> {
            String involved = o.path("involvedObject").path("kind").asText().toLowerCase(Locale.ROOT);
            String name = o.path("involvedObject").path("name").asText("");
            return name.isEmpty() ? involved : involved + "/" + name;
          }),
          new Column("Subobject", "string", 1, o -> o.path("involvedObject").path("fieldPath").asText("")),
          new Column("Source", "string", 1, Tables::eventSource),
          new Column("Message", "string", 0, o -> o.path("message").asText().strip()),
          new Column("First Seen", "string", 1, o -> eventFirstSeen(o, now)),
          new Column("Count", "string", 1, o -> {
            long count = o.path("series").isObject() ? o.path("series").path("count").asLong()
                : o.path("count").asLong(0);
            return count == 0 ? 1L : count;
          }),
          new Column("Name", "string", 1, o -> o.path("metadata").path("name").asText()));
      case "Node" -> List.of(name(),
          new Column("Status", "string", 0, o -> {
            for (JsonNode c : o.path("status").path("conditions")) {
              if (c.path("type").asText().equals("Ready")) {
                return (c.path("status").asText().equals("True") ? "Ready" : "NotReady")
                    + (o.path("spec").path("unschedulable").asBoolean(false) ? ",SchedulingDisabled" : "");
              }
            }
            return "Unknown" + (o.path("spec").path("unschedulable").asBoolean(false) ? ",SchedulingDisabled" : "");
          }),
          new Column("Roles", "string", 0, o -> {
            List<String> roles = new ArrayList<>();
            o.path("metadata").path("labels").fieldNames().forEachRemaining(l -> {
              if (l.startsWith("node-role.kubernetes.io/")) {
                roles.add(l.substring("node-role.kubernetes.io/".length()));
              }
            });
            return roles.isEmpty() ? "<none>" : String.join(",", roles);
          }),
          age(now),
          new Column("Version", "string", 0, o -> o.path("status").path("nodeInfo").path("kubeletVersion").asText()),
          new Column("Internal-IP", "string", 1, o -> nodeAddress(o, "InternalIP")),
          new Column("External-IP", "string", 1, o -> nodeAddress(o, "ExternalIP")),
          new Column("OS-Image", "string", 1, o -> o.path("status").path("nodeInfo").path("osImage")
              .asText("<unknown>")),
          new Column("Kernel-Version", "string", 1, o -> o.path("status").path("nodeInfo").path("kernelVersion")
              .asText("<unknown>")),
          new Column("Container-Runtime", "string", 1, o -> o.path("status").path("nodeInfo")
              .path("containerRuntimeVersion").asText("<unknown>")));
      case "EndpointSlice" -> List.of(name(),
          new Column("AddressType", "string", 0, o -> o.path("addressType").asText()),
          new Column("Ports", "string", 0, o -> {
            List<String> ports = new ArrayList<>();
            o.path("ports").forEach(p -> ports.add(p.has("port") ? p.path("port").asText() : "<unset>"));
            return firstThree(ports);
          }),
          new Column("Endpoints", "string", 0, o -> {
            List<String> addresses = new ArrayList<>();
            o.path("endpoints").forEach(e -> e.path("addresses").forEach(a -> addresses.add(a.asText())));
            return firstThree(addresses);
          }),
          age(now));
      case "Namespace" -> List.of(name(),
          new Column("Status", "string", 0, o -> o.path("status").path("phase").asText("Active")), age(now));
      case "Service" -> List.of(name(),
          new Column("Type", "string", 0, o -> o.path("spec").path("type").asText("ClusterIP")),
          new Column("Cluster-IP", "string", 0, o -> o.path("spec").path("clusterIP").asText("").isEmpty() ? "<none>"
              : o.path("spec").path("clusterIP").asText()),
          new Column("External-IP", "string", 0, Tables::externalIps),
          new Column("Port(s)", "string", 0, o -> {
            List<String> ports = new ArrayList<>();
            for (JsonNode p : o.path("spec").path("ports")) {
              ports.add(p.path("port").asInt() + (p.path("nodePort").asInt() > 0 ? ":" + p.path("nodePort").asInt()
                  : "") + "/" + p.path("protocol").asText("TCP"));
            }
            return ports.isEmpty() ? "<none>" : String.join(",", ports);
          }),
          age(now),
          new Column("Selector", "string", 1, o -> {
            List<String> s = new ArrayList<>();
            o.path("spec").path("selector").properties().forEach(e -> s.add(e.getKey() + "="
                + e.getValue().asText()));
            return s.isEmpty() ? "<none>" : String.join(",", s);
          }));
      case "Endpoints" -> List.of(name(),
          new Column("Endpoints", "string", 0, o -> {
            List<String> eps = new ArrayList<>();
            for (JsonNode subset : o.path("subsets")) {
              for (JsonNode a : subset.path("addresses")) {
                for (JsonNode p : subset.path("ports")) {
                  eps.add(a.path("ip").asText() + ":" + p.path("port").asInt());
                }
              }
            }
            return eps.isEmpty() ? "<none>" : String.join(",", eps);
          }),
          age(now));
      case "ResourceQuota" -> List.of(name(), age(now),
          new Column("Request", "string", 0, o -> {
            List<String> r = new ArrayList<>();
            o.path("status").path("hard").properties().forEach(e -> r.add(e.getKey() + ": "
                + o.path("status").path("used").path(e.getKey()).asText("0") + "/" + e.getValue().asText()));
            return String.join(", ", r);
          }),
          new Column("Limit", "string", 0, o -> ""));
      case "Job" -> List.of(name(),
          new Column("Status", "string", 0, Tables::jobStatus),
          new Column("Completions", "string", 0, Tables::jobCompletions),
          new Column("Duration", "string", 0, o -> between(o.path("status").path("startTime"),
              o.path("status").path("completionTime"), now)),
          age(now),
          new Column("Containers", "string", 1, o -> containers(o, "name")),
          new Column("Images", "string", 1, o -> containers(o, "image")),
          new Column("Selector", "string", 1, Tables::selector));
      case "CronJob" -> List.of(name(),
          new Column("Schedule", "string", 0, o -> o.path("spec").path("schedule").asText()),
          new Column("Timezone", "string", 0, o -> o.path("spec").path("timeZone").asText("<none>")),
          new Column("Suspend", "boolean", 0, o -> o.path("spec").path("suspend").asBoolean(false) ? "True" : "False"),
          new Column("Active", "integer", 0, o -> o.path("status").path("active").size()),
          new Column("Last Schedule", "string", 0, o -> o.path("status").path("lastScheduleTime").isTextual()
              ? ago(o.path("status").path("lastScheduleTime").asText(), now) : "<none>"),
          age(now),
          new Column("Containers", "string", 1, o -> containers(o.path("spec").path("jobTemplate"), "name")),
          new Column("Images", "string", 1, o -> containers(o.path("spec").path("jobTemplate"), "image")),
          new Column("Selector", "string", 1, o -> selector(o.path("spec").path("jobTemplate"))));
      case "DaemonSet" -> List.of(name(),
          new Column("Desired", "integer", 0, o -> i(o.path("status").path("desiredNumberScheduled"))),
          new Column("Current", "integer", 0, o -> i(o.path("status").path("currentNumberScheduled"))),
          new Column("Ready", "integer", 0, o -> i(o.path("status").path("numberReady"))),
          new Column("Up-to-date", "integer", 0, o -> i(o.path("status").path("updatedNumberScheduled"))),
          new Column("Available", "integer", 0, o -> i(o.path("status").path("numberAvailable"))),
          new Column("Node Selector", "string", 0, o -> pairs(o.path("spec").path("template").path("spec")
              .path("nodeSelector"))),
          age(now),
          new Column("Containers", "string", 1, o -> containers(o, "name")),
          new Column("Images", "string", 1, o -> containers(o, "image")),
          new Column("Selector", "string", 1, Tables::selector));
      case "PersistentVolumeClaim" -> List.of(name(),
          new Column("Status", "string", 0, o -> o.path("status").path("phase").asText("Pending")),
          new Column("Volume", "string", 0, o -> o.path("spec").path("volumeName").asText("")),
          new Column("Capacity", "string", 0, o -> o.path("status").path("capacity").path("storage").asText("")),
          new Column("Access Modes", "string", 0, o -> accessModes(o.path("status").path("accessModes"))),
          new Column("StorageClass", "string", 0, o -> o.path("spec").path("storageClassName").asText("<unset>")),
          new Column("VolumeAttributesClass", "string", 0, o -> "<unset>"),
          age(now),
          new Column("VolumeMode", "string", 1, o -> o.path("spec").path("volumeMode").asText("Filesystem")));
      case "PersistentVolume" -> List.of(name(),
          new Column("Capacity", "string", 0, o -> o.path("spec").path("capacity").path("storage").asText("")),
          new Column("Access Modes", "string", 0, o -> accessModes(o.path("spec").path("accessModes"))),
          new Column("Reclaim Policy", "string", 0, o -> o.path("spec").path("persistentVolumeReclaimPolicy")
              .asText("Retain")),
          new Column("Status", "string", 0, o -> o.path("status").path("phase").asText("Pending")),
          new Column("Claim", "string", 0, o -> o.path("spec").path("claimRef").isObject()
              ? o.path("spec").path("claimRef").path("namespace").asText() + "/"
                  + o.path("spec").path("claimRef").path("name").asText() : ""),
          new Column("StorageClass", "string", 0, o -> o.path("spec").path("storageClassName").asText("")),
          new Column("VolumeAttributesClass", "string", 0, o -> "<unset>"),
          new Column("Reason", "string", 0, o -> o.path("status").path("reason").asText("")),
          age(now));
      case "HorizontalPodAutoscaler" -> List.of(name(),
          new Column("Reference", "string", 0, o -> o.path("spec").path("scaleTargetRef").path("kind").asText() + "/"
              + o.path("spec").path("scaleTargetRef").path("name").asText()),
          new Column("Targets", "string", 0, Tables::hpaTargets),
          new Column("MinPods", "integer", 0, o -> o.path("spec").path("minReplicas").asInt(1)),
          new Column("MaxPods", "integer", 0, o -> i(o.path("spec").path("maxReplicas"))),
          new Column("Replicas", "integer", 0, o -> i(o.path("status").path("currentReplicas"))),
          age(now));
      case "ConfigMap" -> List.of(name(),
          new Column("Data", "integer", 0, o -> o.path("data").size() + o.path("binaryData").size()), age(now));
      case "Secret" -> List.of(name(),
          new Column("Type", "string", 0, o -> o.path("type").asText("Opaque")),
          new Column("Data", "integer", 0, o -> o.path("data").size() + o.path("stringData").size()), age(now));
      case "ServiceAccount" -> List.of(name(),
          new Column("Secrets", "integer", 0, o -> o.path("secrets").size()), age(now));
      case "Ingress" -> List.of(name(),
          new Column("Class", "string", 0, o -> o.path("spec").path("ingressClassName").asText("<none>")),
          new Column("Hosts", "string", 0, o -> {
            List<String> hosts = new ArrayList<>();
            o.path("spec").path("rules").forEach(r -> hosts.add(r.path("host").asText("*")));
            return hosts.isEmpty() ? "*" : String.join(",", hosts);
          }),
          new Column("Address", "string", 0, o -> {
            List<String> addresses = new ArrayList<>();
            o.path("status").path("loadBalancer").path("ingress").forEach(a -> addresses.add(
                a.path("ip").asText(a.path("hostname").asText())));
            return String.join(",", addresses);
          }),
          new Column("Ports", "string", 0, o -> o.path("spec").path("tls").isEmpty() ? "80" : "80, 443"),
          age(now));
      case "PodDisruptionBudget" -> List.of(name(),
          new Column("Min Available", "string", 0, o -> o.path("spec").path("minAvailable").asText("N/A")),
          new Column("Max Unavailable", "string", 0, o -> o.path("spec").path("maxUnavailable").asText("N/A")),
          new Column("Allowed Disruptions", "integer", 0, o -> i(o.path("status").path("disruptionsAllowed"))),
          age(now));
      case "StorageClass" -> List.of(name(),
          new Column("Provisioner", "string", 0, o -> o.path("provisioner").asText()),
          new Column("ReclaimPolicy", "string", 0, o -> o.path("reclaimPolicy").asText("Delete")),
          new Column("VolumeBindingMode", "string", 0, o -> o.path("volumeBindingMode").asText("Immediate")),
          new Column("AllowVolumeExpansion", "string", 0, o -> o.path("allowVolumeExpansion").asBoolean(false)
              ? "true" : "false"),
          age(now));
      case "CertificateSigningRequest" -> List.of(name(), age(now), // printCertificateSigningRequest
          new Column("SignerName", "string", 0, o -> o.path("spec").path("signerName").asText("<none>")),
          new Column("Requestor", "string", 0, o -> o.path("spec").path("username").asText("")),
          new Column("RequestedDuration", "string", 0, o -> o.path("spec").has("expirationSeconds")
              ? BlameViews.human(Duration.ofSeconds(o.path("spec").path("expirationSeconds").asLong())) : "<none>"),
          new Column("Condition", "string", 0, Tables::csrCondition));
      case "RoleBinding", "ClusterRoleBinding" -> List.of(name(), // printRoleBinding, printClusterRoleBinding
          new Column("Role", "string", 0, o -> o.path("roleRef").path("kind").asText("") + "/"
              + o.path("roleRef").path("name").asText("")),
          age(now),
          new Column("Users", "string", 1, o -> subjects(o, "User")),
          new Column("Groups", "string", 1, o -> subjects(o, "Group")),
          new Column("ServiceAccounts", "string", 1, o -> subjects(o, "ServiceAccount")));
      case "PriorityClass" -> List.of(name(), // printPriorityClass
          new Column("Value", "integer", 0, o -> o.path("value").asLong(0)),
          new Column("Global-Default", "boolean", 0, o -> o.path("globalDefault").asBoolean(false)),
          age(now));
      case "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration" -> List.of(name(),
          new Column("Webhooks", "integer", 0, o -> o.path("webhooks").size()), age(now));
      case "Lease" -> List.of(name(), // printLease
          new Column("Holder", "string", 0, o -> o.path("spec").path("holderIdentity").asText("")), age(now));
      case "CustomResourceDefinition", "LimitRange", "ClusterRole", "Role" -> List.of(name(),
          new Column("Created At", "date", 0, o -> o.path("metadata").path("creationTimestamp").asText("")));
      default -> List.of(name(), age(now));
    };
  }

  /**
   * printPod's RESTARTS: the restarts of the containers (of the init containers while the pod initializes) and,
   * once there is one, how long ago the last restarted container last terminated: {@code 4 (12s ago)}.
   */
  static String podRestarts(JsonNode pod, Instant now) {
    JsonNode status = pod.path("status");
    Set<String> sidecars = sidecars(pod);
    int restarts = 0;
    Instant last = null;
    int sidecarRestarts = 0;
    Instant sidecarLast = null;
    boolean initializing = false;
    for (JsonNode cs : status.path("initContainerStatuses")) {
      boolean sidecar = sidecars.contains(cs.path("name").asText());
      restarts += cs.path("restartCount").asInt();
      last = later(last, cs.path("lastState").path("terminated").path("finishedAt"));
      if (sidecar) {
        sidecarRestarts += cs.path("restartCount").asInt();
        sidecarLast = later(sidecarLast, cs.path("lastState").path("terminated").path("finishedAt"));
      }
      JsonNode terminated = cs.path("state").path("terminated");
      if (terminated.isObject() && terminated.path("exitCode").asInt() == 0
          || sidecar && cs.path("started").asBoolean(false)) {
        continue;
      }
      initializing = true;
      break;
    }
    if (!initializing || conditionTrue(status, "Initialized")) {
      restarts = sidecarRestarts;
      last = sidecarLast;
      for (JsonNode cs : status.path("containerStatuses")) {
        restarts += cs.path("restartCount").asInt();
        last = later(last, cs.path("lastState").path("terminated").path("finishedAt"));
      }
    }
    return restarts != 0 && last != null ? restarts + " (" + BlameViews.human(Duration.between(last, now)) + " ago)"
        : String.valueOf(restarts);
  }

  private static Instant later(Instant current, JsonNode time) {
    if (!time.isTextual()) {
      return current;
    }
    try {
      Instant t = Instant.parse(time.asText());
      return current == null || t.isAfter(current) ? t : current;
    } catch (DateTimeParseException e) {
      return current;
    }
  }

  private static boolean conditionTrue(JsonNode status, String type) {
    for (JsonNode c : status.path("conditions")) {
      if (c.path("type").asText().equals(type)) {
        return c.path("status").asText().equals("True");
      }
    }
    return false;
  }

  /** printEvent's FIRST SEEN: firstTimestamp, else eventTime (events.k8s.io writers), else {@code <unknown>}. */
  private static String eventFirstSeen(JsonNode event, Instant now) {
    String first = event.path("firstTimestamp").asText("");
    if (first.isEmpty()) {
      first = event.path("eventTime").asText("");
    }
    return first.isEmpty() ? "<unknown>" : ago(first, now);
  }

  /** printEvent's LAST SEEN: the series' last observation, else lastTimestamp, else what FIRST SEEN shows. */
  private static String eventLastSeen(JsonNode event, Instant now) {
    String last = event.path("series").path("lastObservedTime").asText("");
    if (last.isEmpty() && !event.path("series").isObject()) {
      last = event.path("lastTimestamp").asText("");
    }
    if (last.isEmpty()) {
      return event.path("series").isObject() ? "<unknown>" : eventFirstSeen(event, now);
    }
    return ago(last, now);
  }

  /** printEvent's SOURCE: the component (or reportingComponent) and, when there is one, the host (or instance). */
  private static String eventSource(JsonNode event) {
    String component = event.path("source").path("component").asText("");
    if (component.isEmpty()) {
      component = event.path("reportingComponent").asText("");
    }
    String host = event.path("source").path("host").asText("");
    if (host.isEmpty()) {
      host = event.path("reportingInstance").asText("");
    }
    return host.isEmpty() ? component : component + ", " + host;
  }

  /** kubectl's HPA TARGETS: {@code cpu: 45%/80%} per resource metric, {@code <unknown>} where nothing is measured. */
  private static String hpaTargets(JsonNode hpa) {
    List<String> targets = new ArrayList<>();
    for (JsonNode m : hpa.path("spec").path("metrics")) {
      JsonNode resource = m.path("resource");
      JsonNode target = resource.path("target");
      String want = target.path("averageUtilization").isNumber() ? target.path("averageUtilization").asInt() + "%"
          : target.path("averageValue").asText(target.path("value").asText("<unknown>"));
      String have = "<unknown>";
      for (JsonNode c : hpa.path("status").path("currentMetrics")) {
        if (c.path("resource").path("name").asText().equals(resource.path("name").asText())
            && c.path("resource").path("current").path("averageUtilization").isNumber()) {
          have = c.path("resource").path("current").path("averageUtilization").asInt() + "%";
        }
      }
      targets.add(m.path("type").asText().equals("Resource") ? resource.path("name").asText() + ": " + have + "/" + want
          : "<unknown>/" + want);
    }
    return targets.isEmpty() ? "<none>" : String.join(", ", targets);
  }

  /** kubectl's Job STATUS: Complete, Failed, Suspended, Running (printers.go, 1.30+). */
  private static String jobStatus(JsonNode job) {
    for (JsonNode c : job.path("status").path("conditions")) {
      if (c.path("status").asText().equals("True")) {
        switch (c.path("type").asText()) {
          case "Complete": return "Complete";
          case "Failed": return "Failed";
          case "Suspended": return "Suspended";
          case "FailureTarget": return "FailureTarget";
          case "SuccessCriteriaMet": return "SuccessCriteriaMet";
          default: break;
        }
      }
    }
    return "Running";
  }

  /** printJob's COMPLETIONS: succeeded/completions, or {@code 0/1 of 3} for a work queue (no completions). */
  private static String jobCompletions(JsonNode job) {
    int succeeded = i(job.path("status").path("succeeded"));
    if (job.path("spec").path("completions").isNumber()) {
      return succeeded + "/" + job.path("spec").path("completions").asInt();
    }
    int parallelism = job.path("spec").path("parallelism").asInt(0);
    return parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
  }

  private static String between(JsonNode start, JsonNode end, Instant now) {
    if (!start.isTextual()) {
      return "";
    }
    try {
      Instant from = Instant.parse(start.asText());
      Instant to = end.isTextual() ? Instant.parse(end.asText()) : now;
      return BlameViews.human(Duration.between(from, to));
    } catch (DateTimeParseException e) {
      return "";
    }
  }

  private static String ago(String time, Instant now) {
    try {
      return BlameViews.human(Duration.between(Instant.parse(time), now));
    } catch (DateTimeParseException e) {
      return "<unknown>";
    }
  }

  private static String pairs(JsonNode map) {
    List<String> s = new ArrayList<>();
    map.properties().forEach(e -> s.add(e.getKey() + "=" + e.getValue().asText()));
    return s.isEmpty() ? "<none>" : String.join(",", s);
  }

  /** RWO, ROX, RWX, RWOP, as kubectl abbreviates access modes. */
  private static String accessModes(JsonNode modes) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : modes) {
      out.add(switch (m.asText()) {
        case "ReadWriteOnce" -> "RWO";
        case "ReadOnlyMany" -> "ROX";
        case "ReadWriteMany" -> "RWX";
        case "ReadWriteOncePod" -> "RWOP";
        default -> m.asText();
      });
    }
    return String.join(",", out);
  }

  /** printPod's ready count: ready containers, and restartable init containers (sidecars) started and ready. */
  private static int readyContainers(JsonNode pod) {
    int ready = 0;
    Set<String> sidecars = sidecars(pod);
    for (JsonNode cs : pod.path("status").path("initContainerStatuses")) {
      ready += sidecars.contains(cs.path("name").asText()) && cs.path("started").asBoolean(false)
          && cs.path("ready").asBoolean() ? 1 : 0;
    }
    for (JsonNode cs : pod.path("status").path("containerStatuses")) {
      ready += cs.path("ready").asBoolean() && !cs.path("state").path("running").isMissingNode() ? 1 : 0;
    }
    return ready;
  }

  /** The names of the pod's restartable init containers ({@code restartPolicy: Always}, sidecars). */
  private static Set<String> sidecars(JsonNode pod) {
    Set<String> names = new HashSet<>();
    for (JsonNode c : pod.path("spec").path("initContainers")) {
      if (c.path("restartPolicy").asText("").equals("Always")) {
        names.add(c.path("name").asText());
      }
    }
    return names;
  }

  /** The STATUS column as kubectl computes it (printPod). */
  static String podStatus(JsonNode pod) {
    JsonNode status = pod.path("status");
    String reason = status.path("reason").asText(status.path("phase").asText("Pending"));
    JsonNode inits = status.path("initContainerStatuses");
    int total = pod.path("spec").path("initContainers").size();
    Set<String> sidecars = sidecars(pod);
    for (int i = 0; i < inits.size(); i++) {
      JsonNode cs = inits.get(i);
      JsonNode terminated = cs.path("state").path("terminated");
      JsonNode waiting = cs.path("state").path("waiting");
      if (!terminated.isMissingNode() && terminated.path("exitCode").asInt() == 0
          || sidecars.contains(cs.path("name").asText()) && cs.path("started").asBoolean(false)) {
        continue;
      }
      if (!terminated.isMissingNode()) {
        return "Init:" + terminated.path("reason").asText("ExitCode:" + terminated.path("exitCode").asInt());
      }
      if (!waiting.isMissingNode() && !waiting.path("reason").asText("").isEmpty()
          && !waiting.path("reason").asText().equals("PodInitializing")) {
        return "Init:" + waiting.path("reason").asText();
      }
      return "Init:" + i + "/" + total;
    }
    boolean running = false;
    JsonNode statuses = status.path("containerStatuses");
    for (int i = statuses.size() - 1; i >= 0; i--) {
      JsonNode state = statuses.get(i).path("state");
      if (!state.path("waiting").path("reason").asText("").isEmpty()) {
        reason = state.path("waiting").path("reason").asText();
      } else if (!state.path("terminated").isMissingNode()) {
        reason = state.path("terminated").path("reason").asText("ExitCode:"
            + state.path("terminated").path("exitCode").asInt());
      } else if (!state.path("running").isMissingNode() && statuses.get(i).path("ready").asBoolean()) {
        running = true;
      }
    }
    if (reason.equals("Completed") && running) {
      reason = "Running";
    }
    if (pod.path("metadata").has("deletionTimestamp")) {
      reason = "Terminating";
    }
    return reason;
  }

  private static String containers(JsonNode o, String field) {
    List<String> values = new ArrayList<>();
    for (JsonNode c : o.path("spec").path("template").path("spec").path("containers")) {
      values.add(c.path(field).asText());
    }
    return String.join(",", values);
  }

  private static String selector(JsonNode o) {
    List<String> s = new ArrayList<>();
    o.path("spec").path("selector").path("matchLabels").properties().forEach(e -> s.add(e.getKey() + "="
        + e.getValue().asText()));
    return s.isEmpty() ? "<none>" : String.join(",", s);
  }

  /** printService's EXTERNAL-IP: load balancer ingress and external IPs, {@code <pending>}, the external name. */
  private static String externalIps(JsonNode o) {
    JsonNode spec = o.path("spec");
    List<String> ips = new ArrayList<>();
    spec.path("externalIPs").forEach(ip -> ips.add(ip.asText()));
    switch (spec.path("type").asText("ClusterIP")) {
      case "LoadBalancer" -> {
        List<String> lb = new ArrayList<>();
        o.path("status").path("loadBalancer").path("ingress").forEach(i -> lb.add(i.hasNonNull("ip")
            ? i.path("ip").asText() : i.path("hostname").asText()));
        lb.addAll(ips);
        return lb.isEmpty() ? "<pending>" : String.join(",", lb);
      }
      case "ExternalName" -> {
        return spec.path("externalName").asText("<none>");
      }
      default -> {
        return ips.isEmpty() ? "<none>" : String.join(",", ips);
      }
    }
  }

  /** A node's address of one type (kubectl's {@code getNodeExternalIP}/{@code getNodeInternalIP}), or "<none>". */
  private static String nodeAddress(JsonNode node, String type) {
    for (JsonNode a : node.path("status").path("addresses")) {
      if (a.path("type").asText().equals(type)) {
        return a.path("address").asText();
      }
    }
    return "<none>";
  }

  /** EndpointSlice columns as kubectl's printer: "<unset>" when empty, three values then "+ N more...". */
  private static String firstThree(List<String> values) {
    if (values.isEmpty()) {
      return "<unset>";
    }
    String shown = String.join(",", values.subList(0, Math.min(3, values.size())));
    return values.size() > 3 ? shown + " + " + (values.size() - 3) + " more..." : shown;
  }
}
