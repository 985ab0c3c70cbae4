package dev.blame.analyzers.support;

import dev.blame.api.Health;
import dev.blame.api.ReasonCode;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Judgement;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API server's built-in admission plugins, named from the marks they leave, so that no view calls their work
 * "an admission webhook" or the user's own. Shapes from kubernetes/kubernetes {@code plugin/pkg/admission}:
 * <ul>
 *   <li>PodSecurity rejects with {@code violates PodSecurity "restricted:latest": ...};
 *   <li>ServiceAccount rejects with {@code error looking up service account NS/NAME: ...}, and names a missing
 *       account with the lister's NotFound ({@code serviceaccount "NAME" not found}; see
 *       {@link #missingServiceAccount});
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

  /** A pod's service account does not exist (the same code the pod's own references name it by). */
  public static final ReasonCode SERVICE_ACCOUNT_NOT_FOUND = ReasonCode.of("ServiceAccountNotFound");
  /** The annotation LimitRanger writes on a pod whose requests or limits it defaulted. */
  public static final String LIMIT_RANGER_ANNOTATION = "kubernetes.io/limit-ranger";
  /** The annotation that marks the default StorageClass. */
  public static final String DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";
  /** DefaultTolerationSeconds' default, in seconds ({@code --default-not-ready-toleration-seconds}). */
  public static final long DEFAULT_TOLERATION_SECONDS = 300;
  /** The taints the node lifecycle controller sets from a node's Ready condition (False, Unknown). */
  public static final List<String> NODE_CONDITION_TAINTS = List.of("node.kubernetes.io/not-ready",
      "node.kubernetes.io/unreachable");

  private static final Pattern POD_SECURITY = Pattern.compile("violates PodSecurity \"([^\"]+)\"");
  private static final Pattern SERVICE_ACCOUNT = Pattern.compile("error looking up service account (\\S+?):");
  /**
   * The plugin's refusal when the account does not exist, in both its forms: since the plugin wraps the lister's
   * NotFound, {@code error looking up service account NS/NAME: serviceaccount "NAME" not found}; before, {@code
   * service account NS/NAME was not found, retry after the service account is created}. Any other error of the
   * look-up (the API server could not read it) says nothing about whether the account exists.
   */
  private static final Pattern SERVICE_ACCOUNT_MISSING = Pattern.compile(
      "error looking up service account ([^\\s/]+)/([^\\s:]+): serviceaccounts? \"([^\"]+)\" not found"
          + "|service account ([^\\s/]+)/(\\S+) was not found, retry after the service account is created");
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
      return Optional.of("the LimitRanger admission plugin, over a LimitRange " + m.group(1).toLowerCase(Locale.ROOT)
          + " for " + m.group(2));
    }
    return Optional.empty();
  }

  /**
   * The service account ({@code NS/NAME}) the ServiceAccount admission plugin refused a pod for because it does not
   * exist, from the API server's message (see {@link #SERVICE_ACCOUNT_MISSING}); empty for any other message,
   * including the plugin's refusals for other reasons.
   */
  public static Optional<String> missingServiceAccount(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher m = SERVICE_ACCOUNT_MISSING.matcher(message);
    if (!m.find()) {
      return Optional.empty();
    }
    if (m.group(1) != null) {
      return m.group(2).equals(m.group(3)) ? Optional.of(m.group(1) + "/" + m.group(2)) : Optional.empty();
    }
    return Optional.of(m.group(4) + "/" + m.group(5));
  }

  /**
   * Names the missing service account beside a controller's {@code ReplicaFailure} condition whose message is the
   * plugin's refusal for it (see {@link #missingServiceAccount}); does nothing for any other message.
   */
  public static void nameMissingServiceAccount(Condition c, Judgement j) {
    missingServiceAccount(c.message()).ifPresent(sa -> j.find(Health.DEGRADED, SERVICE_ACCOUNT_NOT_FOUND,
        serviceAccountMissing(sa), c.evidence()));
  }

  /** The message of {@link #SERVICE_ACCOUNT_NOT_FOUND} for the account {@code NS/NAME}, wherever the refusal was read. */
  public static String serviceAccountMissing(String account) {
    return "service account " + account + " does not exist: the ServiceAccount admission plugin refuses every pod"
        + " that runs as it until it is created";
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
    List<String> set = new ArrayList<>();
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
    return tolerationOf(pod, taint, "NoExecute").filter(t -> taint.equals(t.getKey()) && "Exists".equals(t.getOperator())
        && t.getTolerationSeconds() != null && t.getTolerationSeconds() == DEFAULT_TOLERATION_SECONDS);
  }

  /**
   * The pod's toleration that matches a taint without a value (the node lifecycle controller's taints carry none),
   * as the scheduler and the taint manager match it: the same key, or an empty key with {@code Exists} (tolerates
   * every taint); the same effect, or none (every effect). The first one that matches; empty when none does.
   */
  public static Optional<Toleration> tolerationOf(Pod pod, String key, String effect) {
    if (pod.getSpec() == null || pod.getSpec().getTolerations() == null) {
      return Optional.empty();
    }
    return pod.getSpec().getTolerations().stream().filter(t -> t != null)
        .filter(t -> t.getEffect() == null || t.getEffect().isEmpty() || t.getEffect().equals(effect))
        .filter(t -> key.equals(t.getKey()) || ((t.getKey() == null || t.getKey().isEmpty())
            && "Exists".equals(t.getOperator())))
        .filter(t -> "Exists".equals(t.getOperator()) || t.getValue() == null || t.getValue().isEmpty())
        .findFirst();
  }

  /**
   * How long a pod stays bound to a node tainted {@code key:NoExecute}, from its tolerations, for a sentence:
   * {@code for 300 s (the toleration the DefaultTolerationSeconds admission plugin adds)}. {@code tolerated} is the
   * number of seconds, empty for ever (a toleration without {@code tolerationSeconds}, as DaemonSet pods carry), and
   * zero when no toleration matches (the pod is evicted at once). {@code listed} is false when the pod lists no
   * tolerations at all: a capture that dropped them, or an API server without the plugin; nothing is then known.
   */
  public record Stay(boolean listed, Optional<Long> tolerated, String why) {}

  /** The pod's stay on a node tainted {@code key:NoExecute} (see {@link Stay}). */
  public static Stay stay(Pod pod, String key) {
    if (pod.getSpec() == null || pod.getSpec().getTolerations() == null || pod.getSpec().getTolerations().isEmpty()) {
      return new Stay(false, Optional.of(DEFAULT_TOLERATION_SECONDS), "the pod lists no tolerations (the"
          + " DefaultTolerationSeconds admission plugin, on by default, adds " + DEFAULT_TOLERATION_SECONDS + " s ones;"
          + " this capture has none)");
    }
    Optional<Toleration> t = tolerationOf(pod, key, "NoExecute");
    if (t.isEmpty()) {
      return new Stay(true, Optional.of(0L), "the pod does not tolerate " + key + ":NoExecute");
    }
    Long seconds = t.get().getTolerationSeconds();
    if (seconds == null) {
      return new Stay(true, Optional.empty(), "the pod tolerates " + key + ":NoExecute without a limit");
    }
    long s = Math.max(0, seconds);
    boolean plugin = defaultToleration(pod, key).isPresent();
    return new Stay(true, Optional.of(s), "the pod tolerates " + key + ":NoExecute for " + s + " s"
        + (plugin ? " (the toleration the DefaultTolerationSeconds admission plugin adds)" : " (its own toleration)"));
  }
}
