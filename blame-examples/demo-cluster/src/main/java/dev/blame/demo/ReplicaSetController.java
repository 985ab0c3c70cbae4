package dev.blame.demo;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ReplicaSet -> Pods, after pkg/controller/replicaset/replica_set.go. */
final class ReplicaSetController {

  private static final String COMPONENT = "replicaset-controller";
  /** After a failed pod creation, wait this many ticks before trying again (the real one backs off too). */
  static final int CREATE_RETRY_TICKS = 10;

  private final ControllerSimulator sim;
  private final Map<String, Integer> sequence = new HashMap<>();
  private final Map<String, String> failures = new HashMap<>();
  private final Map<String, Long> retryAt = new HashMap<>();
  private long tick;

  ReplicaSetController(ControllerSimulator sim) {
    this.sim = sim;
  }

  void reconcile() {
    tick++;
    for (ReplicaSet rs : sim.replicaSets.list()) {
      if (rs.getMetadata().getDeletionTimestamp() == null) {
        sync(rs);
      }
    }
  }

  private void sync(ReplicaSet rs) {
    String uid = rs.getMetadata().getUid();
    sim.adopt(sim.pods, rs, rs.getSpec().getSelector());
    List<Pod> pods = new ArrayList<>(sim.pods.ownedBy(uid).stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList());
    int desired = Optional.ofNullable(rs.getSpec().getReplicas()).orElse(1);
    if (pods.size() < desired && tick >= retryAt.getOrDefault(uid, 0L)) {
      for (int i = pods.size(); i < desired; i++) {
        String name = nextName(rs);
        try {
          pods.add(sim.create(sim.pods, newPod(rs, name)));
          failures.remove(uid);
          sim.events.normal(rs, COMPONENT, "SuccessfulCreate", "Created pod: " + name);
        } catch (KubernetesClientException e) {
          if (e.getCode() == 409) {
            continue;
          }
          String message = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
              : e.getMessage();
          failures.put(uid, message);
          retryAt.put(uid, tick + CREATE_RETRY_TICKS);
          sim.events.warning(rs, COMPONENT, "FailedCreate", "Error creating: " + message);
          break;
        }
      }
    } else if (pods.size() > desired) {
      pods.sort(Comparator.comparing((Pod p) -> p.getSpec().getNodeName() != null)
          .thenComparing(Kubelet::isReady)
          .thenComparing((Pod p) -> p.getMetadata().getCreationTimestamp(), Comparator.reverseOrder())
          .thenComparing(p -> p.getMetadata().getName(), Comparator.reverseOrder()));
      for (Pod p : new ArrayList<>(pods.subList(0, pods.size() - desired))) {
        sim.delete(sim.pods, p);
        pods.remove(p);
        sim.events.normal(rs, COMPONENT, "SuccessfulDelete", "Deleted pod: " + p.getMetadata().getName());
      }
    }
    if (pods.size() >= desired) {
      failures.remove(uid);
    }
    updateStatus(rs, pods, failures.get(uid));
  }

  private String nextName(ReplicaSet rs) {
    String base = rs.getMetadata().getName();
    while (true) {
      int n = sequence.merge(rs.getMetadata().getUid(), 1, Integer::sum) - 1;
      String name = base + "-" + Hashes.suffix(base + "#" + n);
      if (sim.pods.get(rs.getMetadata().getNamespace(), name).isEmpty()) {
        return name;
      }
    }
  }

  private static Pod newPod(ReplicaSet rs, String name) {
    var template = rs.getSpec().getTemplate();
    return new PodBuilder().withNewMetadata().withName(name).withGenerateName(rs.getMetadata().getName() + "-")
        .withNamespace(rs.getMetadata().getNamespace())
        .withLabels(template.getMetadata() == null ? null : template.getMetadata().getLabels())
        .withAnnotations(template.getMetadata() == null ? null : template.getMetadata().getAnnotations())
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet")
            .withName(rs.getMetadata().getName()).withUid(rs.getMetadata().getUid()).withController(true)
            .withBlockOwnerDeletion(true).build())
        .endMetadata().withSpec(template.getSpec()).build();
  }

  private void updateStatus(ReplicaSet rs, List<Pod> pods, String failure) {
    int ready = (int) pods.stream().filter(Kubelet::isReady).count();
    List<ReplicaSetCondition> conditions = new ArrayList<>();
    if (failure != null) {
      ReplicaSetCondition previous = rs.getStatus() == null ? null : rs.getStatus().getConditions().stream()
          .filter(c -> "ReplicaFailure".equals(c.getType())).findFirst().orElse(null);
      conditions.add(new ReplicaSetConditionBuilder().withType("ReplicaFailure").withStatus("True")
          .withReason("FailedCreate").withMessage(failure)
          .withLastTransitionTime(previous != null ? previous.getLastTransitionTime() : sim.now()).build());
    }
    ReplicaSetStatus status = new ReplicaSetStatusBuilder().withReplicas(pods.size())
        .withFullyLabeledReplicas(pods.size()).withReadyReplicas(ready).withAvailableReplicas(ready)
        .withObservedGeneration(rs.getMetadata().getGeneration()).withConditions(conditions).build();
    if (!status.equals(rs.getStatus())) {
      rs.setStatus(status);
      sim.updateStatus(sim.replicaSets, rs);
    }
  }
}
