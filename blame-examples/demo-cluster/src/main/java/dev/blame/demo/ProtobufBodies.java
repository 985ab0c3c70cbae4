package dev.blame.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Request bodies in Kubernetes' protobuf encoding ({@code application/vnd.kubernetes.protobuf}), turned into JSON.
 * kubectl 1.32's typed clients write protobuf ({@code kubectl create deployment/configmap/secret/job/...},
 * {@code debug node/N}, {@code drain}'s evictions) and do not fall back to JSON. The envelope is {@code k8s\0} and a
 * {@code runtime.Unknown} (typeMeta = 1 {apiVersion = 1, kind = 2}, raw = 2); the object's messages are those of
 * k8s.io/api's generated.proto, of which this knows the kinds kubectl's create commands send and the fields they set
 * (others are skipped). Returns null for what it cannot decode, which the dispatcher answers with 415.
 */
final class ProtobufBodies {

  private ProtobufBodies() {
  }

  /**
   * A field: its JSON name and type; a type starting with '*' is repeated; "map:T" a map of string to T; "b" a bool
   * (false is gogo-protobuf's unwritten zero), "bp" a {@code *bool} (written when set, false kept). An empty
   * name inlines the message's fields into the enclosing object (a Go field tagged {@code json:",inline"}, which
   * protobuf still nests as a message of its own, e.g. {@code Volume.volumeSource}).
   */
  private record F(String name, String type) {
  }

  private static final Map<String, Map<Integer, F>> MESSAGES = new HashMap<>();

  private static void message(String name, Object... fields) {
    Map<Integer, F> m = new HashMap<>();
    for (int i = 0; i < fields.length; i += 3) {
      m.put((Integer) fields[i], new F((String) fields[i + 1], (String) fields[i + 2]));
    }
    MESSAGES.put(name, m);
  }

