package dev.blame.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersions;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The discovery documents a real API server serves ({@code /api}, {@code /api/v1}, {@code /apis},
 * {@code /apis/GROUP}, {@code /apis/GROUP/VERSION}) for the built-in kinds the demo uses, plus the
 * custom resources of every CustomResourceDefinition currently stored.
 */
final class Discovery {

  /** One built-in resource type. */
  record Kind(String group, String version, String plural, String singular, String kind, boolean namespaced,
      boolean hasStatus, List<String> shortNames) {

    String groupVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }
  }

  static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  static final List<Kind> BUILT_IN = List.of(
      new Kind("", "v1", "pods", "pod", "Pod", true, true, List.of("po")),
      new Kind("", "v1", "services", "service", "Service", true, true, List.of("svc")),
      new Kind("", "v1", "configmaps", "configmap", "ConfigMap", true, false, List.of("cm")),
      new Kind("", "v1", "secrets", "secret", "Secret", true, false, List.of()),
      new Kind("", "v1", "events", "event", "Event", true, false, List.of("ev")),
      new Kind("", "v1", "namespaces", "namespace", "Namespace", false, false, List.of("ns")),
      new Kind("", "v1", "nodes", "node", "Node", false, true, List.of("no")),
      new Kind("", "v1", "persistentvolumeclaims", "persistentvolumeclaim", "PersistentVolumeClaim", true, true,
          List.of("pvc")),
      new Kind("", "v1", "persistentvolumes", "persistentvolume", "PersistentVolume", false, true, List.of("pv")),
      new Kind("", "v1", "serviceaccounts", "serviceaccount", "ServiceAccount", true, false, List.of("sa")),
      new Kind("", "v1", "endpoints", "endpoints", "Endpoints", true, false, List.of("ep")),
      new Kind("", "v1", "resourcequotas", "resourcequota", "ResourceQuota", true, true, List.of("quota")),
      new Kind("apps", "v1", "deployments", "deployment", "Deployment", true, true, List.of("deploy")),
      new Kind("apps", "v1", "replicasets", "replicaset", "ReplicaSet", true, true, List.of("rs")),
      new Kind("apps", "v1", "statefulsets", "statefulset", "StatefulSet", true, true, List.of("sts")),
      new Kind("apps", "v1", "daemonsets", "daemonset", "DaemonSet", true, true, List.of("ds")),
      new Kind("apps", "v1", "controllerrevisions", "controllerrevision", "ControllerRevision", true, false,
          List.of()),
      new Kind("batch", "v1", "jobs", "job", "Job", true, true, List.of()),
      new Kind("batch", "v1", "cronjobs", "cronjob", "CronJob", true, true, List.of("cj")),
      new Kind("networking.k8s.io", "v1", "ingresses", "ingress", "Ingress", true, true, List.of("ing")),
      new Kind("discovery.k8s.io", "v1", "endpointslices", "endpointslice", "EndpointSlice", true, false,
          List.of()),
      new Kind("events.k8s.io", "v1", "events", "event", "Event", true, false, List.of("ev")),
      new Kind("autoscaling", "v2", "horizontalpodautoscalers", "horizontalpodautoscaler",
          "HorizontalPodAutoscaler", true, true, List.of("hpa")),
      new Kind("autoscaling", "v1", "horizontalpodautoscalers", "horizontalpodautoscaler",
          "HorizontalPodAutoscaler", true, true, List.of("hpa")),
      new Kind("policy", "v1", "poddisruptionbudgets", "poddisruptionbudget", "PodDisruptionBudget", true, true,
          List.of("pdb")),
      new Kind("apiextensions.k8s.io", "v1", "customresourcedefinitions", "customresourcedefinition",
          "CustomResourceDefinition", false, true, List.of("crd", "crds")),
      new Kind("storage.k8s.io", "v1", "storageclasses", "storageclass", "StorageClass", false, false,
          List.of("sc")),
      // Served as stored objects only (no controller acts on them), so that kubectl finds the types a real
      // cluster has: admission (LimitRange, webhooks), scheduling, RBAC, leases, storage and node plumbing.
      new Kind("", "v1", "limitranges", "limitrange", "LimitRange", true, false, List.of("limits")),
      new Kind("", "v1", "podtemplates", "podtemplate", "PodTemplate", true, false, List.of()),
      new Kind("", "v1", "replicationcontrollers", "replicationcontroller", "ReplicationController", true, true,
          List.of("rc")),
      new Kind("networking.k8s.io", "v1", "networkpolicies", "networkpolicy", "NetworkPolicy", true, false,
          List.of("netpol")),
      new Kind("networking.k8s.io", "v1", "ingressclasses", "ingressclass", "IngressClass", false, false, List.of()),
      new Kind("coordination.k8s.io", "v1", "leases", "lease", "Lease", true, false, List.of()),
      new Kind("scheduling.k8s.io", "v1", "priorityclasses", "priorityclass", "PriorityClass", false, false,
          List.of("pc")),
      new Kind("node.k8s.io", "v1", "runtimeclasses", "runtimeclass", "RuntimeClass", false, false, List.of()),
      new Kind("rbac.authorization.k8s.io", "v1", "roles", "role", "Role", true, false, List.of()),
      new Kind("rbac.authorization.k8s.io", "v1", "rolebindings", "rolebinding", "RoleBinding", true, false,
          List.of()),
      new Kind("rbac.authorization.k8s.io", "v1", "clusterroles", "clusterrole", "ClusterRole", false, false,
          List.of()),
      new Kind("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "clusterrolebinding", "ClusterRoleBinding",
          false, false, List.of()),
      new Kind("admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations", "mutatingwebhookconfiguration",
          "MutatingWebhookConfiguration", false, false, List.of()),
      new Kind("admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations",
          "validatingwebhookconfiguration", "ValidatingWebhookConfiguration", false, false, List.of()),
      new Kind("storage.k8s.io", "v1", "csidrivers", "csidriver", "CSIDriver", false, false, List.of()),
      new Kind("storage.k8s.io", "v1", "csinodes", "csinode", "CSINode", false, false, List.of()),
      new Kind("storage.k8s.io", "v1", "volumeattachments", "volumeattachment", "VolumeAttachment", false, true,
          List.of()),
      new Kind("certificates.k8s.io", "v1", "certificatesigningrequests", "certificatesigningrequest",
          "CertificateSigningRequest", false, true, List.of("csr")),
      // every API server serves it (blame lists APIServices; unserved paths are 404s)
      new Kind("apiregistration.k8s.io", "v1", "apiservices", "apiservice", "APIService", false, true, List.of()));

  /** The resources in kubectl's {@code all} category (what {@code kubectl get all} lists), as the API server has them. */
  static final Set<String> ALL_CATEGORY = Set.of("pods", "services", "deployments", "replicasets",
      "statefulsets", "daemonsets", "jobs", "cronjobs", "horizontalpodautoscalers", "replicationcontrollers");

  /** The kinds with a {@code /scale} subresource. */
  static final Set<String> SCALABLE = Set.of("deployments", "replicasets", "statefulsets");

  private Discovery() {
  }

  /** Whether a built-in (group, plural) has a status subresource: main-resource writes then keep status. */
  static boolean hasStatusSubresource(String group, String plural) {
    return BUILT_IN.stream().anyMatch(k -> k.group().equals(group) && k.plural().equals(plural) && k.hasStatus());
  }

  static APIVersions coreVersions(String serverAddress) {
    return new APIVersionsBuilder().withVersions("v1")
        .addNewServerAddressByClientCIDR("0.0.0.0/0", serverAddress).build();
  }

  /** Group name -> versions in preference order (built-in first, then CRDs). */
  private static Map<String, List<String>> groups(List<JsonNode> crds) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (Kind k : BUILT_IN) {
      if (!k.group().isEmpty()) {
        List<String> versions = groups.computeIfAbsent(k.group(), g -> new ArrayList<>());
        if (!versions.contains(k.version())) {
          versions.add(k.version());
        }
      }
    }
    for (JsonNode crd : crds) {
      String group = crd.path("spec").path("group").asText();
      for (JsonNode v : crd.path("spec").path("versions")) {
        if (v.path("served").asBoolean(true)) {
          List<String> versions = groups.computeIfAbsent(group, g -> new ArrayList<>());
          if (!versions.contains(v.path("name").asText())) {
            versions.add(v.path("name").asText());
          }
        }
      }
    }
    return groups;
  }

  static APIGroupList groupList(List<JsonNode> crds) {
    APIGroupListBuilder list = new APIGroupListBuilder();
    groups(crds).forEach((group, versions) -> list.addToGroups(groupOf(group, versions)));
    return list.build();
  }

  static Optional<APIGroup> group(String group, List<JsonNode> crds) {
    return Optional.ofNullable(groups(crds).get(group)).map(versions -> groupOf(group, versions));
  }

  private static APIGroup groupOf(String group, List<String> versions) {
    APIGroupBuilder b = new APIGroupBuilder().withName(group);
    for (String v : versions) {
      b.addToVersions(new GroupVersionForDiscovery(group + "/" + v, v));
    }
    return b.withPreferredVersion(new GroupVersionForDiscovery(group + "/" + versions.get(0), versions.get(0)))
        .build();
  }

  /** The resource list of one group/version ("" is the core group), or empty when nothing is served there. */
  static Optional<APIResourceList> resources(String group, String version, List<JsonNode> crds) {
    List<APIResource> resources = new ArrayList<>();
    for (Kind k : BUILT_IN) {
      if (k.group().equals(group) && k.version().equals(version)) {
        resources.add(new APIResourceBuilder().withName(k.plural()).withSingularName(k.singular())
            .withNamespaced(k.namespaced()).withKind(k.kind()).withVerbs(VERBS).withShortNames(k.shortNames())
            .withCategories(ALL_CATEGORY.contains(k.plural()) && !k.groupVersion().equals("autoscaling/v1")
                ? List.of("all") : List.of())
            .build());
        if (k.kind().equals("Pod")) {
          resources.add(new APIResourceBuilder().withName("pods/log").withSingularName("").withNamespaced(true)
              .withKind("Pod").withVerbs("get").build());
          // What `kubectl drain` looks for before evicting rather than deleting (DemoDispatcher serves it).
          resources.add(new APIResourceBuilder().withName("pods/eviction").withSingularName("").withNamespaced(true)
              .withGroup("policy").withVersion("v1").withKind("Eviction").withVerbs("create").build());
        }
        if (k.kind().equals("ServiceAccount")) {
          // `kubectl create token` (DemoDispatcher answers it; nothing is stored)
          resources.add(new APIResourceBuilder().withName("serviceaccounts/token").withSingularName("")
              .withNamespaced(true).withGroup("authentication.k8s.io").withVersion("v1").withKind("TokenRequest")
              .withVerbs("create").build());
        }
        if (SCALABLE.contains(k.plural()) && k.group().equals("apps")) {
          // What `kubectl autoscale` and `kubectl scale` look for (DemoDispatcher serves .../scale).
          resources.add(new APIResourceBuilder().withName(k.plural() + "/scale").withSingularName("")
              .withNamespaced(true).withGroup("autoscaling").withVersion("v1").withKind("Scale")
              .withVerbs("get", "patch", "update").build());
        }
        if (k.kind().equals("CertificateSigningRequest")) {
          // `kubectl certificate approve/deny` (DemoDispatcher writes it as a status write)
          resources.add(new APIResourceBuilder().withName(k.plural() + "/approval").withSingularName("")
              .withNamespaced(false).withKind(k.kind()).withVerbs("get", "patch", "update").build());
        }
        if (k.hasStatus()) {
          resources.add(new APIResourceBuilder().withName(k.plural() + "/status").withSingularName("")
              .withNamespaced(k.namespaced()).withKind(k.kind()).withVerbs("get", "patch", "update").build());
        }
      }
    }
    for (JsonNode crd : crds) {
      JsonNode spec = crd.path("spec");
      if (!spec.path("group").asText().equals(group)) {
        continue;
      }
      for (JsonNode v : spec.path("versions")) {
        if (!v.path("name").asText().equals(version) || !v.path("served").asBoolean(true)) {
          continue;
        }
        JsonNode names = spec.path("names");
        List<String> shortNames = new ArrayList<>();
        names.path("shortNames").forEach(n -> shortNames.add(n.asText()));
        List<String> categories = new ArrayList<>();
        names.path("categories").forEach(n -> categories.add(n.asText()));
        boolean namespaced = !"Cluster".equals(spec.path("scope").asText("Namespaced"));
        String plural = names.path("plural").asText();
        resources.add(new APIResourceBuilder().withName(plural)
            .withSingularName(names.path("singular").asText(names.path("kind").asText().toLowerCase()))
            .withNamespaced(namespaced).withKind(names.path("kind").asText()).withVerbs(VERBS)
            .withShortNames(shortNames).withCategories(categories).build());
        if (v.path("subresources").has("status")) {
          resources.add(new APIResourceBuilder().withName(plural + "/status").withSingularName("")
              .withNamespaced(namespaced).withKind(names.path("kind").asText()).withVerbs("get", "patch", "update")
              .build());
        }
      }
    }
    boolean known = resources.size() > 0 || groups(crds).getOrDefault(group, List.of()).contains(version)
        || (group.isEmpty() && version.equals("v1"));
    if (!known) {
      return Optional.empty();
    }
    return Optional.of(new APIResourceListBuilder()
        .withGroupVersion(group.isEmpty() ? version : group + "/" + version).withResources(resources).build());
  }
}
