package dev.blame.demo;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The disruption controller (after {@code pkg/controller/disruption/disruption.go}): a PodDisruptionBudget's status
 * from the pods its selector picks in its namespace. {@code minAvailable} as a number: expectedPods is the number of
 * pods; a percentage or {@code maxUnavailable}: the sum of the scales of the pods' controllers (a Deployment for its
 * ReplicaSets' pods, a ReplicaSet, a StatefulSet), rounded up; currentHealthy counts the Ready pods not being deleted;
 * disruptionsAllowed = currentHealthy - desiredHealthy, at least 0 (0 when no pod is expected); the condition
 * {@code DisruptionAllowed} (SufficientPods/InsufficientPods). A pod whose controller has no scale (a Job, a
 * DaemonSet) fails the sync as upstream: disruptionsAllowed 0, {@code SyncFailed} "found no controllers for pod".
 * Pods without a controller are left out of a scale. The pods an eviction recorded in {@code disruptedPods} do not
 * count as healthy until they are gone or two minutes have passed. Events as {@code trySync} records them:
 * {@code NoPods} "No matching pods found", {@code CalculateExpectedPodCountFailed} with the sync's error, and
 * {@code UnmanagedPods} when a scale was computed without pods that have no controller.
 */
final class DisruptionController {

  /** The disruption controller's event source in kube-controller-manager. */
  private static final String COMPONENT = "controllermanager";

  private final ControllerSimulator sim;

  DisruptionController(ControllerSimulator sim) {
    this.sim = sim;
  }

  void reconcile() {
    for (PodDisruptionBudget pdb : sim.pdbs.list()) {
      sync(pdb);
    }
  }