  static {
    // Field numbers, names and types checked (2026-12-06) against the upstream generated.proto files:
    //   kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto
    //     @ 04d76b7b89ed9b0d36dcb61572a3ff7b39c00989 (ObjectMeta, OwnerReference, LabelSelector[Requirement],
    //     DeleteOptions)
    //   kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/util/intstr/generated.proto
    //     @ 009a4a8bc0b3dde74bdce54289f58bf82efaf5e9 (IntOrString)
    //   kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/api/resource/generated.proto
    //     @ 0f9f0907d6dbe57e78d61f3432bf9b63514b540a (Quantity)
    //   kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/runtime/generated.proto
    //     @ 203d8ac83844b8ea8ece8ece7630cb22ef8f327d (Unknown, TypeMeta: the envelope read in toJson)
    //   kubernetes/api core/v1/generated.proto @ 35f2b3a24dcfdb74ee45e2ddc8d44d6cc9732aa6
    //   kubernetes/api rbac/v1/generated.proto @ 426b1b9979354bee48c10e727c46eb9b5a7bbc95
    //   kubernetes/kubernetes staging/src/k8s.io/api/apps/v1/generated.proto
    //     @ 0122c43a017029d0572474da5a6382e1463f9710
    //   kubernetes/kubernetes staging/src/k8s.io/api/batch/v1/generated.proto
    //     @ 008b3652959ca58af8be3fb5b6ecfe9ae7638282
    //   kubernetes/kubernetes staging/src/k8s.io/api/policy/v1/generated.proto
    //     @ 054d429d9f8bc8de4fc82e6cf2281e12a13fe1f2
    //     (PodDisruptionBudget[Spec]; that revision predates policy/v1 Eviction, which was checked in the k8s.io/api
    //     v0.26.0 copy spotmaxtech/k8s-api-v0260 policy/v1/generated.proto @ 30bf50b601aec4337432c2172e768a7ae31c43b8)
    // Kubernetes never renumbers a protobuf field (new fields take new numbers), so older revisions hold for 1.32.
    message("ObjectMeta", 1, "name", "s", 2, "generateName", "s", 3, "namespace", "s", 5, "uid", "s",
        6, "resourceVersion", "s", 11, "labels", "map:s", 12, "annotations", "map:s",
        13, "ownerReferences", "*OwnerReference", 14, "finalizers", "*s");
    message("OwnerReference", 1, "kind", "s", 3, "name", "s", 4, "uid", "s", 5, "apiVersion", "s",
        6, "controller", "b", 7, "blockOwnerDeletion", "b");
    message("LabelSelector", 1, "matchLabels", "map:s", 2, "matchExpressions", "*LabelSelectorRequirement");
    message("LabelSelectorRequirement", 1, "key", "s", 2, "operator", "s", 3, "values", "*s");
    message("ConfigMap", 1, "metadata", "ObjectMeta", 2, "data", "map:s", 3, "binaryData", "map:y", 4, "immutable",
        "b");
    message("Secret", 1, "metadata", "ObjectMeta", 2, "data", "map:y", 3, "type", "s", 4, "stringData", "map:s",
        5, "immutable", "b");
    message("Namespace", 1, "metadata", "ObjectMeta", 2, "spec", "NamespaceSpec");
    message("NamespaceSpec", 1, "finalizers", "*s");
    message("ServiceAccount", 1, "metadata", "ObjectMeta", 3, "imagePullSecrets", "*LocalObjectReference",
        4, "automountServiceAccountToken", "bp");
    message("LocalObjectReference", 1, "name", "s");
    message("Service", 1, "metadata", "ObjectMeta", 2, "spec", "ServiceSpec");
    message("ServiceSpec", 1, "ports", "*ServicePort", 2, "selector", "map:s", 3, "clusterIP", "s", 4, "type", "s",
        5, "externalIPs", "*s", 7, "sessionAffinity", "s", 10, "externalName", "s");
    message("ServicePort", 1, "name", "s", 2, "protocol", "s", 3, "port", "i", 4, "targetPort", "IntOrString",
        5, "nodePort", "i0");
    message("Pod", 1, "metadata", "ObjectMeta", 2, "spec", "PodSpec");
    message("PodTemplateSpec", 1, "metadata", "ObjectMeta", 2, "spec", "PodSpec");
    // PodSpec's scalar fields, all of them: kubectl 1.32's `debug POD --copy-to` writes a copy of a whole pod
    // (`--share-processes` sets shareProcessNamespace, which was dropped)
    message("PodSpec", 1, "volumes", "*Volume", 2, "containers", "*Container", 3, "restartPolicy", "s",
        4, "terminationGracePeriodSeconds", "i", 5, "activeDeadlineSeconds", "i", 6, "dnsPolicy", "s",
        7, "nodeSelector", "map:s", 8, "serviceAccountName", "s", 9, "serviceAccount", "s", 10, "nodeName", "s",
        11, "hostNetwork", "b", 12, "hostPID", "b", 13, "hostIPC", "b", 15, "imagePullSecrets",
        "*LocalObjectReference", 16, "hostname", "s", 17, "subdomain", "s", 19, "schedulerName", "s",
        20, "initContainers", "*Container", 21, "automountServiceAccountToken", "bp", 22, "tolerations", "*Toleration",
        24, "priorityClassName", "s", 25, "priority", "i", 27, "shareProcessNamespace", "bp", 29, "runtimeClassName",
        "s", 30, "enableServiceLinks", "bp", 31, "preemptionPolicy", "s", 35, "setHostnameAsFQDN", "bp");
    message("Toleration", 1, "key", "s", 2, "operator", "s", 3, "value", "s", 4, "effect", "s");
    message("Volume", 1, "name", "s", 2, "", "VolumeSource"); // volumeSource is inlined in JSON
    message("VolumeSource", 1, "hostPath", "HostPathVolumeSource", 2, "emptyDir", "EmptyDirVolumeSource");
    message("HostPathVolumeSource", 1, "path", "s", 2, "type", "s");
    message("EmptyDirVolumeSource", 1, "medium", "s");
    message("Container", 1, "name", "s", 2, "image", "s", 3, "command", "*s", 4, "args", "*s", 5, "workingDir", "s",
        6, "ports", "*ContainerPort", 7, "env", "*EnvVar", 8, "resources", "ResourceRequirements",
        9, "volumeMounts", "*VolumeMount", 13, "terminationMessagePath", "s", 14, "imagePullPolicy", "s",
        15, "securityContext", "SecurityContext", 16, "stdin", "b", 17, "stdinOnce", "b", 18, "tty", "b",
        20, "terminationMessagePolicy", "s");
    message("SecurityContext", 1, "capabilities", "-", 2, "privileged", "b");
    message("ContainerPort", 1, "name", "s", 2, "hostPort", "i0", 3, "containerPort", "i", 4, "protocol", "s",
        5, "hostIP", "s");
    message("EnvVar", 1, "name", "s", 2, "value", "s");
    message("VolumeMount", 1, "name", "s", 2, "readOnly", "b", 3, "mountPath", "s", 4, "subPath", "s");
    message("ResourceRequirements", 1, "limits", "map:q", 2, "requests", "map:q");
    message("Deployment", 1, "metadata", "ObjectMeta", 2, "spec", "DeploymentSpec");
    message("DeploymentSpec", 1, "replicas", "i", 2, "selector", "LabelSelector", 3, "template", "PodTemplateSpec",
        4, "strategy", "DeploymentStrategy", 5, "minReadySeconds", "i0", 6, "revisionHistoryLimit", "i",
        7, "paused", "b", 9, "progressDeadlineSeconds", "i");
    message("DeploymentStrategy", 1, "type", "s", 2, "rollingUpdate", "RollingUpdateDeployment");
    message("RollingUpdateDeployment", 1, "maxUnavailable", "IntOrString", 2, "maxSurge", "IntOrString");
    message("Job", 1, "metadata", "ObjectMeta", 2, "spec", "JobSpec");
    message("JobSpec", 1, "parallelism", "i", 2, "completions", "i", 3, "activeDeadlineSeconds", "i",
        4, "selector", "LabelSelector", 5, "manualSelector", "b", 6, "template", "PodTemplateSpec",
        7, "backoffLimit", "i", 8, "ttlSecondsAfterFinished", "i", 9, "completionMode", "s", 10, "suspend", "b");
    message("CronJob", 1, "metadata", "ObjectMeta", 2, "spec", "CronJobSpec");
    message("CronJobSpec", 1, "schedule", "s", 2, "startingDeadlineSeconds", "i", 3, "concurrencyPolicy", "s",
        4, "suspend", "b", 5, "jobTemplate", "JobTemplateSpec", 6, "successfulJobsHistoryLimit", "i",
        7, "failedJobsHistoryLimit", "i", 8, "timeZone", "s");
    message("JobTemplateSpec", 1, "metadata", "ObjectMeta", 2, "spec", "JobSpec");
    message("Eviction", 1, "metadata", "ObjectMeta", 2, "deleteOptions", "DeleteOptions");
    message("DeleteOptions", 1, "gracePeriodSeconds", "i", 4, "propagationPolicy", "s", 5, "dryRun", "*s");
    message("ResourceQuota", 1, "metadata", "ObjectMeta", 2, "spec", "ResourceQuotaSpec");
    message("ResourceQuotaSpec", 1, "hard", "map:q", 2, "scopes", "*s");
    message("PodDisruptionBudget", 1, "metadata", "ObjectMeta", 2, "spec", "PodDisruptionBudgetSpec");
    message("PodDisruptionBudgetSpec", 1, "minAvailable", "IntOrString", 2, "selector", "LabelSelector",
        3, "maxUnavailable", "IntOrString");
    message("Role", 1, "metadata", "ObjectMeta", 2, "rules", "*PolicyRule");
    message("ClusterRole", 1, "metadata", "ObjectMeta", 2, "rules", "*PolicyRule", 3, "aggregationRule",
        "AggregationRule");
    message("AggregationRule", 1, "clusterRoleSelectors", "*LabelSelector");
    message("PolicyRule", 1, "verbs", "*s", 2, "apiGroups", "*s", 3, "resources", "*s", 4, "resourceNames", "*s",
        5, "nonResourceURLs", "*s");
    message("RoleBinding", 1, "metadata", "ObjectMeta", 2, "subjects", "*Subject", 3, "roleRef", "RoleRef");
    message("ClusterRoleBinding", 1, "metadata", "ObjectMeta", 2, "subjects", "*Subject", 3, "roleRef", "RoleRef");
    message("Subject", 1, "kind", "s", 2, "apiGroup", "s", 3, "name", "s", 4, "namespace", "s");
    message("RoleRef", 1, "apiGroup", "s", 2, "kind", "s", 3, "name", "s");
    // kubernetes/kubernetes staging/src/k8s.io/api/authorization/v1/generated.proto
    //   @ eb7be2699bcbecb2703d3c046b27c2a8e8b1b6dd (kubectl auth can-i [--list]); SelfSubjectReview (auth whoami)
    //   has only metadata = 1 and status = 2 (authentication/v1), so its body decodes to the envelope alone
    message("SelfSubjectAccessReview", 1, "metadata", "ObjectMeta", 2, "spec", "SelfSubjectAccessReviewSpec");
    message("SelfSubjectAccessReviewSpec", 1, "resourceAttributes", "ResourceAttributes",
        2, "nonResourceAttributes", "NonResourceAttributes");
    message("ResourceAttributes", 1, "namespace", "s", 2, "verb", "s", 3, "group", "s", 4, "version", "s",
        5, "resource", "s", 6, "subresource", "s", 7, "name", "s");
    message("NonResourceAttributes", 1, "path", "s", 2, "verb", "s");
    message("SelfSubjectRulesReview", 1, "metadata", "ObjectMeta", 2, "spec", "SelfSubjectRulesReviewSpec");
    message("SelfSubjectRulesReviewSpec", 1, "namespace", "s");
    message("SelfSubjectReview", 1, "metadata", "ObjectMeta");
    // kubernetes/kubernetes staging/src/k8s.io/api/authentication/v1/generated.proto
    //   @ 155f0631f25771b91aa35aaabd253468a8dd723e (kubectl create token)
    message("TokenRequest", 1, "metadata", "ObjectMeta", 2, "spec", "TokenRequestSpec");
    message("TokenRequestSpec", 1, "audiences", "*s", 4, "expirationSeconds", "i", 3, "boundObjectRef",
        "BoundObjectReference");
    message("BoundObjectReference", 1, "kind", "s", 2, "apiVersion", "s", 3, "name", "s", 4, "uid", "s");
    // kubernetes/api networking/v1/generated.proto @ 426b1b9979354bee48c10e727c46eb9b5a7bbc95 (kubectl 1.32's
    //   create ingress); IngressBackend.resource (3, a core TypedLocalObjectReference) is not set by kubectl: skipped
    message("Ingress", 1, "metadata", "ObjectMeta", 2, "spec", "IngressSpec");
    message("IngressSpec", 1, "defaultBackend", "IngressBackend", 2, "tls", "*IngressTLS", 3, "rules", "*IngressRule",
        4, "ingressClassName", "s");
    message("IngressBackend", 4, "service", "IngressServiceBackend");
    message("IngressServiceBackend", 1, "name", "s", 2, "port", "ServiceBackendPort");
    message("ServiceBackendPort", 1, "name", "s", 2, "number", "i");
    message("IngressTLS", 1, "hosts", "*s", 2, "secretName", "s");
    message("IngressRule", 1, "host", "s", 2, "", "IngressRuleValue"); // ingressRuleValue is inlined in JSON
    message("IngressRuleValue", 1, "http", "HTTPIngressRuleValue");
    message("HTTPIngressRuleValue", 1, "paths", "*HTTPIngressPath");
    message("HTTPIngressPath", 1, "path", "s", 2, "backend", "IngressBackend", 3, "pathType", "s");
    // kubernetes/api autoscaling/v1/generated.proto @ 3fecd54e66d608d8b6b563957348affe87eb2f17 (kubectl 1.32's
    //   autoscale)
    message("HorizontalPodAutoscaler", 1, "metadata", "ObjectMeta", 2, "spec", "HorizontalPodAutoscalerSpec");
    message("HorizontalPodAutoscalerSpec", 1, "scaleTargetRef", "CrossVersionObjectReference", 2, "minReplicas", "i",
        3, "maxReplicas", "i", 4, "targetCPUUtilizationPercentage", "i");
    message("CrossVersionObjectReference", 1, "kind", "s", 2, "name", "s", 3, "apiVersion", "s");
    //   kubernetes/api certificates/v1/generated.proto @ 50d37ad2625f7ae1c3518c389e693fbd444065a4
    //     (kubectl 1.32's `certificate approve/deny` PUT the CertificateSigningRequest to /approval)
    message("CertificateSigningRequest", 1, "metadata", "ObjectMeta", 2, "spec", "CertificateSigningRequestSpec",
        3, "status", "CertificateSigningRequestStatus");
    message("CertificateSigningRequestSpec", 1, "request", "y", 2, "username", "s", 3, "uid", "s", 4, "groups", "*s",
        5, "usages", "*s", 7, "signerName", "s", 8, "expirationSeconds", "i");
    message("CertificateSigningRequestStatus", 1, "conditions", "*CertificateSigningRequestCondition",
        2, "certificate", "y");
    message("CertificateSigningRequestCondition", 1, "type", "s", 2, "reason", "s", 3, "message", "s",
        4, "lastUpdateTime", "Time", 5, "lastTransitionTime", "Time", 6, "status", "s");
    //   kubernetes/kubernetes staging/src/k8s.io/api/scheduling/v1/generated.proto
    //     @ 01d0b7277d400d6aa9fc676abb4826700ec869fe (kubectl 1.32's create priorityclass)
    message("PriorityClass", 1, "metadata", "ObjectMeta", 2, "value", "i", 3, "globalDefault", "b",
        4, "description", "s", 5, "preemptionPolicy", "s");
    message("IntOrString", 1, "type", "i", 2, "intVal", "i", 3, "strVal", "s");
    message("Quantity", 1, "string", "s");
  }

