package dev.blame.analyzers.network;

import dev.blame.analyzers.support.PodReadiness;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.Selector;
import dev.blame.api.Verdict;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.GraphView;
import dev.blame.api.spi.Unstructured;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What selectors see of pods: readiness with the reason why not, and the labels pods carry instead. */
public final class SelectedPods {

  /** Labels controllers add to every pod; they explain nothing about a selector mismatch. */
  private static final Set<String> NOISE = Set.of("pod-template-hash", "controller-revision-hash",
      "statefulset.kubernetes.io/pod-name", "apps.kubernetes.io/pod-index", "batch.kubernetes.io/controller-uid",
      "controller-uid", "pod-template-generation", "batch.kubernetes.io/job-name", "job-name");

  private SelectedPods() {}

  /**
   * True when the pod's Ready condition is True, or without one in view when the kubelet would say so and no Warning
   * Event about the pod is in view, as the pod's own verdict reads it ({@link PodReadiness}).
   */
  public static boolean isReady(GraphView graph, Node pod) {
    Optional<Pod> typed = pod.as(Pod.class);
    if (typed.isPresent()) {
      PodCondition ready = readyCondition(typed.get());
      return ready == null ? PodReadiness.readyWithoutCondition(typed.get(), graph.events(pod.ref()))
          : "True".equalsIgnoreCase(ready.getStatus());
    }
    return Condition.find(Unstructured.of(pod.object()).conditions(), "Ready").map(Condition::isTrue).orElse(false);
  }

  private static PodCondition readyCondition(Pod pod) {
    List<PodCondition> conditions = pod.getStatus() == null ? null : pod.getStatus().getConditions();
    for (PodCondition c : conditions == null ? List.<PodCondition>of() : conditions) {
      if ("Ready".equals(c.getType())) {
        return c;
      }
    }
    return null;
  }

  /**
   * What a Service or a PodDisruptionBudget reads of a selected pod, for {@code Analyzer.readsOf}: its
   * readiness and containers (ports) and, only when it is not ready, its Ready condition, phase and verdict
   * (the "why not ready"). Empty for anything but a typed pod: all of it.
   */
  public static Optional<?> readOf(Node target, Verdict verdict) {
    Optional<Pod> typed = target.as(Pod.class);
    if (typed.isEmpty()) {
      return Optional.empty();
    }
    Pod pod = typed.get();
    List<?> containers = pod.getSpec() == null ? null : pod.getSpec().getContainers();
    PodCondition ready = readyCondition(pod);
    if (ready != null && "True".equalsIgnoreCase(ready.getStatus())) {
      return Optional.of(new Read(true, containers, null, null, null));
    }
    if (ready == null && PodReadiness.readyWithoutCondition(pod)) {
      // Ready as the kubelet computes it from the containers' statuses, which are then part of what is read, unless
      // a Warning Event about the pod is in view: the pod's verdict, which reads those Events, is read too.
      return Optional.of(new Read(true, containers, null, null, verdict, pod.getStatus().getContainerStatuses()));
    }
    return Optional.of(new Read(false, containers, ready,
        pod.getStatus() == null ? null : pod.getStatus().getPhase(), verdict,
        ready == null && pod.getStatus() != null ? pod.getStatus().getContainerStatuses() : null));
  }

  /** See {@link #readOf}. */
  private record Read(boolean ready, List<?> containers, PodCondition readyCondition, String phase,
      Verdict verdict, List<?> containerStatuses) {

    Read(boolean ready, List<?> containers, PodCondition readyCondition, String phase, Verdict verdict) {
      this(ready, containers, readyCondition, phase, verdict, null);
    }
  }

  /**
   * The evidence that a pod is not ready, as {@link #isReady} reads it: its Ready condition (status, reason,
   * message, since), or {@code <absent>}; its source is the pod.
   */
  public static Evidence readyEvidence(Node pod) {
    Optional<Pod> typed = pod.as(Pod.class);
    Optional<Condition> ready;
    if (typed.isPresent()) {
      PodCondition c = readyCondition(typed.get());
      ready = c == null ? Optional.empty() : Optional.of(Condition.of(c.getType(), c.getStatus(), c.getReason(),
          c.getMessage(), c.getLastTransitionTime()));
    } else {
      ready = Condition.find(Unstructured.of(pod.object()).conditions(), "Ready");
    }
    Evidence evidence = ready.map(Condition::evidence)
        .orElse(Evidence.field(Condition.STATUS_CONDITIONS + "[Ready]", "<absent>"));
    return Evidence.builder().from(evidence).source(pod.ref()).build();
  }

  /** Why a pod is not ready: its verdict's worst finding, else its Ready condition, else its phase. */
  public static String whyNotReady(GraphView graph, Node pod) {
    Optional<Verdict> verdict = graph.verdict(pod.ref());
    Optional<String> fromVerdict = verdict.flatMap(Verdict::worstFinding).map(Finding::message)
        .or(() -> verdict.map(Verdict::message)).filter(m -> !m.isEmpty());
    if (fromVerdict.isPresent()) {
      return fromVerdict.get();
    }
    Unstructured u = Unstructured.of(pod.object());
    return Condition.find(u.conditions(), "Ready").filter(c -> !c.reason().isEmpty() || !c.message().isEmpty())
        .map(Condition::describe)
        .orElse("phase " + (u.string("status", "phase").isEmpty() ? "unknown" : u.string("status", "phase")));
  }

  /** The health the pod's verdict gives, or PROGRESSING when it has none. */
  public static Health health(GraphView graph, Node pod) {
    return graph.verdict(pod.ref()).map(Verdict::health).orElse(Health.PROGRESSING);
  }

  /** {@code web-1 (CrashLoopBackOff ...), web-2 (...)}, at most five. */
  public static String describeNotReady(GraphView graph, List<Node> pods) {
    String text = pods.stream().limit(5).map(p -> p.ref().name() + " (" + whyNotReady(graph, p) + ")")
        .collect(Collectors.joining(", "));
    return pods.size() > 5 ? text + " and " + (pods.size() - 5) + " more" : text;
  }

  /**
   * The labels pods in the namespace carry, restricted to the selector's keys when any pod has one of them:
   * {@code app=web-v2 (3 pods), app=db (1 pod)}; {@code "no pods"} when there are none.
   */
  public static String labelsInNamespace(GraphView graph, String namespace, Selector selector) {
    List<Node> pods = graph.list(GroupKind.POD, namespace);
    if (pods.isEmpty()) {
      return "there are no pods in namespace " + namespace;
    }
    Set<String> keys = new HashSet<>(selector.matchLabels().keySet());
    selector.requirements().forEach(r -> keys.add(r.key()));
    boolean anyHasKey = pods.stream().anyMatch(p -> p.labels().keySet().stream().anyMatch(keys::contains));
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Node pod : pods) {
      Map<String, String> shown = new TreeMap<>();
      pod.labels().forEach((k, v) -> {
        if (anyHasKey ? keys.contains(k) : !NOISE.contains(k)) {
          shown.put(k, v);
        }
      });
      String text = shown.isEmpty() ? "no labels" : shown.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
      counts.merge(text, 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(5)
        .forEach(e -> parts.add(e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " pod)" : " pods)")));
    return "pods in namespace " + namespace + " have " + String.join(", ", parts);
  }
}
