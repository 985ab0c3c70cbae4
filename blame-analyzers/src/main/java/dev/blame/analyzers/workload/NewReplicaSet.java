package dev.blame.analyzers.workload;

import dev.blame.analyzers.support.Revisions;
import dev.blame.api.Node;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which owned ReplicaSet a Deployment's rollout is creating. The deployment controller stamps each ReplicaSet with
 * the revision it holds ({@code deployment.kubernetes.io/revision}); where the revision names one, that is it. A
 * capture without those annotations ({@code kubectl get pods} / {@code rollout status} lines turned back into
 * objects) still shows the templates, and the controller's own test is the template: its {@code FindNewReplicaSet}
 * (pkg/controller/deployment/util) takes the oldest ReplicaSet whose pod template equals the Deployment's once the
 * {@code pod-template-hash} label it adds is set aside ({@code EqualIgnoreHash}), the earlier name first where two
 * were created in the same second; kubectl's {@code rollout status} finds the new ReplicaSet the same way. Only a
 * template with containers is compared: one without is no pod template (the API requires a container) but what a
 * capture kept of it, labels only, which every ReplicaSet of the Deployment shares. Where two matching ReplicaSets
 * have no creation time in view, which is the oldest is unknown, and so is the new one.
 */
final class NewReplicaSet {

  private static final Comparator<Node> OLDEST_FIRST = Comparator
      .comparing((Node rs) -> rs.createdAt().orElse(Instant.MAX)).thenComparing(rs -> rs.ref().name());

  private NewReplicaSet() {}

  static Optional<Node> of(Node deployment, Deployment object, List<Node> replicaSets) {
    long number = Revisions.number(deployment);
    Optional<Node> byRevision = replicaSets.stream()
        .filter(rs -> number > 0 && Revisions.number(rs) == number).findFirst();
    if (byRevision.isPresent() || object.getSpec() == null || !hasContainers(object.getSpec().getTemplate())) {
      return byRevision;
    }
    PodTemplateSpec wanted = withoutHash(object.getSpec().getTemplate());
    List<Node> same = replicaSets.stream()
        .filter(rs -> template(rs).map(t -> withoutHash(t).equals(wanted)).orElse(false))
        .sorted(OLDEST_FIRST).toList();
    if (same.size() > 1 && same.stream().anyMatch(rs -> rs.createdAt().isEmpty())) {
      return Optional.empty();
    }
    return same.stream().findFirst();
  }

  private static boolean hasContainers(PodTemplateSpec template) {
    return template != null && template.getSpec() != null && template.getSpec().getContainers() != null
        && !template.getSpec().getContainers().isEmpty();
  }

  private static Optional<PodTemplateSpec> template(Node rs) {
    return rs.as(ReplicaSet.class).map(ReplicaSet::getSpec).map(s -> s.getTemplate());
  }

  /** The template with the {@code pod-template-hash} label set aside (an empty label map reads as none). */
  private static PodTemplateSpec withoutHash(PodTemplateSpec template) {
    ObjectMeta meta = template.getMetadata();
    Map<String, String> labels = meta == null || meta.getLabels() == null
        ? new HashMap<>() : new HashMap<>(meta.getLabels());
    labels.remove(Revisions.POD_TEMPLATE_HASH);
    PodTemplateSpecBuilder copy = new PodTemplateSpecBuilder(template);
    if (meta == null && labels.isEmpty()) {
      return copy.build();
    }
    return copy.editOrNewMetadata().withLabels(labels.isEmpty() ? null : labels).endMetadata().build();
  }
}
