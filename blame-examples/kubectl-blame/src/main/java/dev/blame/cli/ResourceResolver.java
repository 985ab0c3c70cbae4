package dev.blame.cli;

import dev.blame.api.GroupKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns what a kubectl user types ({@code deploy}, {@code deployments.apps}, {@code Deployment},
 * {@code webapp}) into a {@link ResourceType}: kubectl's built-in names, plurals and short names first, then
 * the types discovered: offline, the kinds in the manifests and the CustomResourceDefinitions among them;
 * live, the API server's discovery documents, asked only when the built-in table does not know the name.
 */
final class ResourceResolver {

  private static final Pattern VERSION = Pattern.compile("v\\d+((alpha|beta)\\d+)?");

  /** kubectl's names for the built-in types, as {@code kubectl api-resources} lists them. */
  static final List<ResourceType> BUILT_IN = List.of(
      t("", "Pod", "pods", true, "v1", "po"),
      t("", "Service", "services", true, "v1", "svc"),
      t("", "ConfigMap", "configmaps", true, "v1", "cm"),
      t("", "Secret", "secrets", true, "v1"),
      t("", "PersistentVolumeClaim", "persistentvolumeclaims", true, "v1", "pvc"),
      t("", "PersistentVolume", "persistentvolumes", false, "v1", "pv"),
      t("", "ServiceAccount", "serviceaccounts", true, "v1", "sa"),
      t("", "Node", "nodes", false, "v1", "no"),
      t("", "Namespace", "namespaces", false, "v1", "ns"),
      t("", "Endpoints", "endpoints", true, "v1", "ep"),
      t("", "Event", "events", true, "v1", "ev"),
      t("", "ResourceQuota", "resourcequotas", true, "v1", "quota"),
      t("", "LimitRange", "limitranges", true, "v1", "limits"),
      t("", "ReplicationController", "replicationcontrollers", true, "v1", "rc"),
      t("apps", "Deployment", "deployments", true, "v1", "deploy"),
      t("apps", "ReplicaSet", "replicasets", true, "v1", "rs"),
      t("apps", "StatefulSet", "statefulsets", true, "v1", "sts"),
      t("apps", "DaemonSet", "daemonsets", true, "v1", "ds"),
      t("apps", "ControllerRevision", "controllerrevisions", true, "v1"),
      t("batch", "Job", "jobs", true, "v1"),
      t("batch", "CronJob", "cronjobs", true, "v1", "cj"),
      t("autoscaling", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, "v2", "hpa"),
      t("policy", "PodDisruptionBudget", "poddisruptionbudgets", true, "v1", "pdb"),
      t("networking.k8s.io", "Ingress", "ingresses", true, "v1", "ing"),
      t("networking.k8s.io", "IngressClass", "ingressclasses", false, "v1"),
      t("networking.k8s.io", "NetworkPolicy", "networkpolicies", true, "v1", "netpol"),
      t("discovery.k8s.io", "EndpointSlice", "endpointslices", true, "v1"),
      t("events.k8s.io", "Event", "events", true, "v1", "ev"),
      t("storage.k8s.io", "StorageClass", "storageclasses", false, "v1", "sc"),
      t("apiextensions.k8s.io", "CustomResourceDefinition", "customresourcedefinitions", false, "v1",
          "crd", "crds"),
      t("apiregistration.k8s.io", "APIService", "apiservices", false, "v1"),
      t("admissionregistration.k8s.io", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations",
          false, "v1"),
      t("admissionregistration.k8s.io", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations",
          false, "v1"),
      t("rbac.authorization.k8s.io", "Role", "roles", true, "v1"),
      t("rbac.authorization.k8s.io", "RoleBinding", "rolebindings", true, "v1"),
      t("rbac.authorization.k8s.io", "ClusterRole", "clusterroles", false, "v1"),
      t("rbac.authorization.k8s.io", "ClusterRoleBinding", "clusterrolebindings", false, "v1"),
      t("scheduling.k8s.io", "PriorityClass", "priorityclasses", false, "v1", "pc"),
      t("coordination.k8s.io", "Lease", "leases", true, "v1"));

