package dev.blame.core.testing;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Pod {@code worker}, mounting Secret {@code worker-creds} that does not exist: Pending, scheduled, its container
 * {@code main} waiting in ContainerCreating, as the kubelet leaves it. For the Secrets tests of blame-analyzers and
 * the CLI, through blame-core's test-jar.
 */
public final class MissingSecretPod {

  private MissingSecretPod() {}

  /** Creates the pod in {@code namespace} and returns it as created. */
  public static Pod create(KubernetesClient client, String namespace) {
    return client.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata().withName("worker")
        .withCreationTimestamp("2026-11-22T11:00:00Z").endMetadata()
        .withNewSpec().addNewContainer().withName("main").withImage("worker:1").addNewVolumeMount().withName("creds")
        .withMountPath("/etc/creds").endVolumeMount().endContainer()
        .addNewVolume().withName("creds").withNewSecret().withSecretName("worker-creds").endSecret().endVolume()
        .endSpec()
        .withNewStatus().withPhase("Pending").addNewCondition().withType("PodScheduled").withStatus("True")
        .withLastTransitionTime("2026-11-22T11:00:00Z").endCondition()
        .addNewContainerStatus().withName("main").withReady(false).withNewState().withNewWaiting()
        .withReason("ContainerCreating").endWaiting().endState().endContainerStatus().endStatus().build())
        .create();
  }
}
