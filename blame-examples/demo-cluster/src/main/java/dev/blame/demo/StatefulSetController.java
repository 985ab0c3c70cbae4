package dev.blame.demo;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * StatefulSet -> ControllerRevisions and ordinal pods, after pkg/controller/statefulset
 * (OrderedReady: pod N+1 only once pod N is Ready; RollingUpdate from the highest ordinal down).
 */
final class StatefulSetController {

  static final String REVISION_LABEL = "controller-revision-hash";
  private static final String COMPONENT = "statefulset-controller";

  private final ControllerSimulator sim;

  StatefulSetController(ControllerSimulator sim) {
    this.sim = sim;
  }

  void reconcile() {
    for (StatefulSet sts : sim.statefulSets.list()) {
      if (sts.getMetadata().getDeletionTimestamp() == null) {
        sync(sts);
      }
    }
  }

  private static String podName(StatefulSet sts, int ordinal) {
    return sts.getMetadata().getName() + "-" + ordinal;
  }

  private void sync(StatefulSet sts) {
    String ns = sts.getMetadata().getNamespace();
    String updateRevision = sts.getMetadata().getName() + "-" + Hashes.templateHash(sts.getSpec().getTemplate());
    List<ControllerRevision> revisions = sim.revisions.ownedBy(sts.getMetadata().getUid());
    if (revisions.stream().noneMatch(r -> r.getMetadata().getName().equals(updateRevision))) {
      long next = revisions.stream().mapToLong(ControllerRevision::getRevision).max().orElse(0) + 1;
      Map<String, Object> data = Map.of("spec", Map.of("template", sts.getSpec().getTemplate(), "$patch",
          "replace"));
      sim.create(sim.revisions, new ControllerRevisionBuilder().withNewMetadata().withName(updateRevision)
          .withNamespace(ns).withLabels(sts.getSpec().getTemplate().getMetadata().getLabels())
          .addToLabels(REVISION_LABEL, updateRevision.substring(sts.getMetadata().getName().length() + 1))
          .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("StatefulSet")
              .withName(sts.getMetadata().getName()).withUid(sts.getMetadata().getUid()).withController(true)
              .withBlockOwnerDeletion(true).build())
          .endMetadata().withRevision(next).withData(data).build());
      return;
    }
    int replicas = Optional.ofNullable(sts.getSpec().getReplicas()).orElse(1);
    boolean parallel = "Parallel".equals(sts.getSpec().getPodManagementPolicy());
    Map<Integer, Pod> byOrdinal = new HashMap<>();
    for (Pod p : sim.pods.ownedBy(sts.getMetadata().getUid())) {
      String suffix = p.getMetadata().getName().substring(sts.getMetadata().getName().length() + 1);
      try {
        byOrdinal.put(Integer.parseInt(suffix), p);
      } catch (NumberFormatException ignored) {
        // not one of ours
      }
    }
    boolean allReady = true;
    for (int i = 0; i < replicas; i++) {
      Pod pod = byOrdinal.get(i);
      if (pod == null) {
        byOrdinal.put(i, sim.create(sim.pods, newPod(sts, i, updateRevision)));
        sim.events.normal(sts, COMPONENT, "SuccessfulCreate", "create Pod " + podName(sts, i) + " in StatefulSet "
            + sts.getMetadata().getName() + " successful");
        allReady = false;
        if (!parallel) {
          break;
        }
      } else if (!Kubelet.isReady(pod)) {
        allReady = false;
        if (!parallel) {
          break;
        }
      }
    }
    int highest = byOrdinal.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
    if (allReady && highest >= replicas) {
      Pod extra = byOrdinal.remove(highest);
      deletePod(sts, extra);
    } else if (allReady) {
      for (int i = replicas - 1; i >= 0; i--) {
        Pod p = byOrdinal.get(i);
        if (p != null && !updateRevision.equals(revisionOf(p))) {
          deletePod(sts, byOrdinal.remove(i));
          break;
        }
      }
    }
    updateStatus(sts, byOrdinal, updateRevision);
  }

  private void deletePod(StatefulSet sts, Pod pod) {
    sim.delete(sim.pods, pod);
    sim.events.normal(sts, COMPONENT, "SuccessfulDelete", "delete Pod " + pod.getMetadata().getName()
        + " in StatefulSet " + sts.getMetadata().getName() + " successful");
  }

  private static String revisionOf(Pod p) {
    return p.getMetadata().getLabels() == null ? null : p.getMetadata().getLabels().get(REVISION_LABEL);
  }

  private static Pod newPod(StatefulSet sts, int ordinal, String revision) {
    var template = sts.getSpec().getTemplate();
    String name = podName(sts, ordinal);
    Pod pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(sts.getMetadata().getNamespace())
        .withLabels(template.getMetadata() == null ? null : template.getMetadata().getLabels())
        .addToLabels(REVISION_LABEL, revision).addToLabels("statefulset.kubernetes.io/pod-name", name)
        .addToLabels("apps.kubernetes.io/pod-index", String.valueOf(ordinal))
        .withAnnotations(template.getMetadata() == null ? null : template.getMetadata().getAnnotations())
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("StatefulSet")
            .withName(sts.getMetadata().getName()).withUid(sts.getMetadata().getUid()).withController(true)
            .withBlockOwnerDeletion(true).build())
        .endMetadata().withSpec(template.getSpec()).build();
    pod.getSpec().setHostname(name);
    pod.getSpec().setSubdomain(sts.getSpec().getServiceName());
    return pod;
  }

  private void updateStatus(StatefulSet sts, Map<Integer, Pod> pods, String updateRevision) {
    String current = sts.getStatus() != null && sts.getStatus().getCurrentRevision() != null
        ? sts.getStatus().getCurrentRevision() : updateRevision;
    int ready = (int) pods.values().stream().filter(Kubelet::isReady).count();
    int updated = (int) pods.values().stream().filter(p -> updateRevision.equals(revisionOf(p))).count();
    int replicas = Optional.ofNullable(sts.getSpec().getReplicas()).orElse(1);
    if (updated == replicas && ready == replicas && pods.size() == replicas) {
      current = updateRevision;
    }
    String currentRevision = current;
    int currentReplicas = (int) pods.values().stream().filter(p -> currentRevision.equals(revisionOf(p))).count();
    StatefulSetStatus status = new StatefulSetStatusBuilder().withObservedGeneration(sts.getMetadata()
        .getGeneration()).withReplicas(pods.size()).withReadyReplicas(ready).withAvailableReplicas(ready)
        .withCurrentReplicas(currentReplicas).withUpdatedReplicas(updated).withCurrentRevision(currentRevision)
        .withUpdateRevision(updateRevision).withCollisionCount(0).build();
    if (!Objects.equals(status, sts.getStatus())) {
      sts.setStatus(status);
      sim.updateStatus(sim.statefulSets, sts);
    }
  }
}
