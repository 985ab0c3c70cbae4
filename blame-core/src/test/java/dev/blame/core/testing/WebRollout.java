package dev.blame.core.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The rollout the live tests create through a client (fabric8's mock server in CRUD mode): Deployment {@code web},
 * its ReplicaSet {@code web-abc} and that one's pod {@code web-abc-1}, Running, its container {@code main}
 * crash-looping or not. Shared with blame-analyzers' and the CLI's tests through blame-core's test-jar.
 *
 * @param deployment the Deployment as created
 * @param replicaSet the ReplicaSet as created
 * @param pod the pod as created
 */
public record WebRollout(Deployment deployment, ReplicaSet replicaSet, Pod pod) {

  /** Creates the three objects in {@code namespace}; the pod's container waits in CrashLoopBackOff if asked. */
  public static WebRollout create(KubernetesClient client, String namespace, boolean crashLooping) {
    Deployment deployment = client.apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder()
        .withNewMetadata().withName("web").endMetadata()
        .withNewSpec().withReplicas(1).endSpec().build()).create();
    ReplicaSet rs = client.apps().replicaSets().inNamespace(namespace).resource(new ReplicaSetBuilder()
        .withNewMetadata().withName("web-abc").withOwnerReferences(owner(deployment)).endMetadata()
        .build()).create();
    PodBuilder pod = new PodBuilder()
        .withNewMetadata().withName("web-abc-1").withOwnerReferences(owner(rs)).endMetadata()
        .withNewStatus().withPhase("Running").endStatus();
    if (crashLooping) {
      pod.editStatus().addNewContainerStatus().withName("main").withNewState().withNewWaiting()
          .withReason("CrashLoopBackOff").endWaiting().endState().endContainerStatus().endStatus();
    }
    return new WebRollout(deployment, rs, client.pods().inNamespace(namespace).resource(pod.build()).create());
  }

  /** A controller owner reference to {@code owner}. */
  public static OwnerReference owner(HasMetadata owner) {
    return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withController(true).build();
  }
}
