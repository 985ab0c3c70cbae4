package dev.blame.testkit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A Deployment at one revision with its ReplicaSet and {@code replicas} pods, as the controllers leave them: owner
 * references, {@code pod-template-hash} labels, revision annotations, and replica counts and conditions that
 * follow from which pods are Ready. Change pods with {@link #pod(int, UnaryOperator)} or {@link #pods}:
 *
 * <pre>{@code
 * var web = Scenarios.deployment("shop", "web").replicas(3).pod(0, PodScenario::crashLooping);
 * web.objects();  // Deployment, ReplicaSet web-<hash>, pods web-<hash>-<suffix>
 * }</pre>
 */
public final class DeploymentScenario {

  private static final String[] SUFFIXES = {"abcde", "fghij", "klmno", "pqrst", "uvwxy"};

  private final String namespace;
  private final String name;
  private final Instant now;
  private int replicas = 1;
  private long revision = 1;
  private String image = "registry.example/app:1";
  private final Map<Integer, UnaryOperator<PodScenario>> podChanges = new HashMap<>();
  private UnaryOperator<PodScenario> allPods = UnaryOperator.identity();

  DeploymentScenario(String namespace, String name, Instant now) {
    this.namespace = namespace;
    this.name = name;
    this.now = now;
  }

  public DeploymentScenario replicas(int replicas) {
    this.replicas = replicas;
    return this;
  }

  public DeploymentScenario revision(long revision) {
    this.revision = revision;
    return this;
  }

  public DeploymentScenario image(String image) {
    this.image = image;
    return this;
  }

  /** Changes pod {@code index} (0-based), e.g. {@code pod(0, PodScenario::crashLooping)}. */
  public DeploymentScenario pod(int index, UnaryOperator<PodScenario> change) {
    podChanges.merge(index, change, (a, b) -> p -> b.apply(a.apply(p)));
    return this;
  }

  /** Changes every pod. */
  public DeploymentScenario pods(UnaryOperator<PodScenario> change) {
    UnaryOperator<PodScenario> before = allPods;
    allPods = p -> change.apply(before.apply(p));
    return this;
  }

  /** {@code <deployment>-<hash>}, the ReplicaSet's name. */
  public String replicaSetName() {
    return name + "-" + hash();
  }

  /** The pods' names, in order. */
  public List<String> podNames() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      names.add(replicaSetName() + "-" + (i < SUFFIXES.length ? SUFFIXES[i] : "p" + i));
    }
    return names;
  }

  /** The Deployment, its ReplicaSet and its pods. */
  public List<HasMetadata> objects() {
    Deployment deployment = deploymentShell();
    ReplicaSet replicaSet = replicaSetShell(deployment);
    List<Pod> pods = new ArrayList<>();
    int ready = 0;
    List<String> names = podNames();
    for (int i = 0; i < replicas; i++) {
      PodScenario pod = new PodScenario(namespace, names.get(i), now).image(image)
          .label("app", name).label("pod-template-hash", hash()).ownedBy(replicaSet);
      pod = podChanges.getOrDefault(i, UnaryOperator.identity()).apply(allPods.apply(pod));
      ready += pod.isReady() ? 1 : 0;
      pods.add(pod.build());
    }
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(withStatus(deployment, ready));
    objects.add(new ReplicaSetBuilder(replicaSet).withNewStatus().withObservedGeneration(1L).withReplicas(replicas)
        .withFullyLabeledReplicas(replicas).withReadyReplicas(ready).withAvailableReplicas(ready).endStatus()
        .build());
    objects.addAll(pods);
    return objects;
  }

  private Deployment deploymentShell() {
    return new DeploymentBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).withUid(Scenarios.uid("Deployment", namespace, name))
        .withGeneration(revision).withCreationTimestamp(now.minus(Duration.ofDays(1)).toString())
        .addToAnnotations("deployment.kubernetes.io/revision", String.valueOf(revision))
        .addToLabels("app", name).endMetadata()
        .withNewSpec().withReplicas(replicas).withProgressDeadlineSeconds(600)
        .withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec().addNewContainer().withName("main").withImage(image).endContainer().endSpec().endTemplate()
        .endSpec()
        .build();
  }

  private ReplicaSet replicaSetShell(Deployment deployment) {
    return new ReplicaSetBuilder()
        .withNewMetadata().withName(replicaSetName()).withNamespace(namespace)
        .withUid(Scenarios.uid("ReplicaSet", namespace, replicaSetName())).withGeneration(1L)
        .withCreationTimestamp(now.minus(Duration.ofMinutes(10)).toString())
        .addToAnnotations("deployment.kubernetes.io/revision", String.valueOf(revision))
        .addToAnnotations("deployment.kubernetes.io/desired-replicas", String.valueOf(replicas))
        .addToLabels("app", name).addToLabels("pod-template-hash", hash())
        .addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment").withName(name)
        .withUid(deployment.getMetadata().getUid()).withController(true).withBlockOwnerDeletion(true)
        .endOwnerReference().endMetadata()
        .withNewSpec().withReplicas(replicas)
        .withNewSelector().addToMatchLabels("app", name).addToMatchLabels("pod-template-hash", hash()).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).addToLabels("pod-template-hash", hash())
        .endMetadata().withNewSpec().addNewContainer().withName("main").withImage(image).endContainer().endSpec()
        .endTemplate().endSpec()
        .build();
  }

  /** The deployment controller's view: available when at most 25 % (rounded down) are unavailable. */
  private Deployment withStatus(Deployment deployment, int ready) {
    boolean available = replicas - ready <= replicas / 4;
    boolean complete = ready == replicas;
    Instant changed = now.minus(Duration.ofMinutes(complete ? 9 : 1));
    return new DeploymentBuilder(deployment).withNewStatus().withObservedGeneration(revision)
        .withReplicas(replicas).withUpdatedReplicas(replicas).withReadyReplicas(ready).withAvailableReplicas(ready)
        .withUnavailableReplicas(replicas - ready == 0 ? null : replicas - ready)
        .withConditions(
            condition("Available", available, available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                available ? "Deployment has minimum availability."
                    : "Deployment does not have minimum availability.", changed),
            condition("Progressing", true, complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                "ReplicaSet \"" + replicaSetName() + "\" " + (complete ? "has successfully progressed."
                    : "is progressing."), now.minus(Duration.ofMinutes(10))))
        .endStatus().build();
  }

  private String hash() {
    return Integer.toHexString((name + "@" + revision).hashCode() & 0xfffffff);
  }

  private static DeploymentCondition condition(String type, boolean status, String reason, String message,
      Instant at) {
    return new DeploymentConditionBuilder().withType(type).withStatus(status ? "True" : "False").withReason(reason)
        .withMessage(message).withLastTransitionTime(at.toString()).withLastUpdateTime(at.toString()).build();
  }
}
