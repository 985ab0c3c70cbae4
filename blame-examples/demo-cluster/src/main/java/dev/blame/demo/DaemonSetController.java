package dev.blame.demo;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DaemonSet -> one pod on the node (when its nodeSelector matches the node's labels), after
 * pkg/controller/daemon: a ControllerRevision per template, pods labelled {@code controller-revision-hash};
 * RollingUpdate deletes the pod of an old revision once it is the only one (maxUnavailable 1) and creates
 * the new one.
 */
final class DaemonSetController {

  private static final String COMPONENT = "daemonset-controller";
  static final Map<String, String> NODE_LABELS = Map.of("kubernetes.io/hostname", ControllerSimulator.NODE_NAME,
      "kubernetes.io/os", "linux");

  private final ControllerSimulator sim;

  DaemonSetController(ControllerSimulator sim) {
    this.sim = sim;
  }

  void reconcile() {
    for (DaemonSet ds : sim.daemonSets.list()) {
      if (ds.getMetadata().getDeletionTimestamp() == null) {
        sync(ds);
      }
    }
  }

  private void sync(DaemonSet ds) {
    String ns = ds.getMetadata().getNamespace();
    String name = ds.getMetadata().getName();
    String hash = Hashes.templateHash(ds.getSpec().getTemplate());
    List<ControllerRevision> revisions = sim.revisions.ownedBy(ds.getMetadata().getUid());
    if (revisions.stream().noneMatch(r -> r.getMetadata().getName().equals(name + "-" + hash))) {
      long next = revisions.stream().mapToLong(ControllerRevision::getRevision).max().orElse(0) + 1;
      sim.create(sim.revisions, new ControllerRevisionBuilder().withNewMetadata().withName(name + "-" + hash)
          .withNamespace(ns).withLabels(ds.getSpec().getTemplate().getMetadata().getLabels())
          .addToLabels(StatefulSetController.REVISION_LABEL, hash).withOwnerReferences(owner(ds)).endMetadata()
          .withRevision(next).withData(Map.of("spec", Map.of("template", ds.getSpec().getTemplate(), "$patch",
              "replace"))).build());
      return;
    }
    Map<String, String> selector = ds.getSpec().getTemplate().getSpec().getNodeSelector();
    boolean fits = selector == null || selector.entrySet().stream()
        .allMatch(e -> e.getValue().equals(NODE_LABELS.get(e.getKey())));
    List<Pod> pods = sim.pods.ownedBy(ds.getMetadata().getUid()).stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    for (Pod p : pods) {
      boolean old = !hash.equals(p.getMetadata().getLabels().get(StatefulSetController.REVISION_LABEL));
      if (!fits || old) {
        sim.delete(sim.pods, p);
        sim.events.normal(ds, COMPONENT, "SuccessfulDelete", "Deleted pod: " + p.getMetadata().getName());
        return;
      }
    }
    if (fits && pods.isEmpty()) {
      String podName = name + "-" + Hashes.suffix(name + "#" + hash + "#" + ControllerSimulator.NODE_NAME);
      Pod created = sim.create(sim.pods, newPod(ds, podName, hash));
      sim.events.normal(ds, COMPONENT, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName());
      pods = List.of(created);
    }
    int desired = fits ? 1 : 0;
    int ready = (int) pods.stream().filter(Kubelet::isReady).count();
    int updated = (int) pods.stream()
        .filter(p -> hash.equals(p.getMetadata().getLabels().get(StatefulSetController.REVISION_LABEL))).count();
    DaemonSetStatus status = new DaemonSetStatusBuilder().withDesiredNumberScheduled(desired)
        .withCurrentNumberScheduled(pods.size()).withNumberMisscheduled(0).withNumberReady(ready)
        .withNumberAvailable(ready == 0 ? null : ready).withNumberUnavailable(desired - ready == 0 ? null
            : desired - ready).withUpdatedNumberScheduled(updated)
        .withObservedGeneration(ds.getMetadata().getGeneration()).build();
    if (!status.equals(ds.getStatus())) {
      ds.setStatus(status);
      sim.updateStatus(sim.daemonSets, ds);
    }
  }

  private static io.fabric8.kubernetes.api.model.OwnerReference owner(DaemonSet ds) {
    return new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("DaemonSet")
        .withName(ds.getMetadata().getName()).withUid(ds.getMetadata().getUid()).withController(true)
        .withBlockOwnerDeletion(true).build();
  }

  private static Pod newPod(DaemonSet ds, String name, String hash) {
    var template = ds.getSpec().getTemplate();
    Map<String, String> labels = new HashMap<>(template.getMetadata() == null || template.getMetadata().getLabels()
        == null ? Map.of() : template.getMetadata().getLabels());
    labels.put(StatefulSetController.REVISION_LABEL, hash);
    labels.put("pod-template-generation", String.valueOf(ds.getMetadata().getGeneration()));
    var spec = new io.fabric8.kubernetes.api.model.PodSpecBuilder(template.getSpec())
        .withNodeName(ControllerSimulator.NODE_NAME).withTolerations(Taints.daemonPodTolerations(
            template.getSpec().getTolerations(), Boolean.TRUE.equals(template.getSpec().getHostNetwork()))).build();
    return new PodBuilder().withNewMetadata().withName(name).withGenerateName(ds.getMetadata().getName() + "-")
        .withNamespace(ds.getMetadata().getNamespace()).withLabels(labels)
        .withAnnotations(template.getMetadata() == null ? null : template.getMetadata().getAnnotations())
        .withOwnerReferences(owner(ds)).endMetadata().withSpec(spec).build();
  }
}
