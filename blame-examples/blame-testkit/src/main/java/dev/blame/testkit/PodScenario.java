package dev.blame.testkit;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One pod, Running and Ready with one container {@code main}, dated from a scenario's "now", and the common ways
 * it goes wrong. Each failure sets what the kubelet or the scheduler would: container state, restart count,
 * the {@code Ready}/{@code ContainersReady}/{@code PodScheduled} conditions and the phase.
 *
 * <pre>{@code
 * Pod pod = Scenarios.pod("shop", "db-0").image("postgres:16").crashLooping().build();
 * }</pre>
 */
public final class PodScenario {

  private final String namespace;
  private final String name;
  private final Instant now;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private String container = "main";
  private String image = "registry.example/app:1";
  private HasMetadata owner;
  private UnaryOperator<PodBuilder> state = UnaryOperator.identity();
  private boolean ready = true;

  PodScenario(String namespace, String name, Instant now) {
    this.namespace = namespace;
    this.name = name;
    this.now = now;
  }

  public String name() {
    return name;
  }

  public boolean isReady() {
    return ready;
  }

  /** The container's name; {@code main} by default. */
  public PodScenario container(String container) {
    this.container = container;
    return this;
  }

  public PodScenario image(String image) {
    this.image = image;
    return this;
  }

  public PodScenario label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  /** A controller owner reference to this object (a ReplicaSet, a StatefulSet, a custom resource). */
  public PodScenario ownedBy(HasMetadata owner) {
    this.owner = owner;
    return this;
  }

  /** Exits with code 1 and is backed off: waiting {@code CrashLoopBackOff} after {@code restarts} restarts. */
  public PodScenario crashLooping(int restarts) {
    return backedOff(restarts, "5m0s", 1, "Error");
  }

  public PodScenario crashLooping() {
    return crashLooping(5);
  }

  /** Killed for exceeding its memory limit, restarted, and backed off. */
  public PodScenario oomKilled() {
    return backedOff(3, "40s", 137, "OOMKilled");
  }

  /** Waiting {@code CrashLoopBackOff} after the last run ended with this exit code and reason. */
  private PodScenario backedOff(int restarts, String backOff, int exitCode, String reason) {
    return failing(c -> c.withRestartCount(restarts)
        .withNewState().withNewWaiting().withReason("CrashLoopBackOff")
        .withMessage("back-off " + backOff + " restarting failed container=" + container + " pod=" + name)
        .endWaiting().endState()
        .withNewLastState().withNewTerminated().withExitCode(exitCode).withReason(reason)
        .withStartedAt(ago(70).toString()).withFinishedAt(ago(65).toString()).endTerminated().endLastState());
  }

  /** The image cannot be pulled: waiting {@code ImagePullBackOff}. */
  public PodScenario imagePullFailing() {
    return failing(c -> c.withRestartCount(0).withNewState().withNewWaiting().withReason("ImagePullBackOff")
        .withMessage("Back-off pulling image \"" + image + "\"").endWaiting().endState());
  }

  /** Never scheduled: Pending, {@code PodScheduled=False Unschedulable} since creation, no container status. */
  public PodScenario unschedulable(String message) {
    ready = false;
    state = b -> b.editSpec().withNodeName(null).endSpec()
        .editStatus().withPhase("Pending").withContainerStatuses(List.of()).withStartTime(null)
        .withConditions(condition("PodScheduled", "False", "Unschedulable", message, created())).endStatus();
    return this;
  }

  public PodScenario unschedulable() {
    return unschedulable("0/3 nodes are available: 3 Insufficient cpu.");
  }

  /** Any other change, applied last with fabric8's builder. */
  public PodScenario edit(UnaryOperator<PodBuilder> change) {
    UnaryOperator<PodBuilder> before = state;
    state = b -> change.apply(before.apply(b));
    return this;
  }

  public Pod build() {
    PodBuilder builder = new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).withUid(Scenarios.uid("pod", namespace, name))
        .withCreationTimestamp(created().toString()).withLabels(Map.copyOf(labels)).endMetadata()
        .withNewSpec().withNodeName("node-1").withRestartPolicy("Always")
        .addNewContainer().withName(container).withImage(image).endContainer().endSpec()
        .withNewStatus().withPhase("Running").withStartTime(ago(540).toString())
        .withConditions(
            condition("PodScheduled", "True", null, null, created()),
            condition("Initialized", "True", null, null, ago(540)),
            condition("ContainersReady", "True", null, null, ago(530)),
            condition("Ready", "True", null, null, ago(530)))
        .withContainerStatuses(new ContainerStatusBuilder().withName(container).withImage(image)
            .withReady(true).withStarted(true).withRestartCount(0)
            .withNewState().withNewRunning().withStartedAt(ago(535).toString()).endRunning().endState().build())
        .endStatus();
    if (owner != null) {
      builder.editMetadata().withOwnerReferences(new OwnerReferenceBuilder()
          .withApiVersion(owner.getApiVersion()).withKind(owner.getKind()).withName(owner.getMetadata().getName())
          .withUid(owner.getMetadata().getUid()).withController(true).withBlockOwnerDeletion(true).build())
          .endMetadata();
    }
    return state.apply(builder).build();
  }

  private PodScenario failing(UnaryOperator<ContainerStatusBuilder> status) {
    ready = false;
    state = b -> {
      ContainerStatus running = b.buildStatus().getContainerStatuses().get(0);
      ContainerStatus failed = status.apply(new ContainerStatusBuilder(running).withReady(false).withStarted(false))
          .build();
      String reason = "containers with unready status: [" + container + "]";
      return b.editStatus().withContainerStatuses(failed)
          .withConditions(
              condition("PodScheduled", "True", null, null, created()),
              condition("Initialized", "True", null, null, ago(540)),
              condition("ContainersReady", "False", "ContainersNotReady", reason, ago(65)),
              condition("Ready", "False", "ContainersNotReady", reason, ago(65)))
          .endStatus();
    };
    return this;
  }

  private Instant created() {
    return ago(600);
  }

  private Instant ago(long seconds) {
    return now.minus(Duration.ofSeconds(seconds));
  }

  private static PodCondition condition(String type, String status, String reason, String message, Instant at) {
    return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastTransitionTime(at.toString()).build();
  }
}