  /** The kinds decoded (by the envelope's kind); the apiVersion is taken from the envelope. */
  private static final Set<String> KINDS = Set.of("ConfigMap", "Secret", "Namespace", "ServiceAccount", "Service",
      "Pod", "Deployment", "Job", "CronJob", "Eviction", "ResourceQuota", "PodDisruptionBudget", "Role",
      "ClusterRole", "RoleBinding", "ClusterRoleBinding", "SelfSubjectAccessReview", "SelfSubjectRulesReview",
      "SelfSubjectReview", "TokenRequest", "Ingress", "HorizontalPodAutoscaler", "CertificateSigningRequest",
      "PriorityClass");

  static boolean isProtobuf(String contentType) {
    return contentType != null && contentType.startsWith("application/vnd.kubernetes.protobuf");
  }

  /** The JSON of a protobuf-encoded object, or null when it is not one of the kinds known here. */
  static ObjectNode toJson(byte[] body) {
    if (body.length < 4 || body[0] != 'k' || body[1] != '8' || body[2] != 's' || body[3] != 0) {
      return null;
    }
    try {
      Reader envelope = new Reader(body, 4, body.length);
      String apiVersion = null;
      String kind = null;
      byte[] raw = null;
      while (envelope.more()) {
        int tag = (int) envelope.varint();
        if (tag >>> 3 == 1 && (tag & 7) == 2) {
          Reader typeMeta = envelope.sub();
          while (typeMeta.more()) {
            int t = (int) typeMeta.varint();
            if ((t & 7) != 2) {
              typeMeta.skip(t & 7);
              continue;
            }
            String value = typeMeta.string();
            if (t >>> 3 == 1) {
              apiVersion = value;
            } else if (t >>> 3 == 2) {
              kind = value;
            }
          }
        } else if (tag >>> 3 == 2 && (tag & 7) == 2) {
          raw = envelope.bytes();
        } else {
          envelope.skip(tag & 7);
        }
      }
      if (kind == null || !KINDS.contains(kind)) {
        return null;
      }
      if (raw == null) {
        raw = new byte[0]; // an empty message
      }
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      object.put("apiVersion", apiVersion);
      object.put("kind", kind);
      object.setAll(decode(kind, new Reader(raw, 0, raw.length)));
      return object;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static ObjectNode decode(String message, Reader in) {
    Map<Integer, F> fields = MESSAGES.get(message);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    while (in.more()) {
      int tag = (int) in.varint();
      F f = fields == null ? null : fields.get(tag >>> 3);
      if (f == null || f.type().equals("-")) {
        in.skip(tag & 7);
        continue;
      }
      boolean repeated = f.type().startsWith("*");
      String type = repeated ? f.type().substring(1) : f.type();
      if (type.startsWith("map:")) {
        Reader entry = in.sub();
        String key = null;
        JsonNode value = null;
        while (entry.more()) {
          int t = (int) entry.varint();
          if (t >>> 3 == 1) {
            key = entry.string();
          } else if (t >>> 3 == 2) {
            value = scalar(type.substring(4), entry, t & 7);
          } else {
            entry.skip(t & 7);
          }
        }
        if (key != null) {
          out.withObjectProperty(f.name()).set(key, value == null ? scalar(type.substring(4), null, 2) : value);
        }
        continue;
      }
      JsonNode value = scalar(type, in, tag & 7);
      if (f.name().isEmpty()) {
        if (value instanceof ObjectNode inlined) {
          out.setAll(inlined);
        }
      } else if (repeated) {
        ArrayNode list = out.has(f.name()) ? (ArrayNode) out.get(f.name()) : out.putArray(f.name());
        list.add(value);
      } else if (value != null) {
        out.set(f.name(), value);
      }
    }
    return out;
  }

  /** One value; null for a zero value gogo-protobuf writes for a non-pointer field (empty string, false, "i0"). */
  private static JsonNode scalar(String type, Reader in, int wire) {
    JsonNodeFactory n = JsonNodeFactory.instance;
    switch (type) {
      case "s" -> {
        String s = in == null ? "" : in.string();
        return s.isEmpty() ? null : n.textNode(s);
      }
      case "y" -> {
        return n.textNode(Base64.getEncoder().encodeToString(in == null ? new byte[0] : in.bytes()));
      }
      case "b" -> {
        return in.varint() != 0 ? n.booleanNode(true) : null;
      }
      case "bp" -> { // a *bool: written only when set, so false is kept
        return n.booleanNode(in.varint() != 0);
      }
      case "i" -> {
        return n.numberNode(in.varint());
      }
      case "i0" -> {
        long v = in.varint();
        return v == 0 ? null : n.numberNode(v);
      }
      case "q" -> {
        if (in == null) {
          return n.textNode("0");
        }
        Reader q = in.sub();
        String s = "0";
        while (q.more()) {
          int t = (int) q.varint();
          if (t >>> 3 == 1) {
            s = q.string();
          } else {
            q.skip(t & 7);
          }
        }
        return n.textNode(s);
      }
      case "Time" -> { // meta/v1 Time: seconds = 1, nanos = 2; JSON writes RFC 3339 to the second
        Reader r = in.sub();
        long seconds = 0;
        while (r.more()) {
          int t = (int) r.varint();
          if (t >>> 3 == 1) {
            seconds = r.varint();
          } else {
            r.skip(t & 7);
          }
        }
        return n.textNode(Instant.ofEpochSecond(seconds).toString());
      }
      case "IntOrString" -> {
        Reader r = in.sub();
        long kind = 0;
        long intVal = 0;
        String strVal = "";
        while (r.more()) {
          int t = (int) r.varint();
          switch (t >>> 3) {
            case 1 -> kind = r.varint();
            case 2 -> intVal = r.varint();
            case 3 -> strVal = r.string();
            default -> r.skip(t & 7);
          }
        }
        return kind == 1 ? n.textNode(strVal) : n.numberNode(intVal);
      }
      default -> {
        if (wire != 2) {
          in.skip(wire);
          return null;
        }
        return decode(type, in.sub());
      }
    }
  }

  /** Protobuf wire format over a byte range. */
  private static final class Reader {
    private final byte[] b;
    private int pos;
    private final int end;

    Reader(byte[] b, int pos, int end) {
      this.b = b;
      this.pos = pos;
      this.end = end;
    }

    boolean more() {
      return pos < end;
    }

    long varint() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) {
          throw new IllegalArgumentException("truncated varint");
        }
        byte x = b[pos++];
        result |= (long) (x & 0x7f) << shift;
        if ((x & 0x80) == 0) {
          return result;
        }
      }
      throw new IllegalArgumentException("varint too long");
    }

    Reader sub() {
      int length = (int) varint();
      if (length < 0 || pos + length > end) {
        throw new IllegalArgumentException("truncated field");
      }
      Reader r = new Reader(b, pos, pos + length);
      pos += length;
      return r;
    }

    byte[] bytes() {
      Reader r = sub();
      byte[] out = new byte[r.end - r.pos];
      System.arraycopy(b, r.pos, out, 0, out.length);
      return out;
    }

    String string() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    void skip(int wire) {
      switch (wire) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case 2 -> sub();
        case 5 -> pos += 4;
        default -> throw new IllegalArgumentException("wire type " + wire);
      }
    }
  }
}
