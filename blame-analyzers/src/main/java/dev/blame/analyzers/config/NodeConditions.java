package dev.blame.analyzers.config;

import static dev.blame.analyzers.config.PodReferencesAnalyzer.NODE_NOT_READY;
import static dev.blame.analyzers.config.PodReferencesAnalyzer.NODE_PRESSURE;
import static dev.blame.analyzers.config.PodReferencesAnalyzer.human;

import dev.blame.analyzers.support.AdmissionPlugins;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Unstructured;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The conditions of a pod's node that explain the pod: a node that is not Ready (and when the taint manager evicts the
 * pod from it, read from the pod's tolerations) and a node under memory, disk or PID pressure. Part of
 * {@link PodReferencesAnalyzer}.
 */
final class NodeConditions {
  private NodeConditions() {}

  static List<Finding> check(ObjectRef pod, Pod typed, Node node, boolean evicted, Instant now) {
    List<Finding> findings = new ArrayList<>();
    List<Condition> conditions = Unstructured.of(node.object()).conditions();
    Condition.find(conditions, "Ready").filter(c -> !c.isTrue()).ifPresent(c -> {
      Finding f = finding(pod, node, c, Health.DEGRADED, NODE_NOT_READY, node.ref().display() + " is not Ready ("
          + c.describe() + "): its pods are not running as far as the control plane knows; "
          + eviction(typed, node, c, now));
      findings.add(f);
    });
    for (String type : List.of("MemoryPressure", "DiskPressure", "PIDPressure")) {
      Condition.find(conditions, type).filter(Condition::isTrue).ifPresent(c -> findings.add(
          finding(pod, node, c, evicted ? Health.DEGRADED : Health.HEALTHY, NODE_PRESSURE,
              node.ref().display() + " reports " + type + (evicted ? ": the kubelet evicted this pod"
                  : ": the kubelet may evict pods") + " (" + c.describe() + ")")));
    }
    return findings;
  }

  /**
   * When the pod leaves a node that is not Ready, checked against its tolerations: the node lifecycle controller
   * taints the node {@code node.kubernetes.io/not-ready:NoExecute} (Ready False) or {@code unreachable} (Ready
   * Unknown), and the taint manager evicts every pod that does not tolerate the taint, at once, or once its
   * {@code tolerationSeconds} have run from the taint's {@code timeAdded} (the Ready transition when the capture
   * has no taint). The DefaultTolerationSeconds admission plugin gives every pod without its own a 300 s one.
   */
  static String eviction(Pod pod, Node node, Condition ready, Instant now) {
    String key = ready.isFalse() ? "node.kubernetes.io/not-ready" : "node.kubernetes.io/unreachable";
    Optional<Instant> tainted = Optional.empty();
    for (Unstructured t : Unstructured.of(node.object()).list("spec", "taints")) {
      if (AdmissionPlugins.NODE_CONDITION_TAINTS.contains(t.string("key"))
          && "NoExecute".equals(t.string("effect"))) {
        key = t.string("key");
        tainted = Node.parseTime(t.string("timeAdded"));
        break;
      }
    }
    Optional<Instant> from = tainted.or(ready::since);
    var stay = AdmissionPlugins.stay(pod, key);
    if (!stay.listed()) {
      return "unless the pod tolerates " + key + " itself, it is evicted "
          + AdmissionPlugins.DEFAULT_TOLERATION_SECONDS + " s after (the toleration the"
          + " DefaultTolerationSeconds admission plugin adds; not checked: " + stay.why().replaceFirst("^the pod ", "it ")
          + ")";
    }
    if (stay.tolerated().isEmpty()) {
      return stay.why() + ": it stays bound to the node and is not evicted; it runs again only when the node is back";
    }
    long seconds = stay.tolerated().get();
    if (from.isEmpty()) {
      return stay.why() + (seconds == 0 ? ": the taint manager evicts it at once"
          : ": the taint manager evicts it " + seconds + " s after the node is tainted");
    }
    Instant at = from.get().plusSeconds(seconds);
    String when = at.isAfter(now) ? "in " + human(Duration.between(now, at))
        : human(Duration.between(at, now)) + " ago";
    return stay.why() + (seconds == 0 ? ": the taint manager evicts it at once (" + at + ", " + when + ")"
        : ": the taint manager evicts it at " + at + " (" + when + ")");
  }

  private static Finding finding(ObjectRef pod, Node node, Condition c, Health health, ReasonCode reason,
      String message) {
    return Finding.builder().subject(pod).health(health).reason(reason).message(message)
        .addEvidence(Evidence.builder().from(c.evidence()).source(node.ref()).build())
        .since(c.since()).build();
  }
}
