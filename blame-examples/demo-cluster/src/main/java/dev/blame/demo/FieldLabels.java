package dev.blame.demo;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The field labels a list or watch may select on. The API server converts each label of a field selector through the
 * kind's field label conversion before it lists anything, and answers a label the kind does not support with a 400
 * BadRequest carrying the conversion's error (which kubectl prefixes with "Unable to find ... that match label
 * selector ..., field selector ...:"). Before, the demo evaluated any field path, so
 * {@code kubectl get deploy --field-selector=status.readyReplicas=2} listed what matched where a real server refuses.
 *
 * <p>The kinds with their own conversion are those kube-apiserver registers with {@code AddFieldLabelConversionFunc}:
 * in core/v1 Pod, Node, ReplicationController, Event, Namespace, Secret and Service, with the labels of {@code
 * pkg/apis/core/v1/conversion.go}; batch/v1 Job ({@code status.successful}, {@code pkg/apis/batch/v1/conversion.go});
 * certificates.k8s.io/v1 CertificateSigningRequest and events.k8s.io/v1 Event, whose conversions were not read here
 * and are not checked. Every other built-in kind (Deployments, ConfigMaps, ...) has none and gets apimachinery's
 * {@code DefaultMetaV1FieldSelectorConversion}: {@code metadata.name} and {@code metadata.namespace} only. Custom
 * resources get apiextensions-apiserver's converter of 1.29 (before {@code selectableFields}): {@code metadata.name},
 * and {@code metadata.namespace} when namespaced.
 */
final class FieldLabels {

  private static final Map<String, Set<String>> CORE_V1 = Map.of(
      "pods", Set.of("metadata.name", "metadata.namespace", "spec.nodeName", "spec.restartPolicy",
          "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP",
          "status.podIPs", "status.nominatedNodeName", "spec.host"),
      "nodes", Set.of("metadata.name", "spec.unschedulable"),
      "replicationcontrollers", Set.of("metadata.name", "metadata.namespace", "status.replicas"),
      "events", Set.of("involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
          "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
          "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type", "metadata.namespace",
          "metadata.name"),
      "namespaces", Set.of("status.phase", "metadata.name"),
      "secrets", Set.of("type", "metadata.namespace", "metadata.name"),
      "services", Set.of("metadata.namespace", "metadata.name", "spec.clusterIP", "spec.type"));

  private static final Set<String> OBJECT_META = Set.of("metadata.name", "metadata.namespace");
  private static final Set<String> JOB = Set.of("metadata.name", "metadata.namespace", "status.successful");
  /** group/plural of the kinds with a conversion of their own that was not read. */
  private static final Set<String> UNCHECKED = Set.of("certificates.k8s.io/certificatesigningrequests",
      "events.k8s.io/events");

  /** The labels whose value is read from another path than their name (a core Event's {@code source}). */
  private static final Map<String, String> PATHS = Map.of("source", "source.component");

  private FieldLabels() {
  }

  /**
   * The API server's message for the first label of {@code selector} that the resource does not support, or empty
   * when it supports them all (or is not checked). A label is what precedes {@code =}, {@code ==} or {@code !=}.
   *
   * @param group the resource's API group ("" for core)
   * @param plural the resource
   * @param customResource whether a CRD serves it
   * @param namespaced whether its objects live in namespaces (read for custom resources only)
   */
  static Optional<String> refused(String group, String plural, boolean customResource, boolean namespaced,
      String selector) {
    for (String requirement : selector.split(",")) {
      String label = labelOf(requirement);
      if (label.isEmpty()) {
        continue;
      }
      if (customResource) {
        if (!label.equals("metadata.name") && !(namespaced && label.equals("metadata.namespace"))) {
          return Optional.of("field label not supported: " + label);
        }
      } else if (group.isEmpty() && CORE_V1.containsKey(plural)) {
        if (!CORE_V1.get(plural).contains(label)) {
          return Optional.of("field label not supported: " + label);
        }
      } else if (group.equals("batch") && plural.equals("jobs")) {
        if (!JOB.contains(label)) {
          return Optional.of("field label \"" + label + "\" not supported for Job");
        }
      } else if (!UNCHECKED.contains(group + "/" + plural) && !OBJECT_META.contains(label)) {
        return Optional.of("\"" + label + "\" is not a known field selector: only \"metadata.name\", "
            + "\"metadata.namespace\"");
      }
    }
    return Optional.empty();
  }

  /** The object path a label is read from ({@code source} of a core Event is {@code source.component}). */
  static String pathOf(String label) {
    return label.equals("spec.host") ? "spec.nodeName" : PATHS.getOrDefault(label, label);
  }

  private static String labelOf(String requirement) {
    String r = requirement.trim();
    int op = r.indexOf("!=");
    op = op >= 0 ? op : r.indexOf('=');
    return (op < 0 ? r : r.substring(0, op)).trim();
  }
}