  private void sync(PodDisruptionBudget pdb) {
    List<Pod> pods = selected(pdb);
    PodDisruptionBudgetStatus old = pdb.getStatus() == null ? new PodDisruptionBudgetStatus() : pdb.getStatus();
    Long generation = pdb.getMetadata().getGeneration();
    Condition condition;
    PodDisruptionBudgetStatus status;
    String failure = null;
    List<String> unmanaged = new ArrayList<>();
    try {
      int[] expectedAndDesired = expectedAndDesired(pdb, pods, unmanaged);
      int expected = expectedAndDesired[0];
      int desired = expectedAndDesired[1];
      Map<String, String> disrupted = disrupted(old, pods);
      int healthy = (int) pods.stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null
          && !disrupted.containsKey(p.getMetadata().getName()) && Kubelet.isReady(p)).count();
      int allowed = expected <= 0 || healthy - desired <= 0 ? 0 : healthy - desired;
      status = status(healthy, desired, allowed, expected, generation);
      status.setDisruptedPods(disrupted.isEmpty() ? null : disrupted);
      condition = condition(old, allowed > 0 ? "True" : "False", allowed > 0 ? "SufficientPods" : "InsufficientPods",
          "", generation);
    } catch (IllegalStateException e) {
      status = status(old.getCurrentHealthy(), old.getDesiredHealthy(), 0, old.getExpectedPods(),
          old.getObservedGeneration());
      condition = condition(old, "False", "SyncFailed", e.getMessage(), old.getObservedGeneration());
      failure = e.getMessage();
    }
    status.setConditions(List.of(condition));
    if (same(old, status)) {
      return;
    }
    // trySync's events, recorded when a sync changes the status (upstream syncs on changes of the budget or its pods)
    if (pods.isEmpty()) {
      sim.events.normal(pdb, COMPONENT, "NoPods", "No matching pods found");
    }
    if (failure != null) {
      sim.events.warning(pdb, COMPONENT, "CalculateExpectedPodCountFailed",
          "Failed to calculate the number of expected pods: " + failure);
    } else if (!unmanaged.isEmpty()) {
      sim.events.warning(pdb, COMPONENT, "UnmanagedPods", "Pods selected by this PodDisruptionBudget (selector: "
          + GoSelectors.of(pdb.getSpec().getSelector()) + ") were found to be unmanaged. As a result, the status of "
          + "the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these "
          + "pods please set \".spec.minAvailable\" field of the PDB to an integer value.");
    }
    PodDisruptionBudget copy = sim.client.getKubernetesSerialization().clone(pdb);
    copy.setStatus(status);
    sim.updateStatus(sim.pdbs, copy);
  }

  private static PodDisruptionBudgetStatus status(Integer healthy, Integer desired, int allowed, Integer expected,
      Long generation) {
    PodDisruptionBudgetStatus status = new PodDisruptionBudgetStatus();
    status.setCurrentHealthy(healthy == null ? 0 : healthy);
    status.setDesiredHealthy(desired == null ? 0 : desired);
    status.setDisruptionsAllowed(allowed);
    status.setExpectedPods(expected == null ? 0 : expected);
    status.setObservedGeneration(generation);
    return status;
  }

  /**
   * buildDisruptedPodMap: the pods an eviction put in {@code disruptedPods} that are still there, not being deleted,
   * and were put there less than {@link #DELETION_TIMEOUT} ago (they do not count as healthy meanwhile).
   */
  private static Map<String, String> disrupted(PodDisruptionBudgetStatus old, List<Pod> pods) {
    Map<String, String> kept = new LinkedHashMap<>();
    if (old.getDisruptedPods() == null) {
      return kept;
    }
    Instant now = Instant.now();
    old.getDisruptedPods().forEach((name, when) -> {
      boolean present = pods.stream().anyMatch(p -> p.getMetadata().getName().equals(name)
          && p.getMetadata().getDeletionTimestamp() == null);
      Instant since;
      try {
        since = Instant.parse(when);
      } catch (RuntimeException e) {
        return;
      }
      if (present && since.plus(DELETION_TIMEOUT).isAfter(now)) {
        kept.put(name, when);
      }
    });
    return kept;
  }

  /** The disruption controller's DeletionTimeout: an evicted pod not deleted by then counts again. */
  static final Duration DELETION_TIMEOUT = Duration.ofMinutes(2);

  /** The pods of the namespace the selector picks: a missing selector none, an empty one all. */
  private List<Pod> selected(PodDisruptionBudget pdb) {
    if (pdb.getSpec() == null || pdb.getSpec().getSelector() == null) {
      return List.of();
    }
    String expression = ControllerSimulator.selectorString(pdb.getSpec().getSelector());
    return sim.pods.inNamespace(pdb.getMetadata().getNamespace()).stream()
        .filter(p -> LabelSelectors.matches(expression, p.getMetadata().getLabels())).toList();
  }

  /** getExpectedPodCount: {expectedPods, desiredHealthy}; the pods left out of a scale go to {@code unmanaged}. */
  private int[] expectedAndDesired(PodDisruptionBudget pdb, List<Pod> pods, List<String> unmanaged) {
    IntOrString maxUnavailable = pdb.getSpec().getMaxUnavailable();
    IntOrString minAvailable = pdb.getSpec().getMinAvailable();
    if (maxUnavailable != null) {
      int expected = expectedScale(pods, unmanaged);
      return new int[] {expected, Math.max(0, expected - scaled(maxUnavailable, expected))};
    }
    if (minAvailable != null && minAvailable.getIntVal() != null) {
      return new int[] {pods.size(), minAvailable.getIntVal()};
    }
    if (minAvailable != null) {
      int expected = expectedScale(pods, unmanaged);
      return new int[] {expected, scaled(minAvailable, expected)};
    }
    return new int[] {0, 0};
  }

  /** intstr.GetScaledValueFromIntOrPercent with rounding up. */
  static int scaled(IntOrString value, int total) {
    if (value.getIntVal() != null) {
      return value.getIntVal();
    }
    String s = String.valueOf(value.getStrVal());
    if (!s.endsWith("%")) {
      throw new IllegalStateException("invalid value for IntOrString: invalid type: string is not a percentage");
    }
    int percent;
    try {
      percent = Integer.parseInt(s.substring(0, s.length() - 1));
    } catch (NumberFormatException e) {
      throw new IllegalStateException("invalid value \"" + s + "\": " + e.getMessage());
    }
    return (int) Math.ceil(percent * (double) total / 100);
  }

  /** getExpectedScale: the sum of the scales of the selected pods' controllers, each counted once. */
  private int expectedScale(List<Pod> pods, List<String> unmanaged) {
    Map<String, Integer> scales = new LinkedHashMap<>();
    for (Pod pod : pods) {
      Optional<OwnerReference> ref = controllerOf(pod.getMetadata().getOwnerReferences());
      if (ref.isEmpty()) {
        unmanaged.add(pod.getMetadata().getName()); // left out of the scale, named by an UnmanagedPods event
        continue;
      }
      if (scales.containsKey(ref.get().getUid())) {
        continue;
      }
      String ns = pod.getMetadata().getNamespace();
      Map.Entry<String, Integer> scale = scaleOf(ref.get(), ns)
          .orElseThrow(() -> new IllegalStateException("found no controllers for pod \"" + pod.getMetadata().getName()
              + "\""));
      scales.putIfAbsent(scale.getKey(), scale.getValue());
    }
    return scales.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The controller's uid and {@code spec.replicas}: a ReplicaSet's Deployment stands for it. */
  private Optional<Map.Entry<String, Integer>> scaleOf(OwnerReference ref, String ns) {
    switch (ref.getKind()) {
      case "ReplicaSet" -> {
        Optional<ReplicaSet> rs = sim.replicaSets.get(ns, ref.getName())
            .filter(r -> ref.getUid().equals(r.getMetadata().getUid()));
        if (rs.isEmpty()) {
          return Optional.empty();
        }
        Optional<OwnerReference> owner = controllerOf(rs.get().getMetadata().getOwnerReferences());
        if (owner.isPresent() && owner.get().getKind().equals("Deployment")) {
          return sim.deployments.get(ns, owner.get().getName())
              .filter(d -> owner.get().getUid().equals(d.getMetadata().getUid()))
              .map(d -> Map.entry(d.getMetadata().getUid(), replicas(d.getSpec().getReplicas())));
        }
        return Optional.of(Map.entry(rs.get().getMetadata().getUid(), replicas(rs.get().getSpec().getReplicas())));
      }
      case "StatefulSet" -> {
        return sim.statefulSets.get(ns, ref.getName()).filter(s -> ref.getUid().equals(s.getMetadata().getUid()))
            .map(s -> Map.entry(s.getMetadata().getUid(), replicas(s.getSpec().getReplicas())));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static int replicas(Integer replicas) {
    return replicas == null ? 1 : replicas;
  }

  private static Optional<OwnerReference> controllerOf(List<OwnerReference> refs) {
    return refs == null ? Optional.empty() : refs.stream().filter(r -> Boolean.TRUE.equals(r.getController()))
        .findFirst();
  }

  /** apimeta.SetStatusCondition: the transition time moves only when the status changes. */
  private Condition condition(PodDisruptionBudgetStatus old, String status, String reason, String message,
      Long generation) {
    String since = old.getConditions() == null ? null : old.getConditions().stream()
        .filter(c -> "DisruptionAllowed".equals(c.getType()) && status.equals(c.getStatus()))
        .map(Condition::getLastTransitionTime).filter(Objects::nonNull).findFirst().orElse(null);
    return new ConditionBuilder().withType("DisruptionAllowed").withStatus(status).withReason(reason)
        .withMessage(message).withObservedGeneration(generation).withLastTransitionTime(since != null ? since
            : sim.now()).build();
  }

  private static Map<String, String> emptyIfNull(Map<String, String> m) {
    return m == null ? Map.of() : m;
  }

  private static boolean same(PodDisruptionBudgetStatus a, PodDisruptionBudgetStatus b) {
    List<Condition> ac = a.getConditions() == null ? List.of() : new ArrayList<>(a.getConditions());
    return Objects.equals(a.getCurrentHealthy(), b.getCurrentHealthy())
        && Objects.equals(a.getDesiredHealthy(), b.getDesiredHealthy())
        && Objects.equals(a.getExpectedPods(), b.getExpectedPods())
        && Objects.equals(a.getDisruptionsAllowed(), b.getDisruptionsAllowed())
        && Objects.equals(a.getObservedGeneration(), b.getObservedGeneration())
        && Objects.equals(emptyIfNull(a.getDisruptedPods()), emptyIfNull(b.getDisruptedPods()))
        && ac.equals(b.getConditions());
  }
}