  private final List<ResourceType> known;
  private final Supplier<List<ResourceType>> discovery;
  private List<ResourceType> discovered;

  /**
   * @param extra types found in the input (offline), before the built-in ones are consulted for a group kubectl
   *     does not know
   * @param discovery asked, once, only when neither the built-in table nor {@code extra} knows a name
   */
  ResourceResolver(List<ResourceType> extra, Supplier<List<ResourceType>> discovery) {
    Map<GroupKind, ResourceType> byKind = new LinkedHashMap<>();
    BUILT_IN.forEach(t -> byKind.put(t.kind, t));
    extra.forEach(t -> byKind.merge(t.kind, t, ResourceResolver::better));
    this.known = List.copyOf(byKind.values());
    this.discovery = discovery;
  }

  /** Only the built-in table. */
  static ResourceResolver builtIn() {
    return new ResourceResolver(List.of(), List::of);
  }

  /** A CRD's names beat a guess from a kind; the built-in table beats both. */
  private static ResourceType better(ResourceType existing, ResourceType candidate) {
    if (BUILT_IN.contains(existing)) {
      return existing;
    }
    return candidate.namespaced != null || !candidate.shortNames.isEmpty() ? candidate : existing;
  }

  /**
   * Resolves a type as kubectl reads it: {@code NAME}, {@code NAME.GROUP} or {@code NAME.VERSION.GROUP},
   * where NAME is a plural, singular, short name or kind, in any case.
   *
   * @throws CliException naming the type when nothing or more than one group matches
   */
  ResourceType resolve(String text) {
    String input = text.trim();
    if (input.isEmpty()) {
      throw new CliException("a resource type is required, e.g. 'deploy' or 'deployment.apps'");
    }
    String lower = input.toLowerCase(Locale.ROOT);
    String name = lower;
    String group = null;
    int dot = lower.indexOf('.');
    if (dot > 0) {
      name = lower.substring(0, dot);
      group = lower.substring(dot + 1);
      int next = group.indexOf('.');
      if (next > 0 && VERSION.matcher(group.substring(0, next)).matches()) {
        group = group.substring(next + 1);
      } else if (VERSION.matcher(group).matches()) {
        group = "";
      }
    }
    List<ResourceType> found = match(known, name, group);
    if (found.isEmpty()) {
      if (discovered == null) {
        discovered = List.copyOf(discovery.get());
      }
      found = match(discovered, name, group);
    }
    if (found.isEmpty()) {
      throw new CliException("the server doesn't have a resource type \"" + input + "\"");
    }
    if (found.size() > 1) {
      // kubectl prefers the core group, then the built-in types (e.g. events before events.k8s.io).
      ResourceType core = found.stream().filter(t -> t.kind.isCore()).findFirst().orElse(null);
      if (core != null) {
        return core;
      }
      List<ResourceType> builtIn = found.stream().filter(BUILT_IN::contains).toList();
      if (builtIn.size() == 1) {
        return builtIn.get(0);
      }
      throw new CliException("resource type \"" + input + "\" is ambiguous: it names "
          + String.join(", ", found.stream().map(ResourceType::qualifiedPlural).toList())
          + "; add the group, e.g. " + found.get(0).qualifiedPlural());
    }
    return found.get(0);
  }

  /** The type of a kind: the table's entry, or kubectl's guess. */
  ResourceType forKind(GroupKind kind) {
    return known.stream().filter(t -> t.kind.equals(kind)).findFirst().orElseGet(() -> ResourceType.guessed(kind));
  }

  private static List<ResourceType> match(List<ResourceType> types, String name, String group) {
    List<ResourceType> found = new ArrayList<>();
    for (ResourceType type : types) {
      if (type.matches(name) && (group == null || group.equals(type.kind.group().toLowerCase(Locale.ROOT)))) {
        found.add(type);
      }
    }
    return found;
  }

  private static ResourceType t(String group, String kind, String plural, boolean namespaced, String version,
      String... shortNames) {
    return new ResourceType(GroupKind.of(group, kind), plural, kind, List.of(shortNames), namespaced, version);
  }
}
