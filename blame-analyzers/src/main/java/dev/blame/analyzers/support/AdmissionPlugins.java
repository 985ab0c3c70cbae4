package dev.blame.analyzers.support;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API server's built-in admission plugins, named from the marks they leave, so that no view calls their work
 * "an admission webhook" or the user's own. Shapes from kubernetes/kubernetes {@code plugin/pkg/admission}:
 * <ul>
 *   <li>PodSecurity rejects with {@code violates PodSecurity "restricted:latest": ...};
 *   <li>ServiceAccount rejects with {@code error looking up service account NS/NAME: ...};
 *   <li>LimitRanger rejects with {@code maximum memory usage per Container is 1Gi, but limit is 2Gi}, and marks
 *       the defaults it set with the annotation {@code kubernetes.io/limit-ranger: "LimitRanger plugin set: cpu,
 *       memory request for container app; memory limit for container app"};
 *   <li>DefaultTolerationSeconds adds {@code node.kubernetes.io/not-ready} and {@code node.kubernetes.io/unreachable}
 *       tolerations ({@code Exists}, {@code NoExecute}, {@code tolerationSeconds: 300}) to every pod without them;
 *   <li>DefaultStorageClass sets a claim's {@code storageClassName} to the class annotated
 *       {@code storageclass.kubernetes.io/is-default-class: "true"} when the claim names none.
 * </ul>
 */
public final class AdmissionPlugins {

  /** The annotation LimitRanger writes on a pod whose requests or limits it defaulted. */
  public static final String LIMIT_RANGER_ANNOTATION = "kubernetes.io/limit-ranger";
  /** The annotation that marks the default StorageClass. */
  public static final String DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";
  /** DefaultTolerationSeconds' default, in seconds ({@code --default-not-ready-toleration-seconds}). */
  public static final long DEFAULT_TOLERATION_SECONDS = 300;

  private static final Pattern POD_SECURITY = Pattern.compile("violates PodSecurity \"([^\"]+)\"");
  private static final Pattern SERVICE_ACCOUNT = Pattern.compile("error looking up service account (\\S+?):");
  private static final Pattern LIMIT_RANGER = Pattern.compile("(maximum|minimum) (\\S+) usage per (Container|Pod) is",
      Pattern.CASE_INSENSITIVE);

  private AdmissionPlugins() {}

  /**
   * The built-in admission plugin that refused an object, from the API server's message, for a sentence:
   * {@code the PodSecurity admission plugin, which enforces the namespace's "restricted:latest" level (...)}. Empty when the message
   * names none (quota refusals are said by the quota's own finding; webhooks name themselves).
   */
  public static Optional<String> rejectedBy(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher m = POD_SECURITY.matcher(message);
    if (m.find()) {
      return Optional.of("the PodSecurity admission plugin, which enforces the namespace's \"" + m.group(1)
          + "\" level (label pod-security.kubernetes.io/enforce)");
    }
    m = SERVICE_ACCOUNT.matcher(message);
    if (m.find()) {
      return Optional.of("the ServiceAccount admission plugin, which finds no service account " + m.group(1));
    }
    m = LIMIT_RANGER.matcher(message);
    if (m.find()) {
      return Optional.of("the LimitRanger admission plugin, over a LimitRange " + m.group(1).toLowerCase(java.util.Locale.ROOT)
          + " for " + m.group(2));
    }
    return Optional.empty();
  }

  /**
   * What LimitRanger set on this container, from the pod's annotation: {@code memory limit}, {@code cpu, memory
   * request}; empty when it set nothing there.
   */
  public static List<String> limitRangerSet(Map<String, String> annotations, String container) {
    String value = annotations.get(LIMIT_RANGER_ANNOTATION);
    if (value == null) {
      return List.of();
    }
    String body = value.startsWith("LimitRanger plugin set: ") ? value.substring("LimitRanger plugin set: ".length())
        : value;
    List<String> set = new java.util.ArrayList<>();
    for (String part : body.split(";")) {
      String p = part.strip();
      String suffix = " for container " + container;
      if (p.endsWith(suffix) || p.contains(suffix + " ")) {
        set.add(p.substring(0, p.indexOf(suffix)).strip());
      }
    }
    return set;
  }

  /**
   * The toleration DefaultTolerationSeconds adds for a node taint ({@code node.kubernetes.io/not-ready} or
   * {@code unreachable}) when the pod has it in exactly that shape; the plugin is then the likely author.
   */
  public static Optional<Toleration> defaultToleration(Pod pod, String taint) {
    if (pod.getSpec() == null || pod.getSpec().getTolerations() == null) {
      return Optional.empty();
    }
    return pod.getSpec().getTolerations().stream()
        .filter(t -> taint.equals(t.getKey()) && "Exists".equals(t.getOperator()) && "NoExecute".equals(t.getEffect())
            && t.getTolerationSeconds() != null && t.getTolerationSeconds() == DEFAULT_TOLERATION_SECONDS)
        .findFirst();
  }
}
