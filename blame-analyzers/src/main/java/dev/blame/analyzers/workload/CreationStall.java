package dev.blame.analyzers.workload;

import dev.blame.analyzers.support.PodReadiness;
import dev.blame.analyzers.support.Times;
import dev.blame.api.Evidence;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Judgement;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A StatefulSet short of pods whose pods in view all run and are ready, none created or readied for longer than the
 * progress window. The StatefulSet controller creates a missing pod as soon as every pod before it is Running and
 * Ready (OrderedReady, the default, and available for {@code minReadySeconds} where set) and every missing pod at once
 * under Parallel (pkg/controller/statefulset, {@code stateful_set_control.go}; the StatefulSet documentation's
 * "Deployment and Scaling Guarantees"). With nothing left to wait for, a pod still missing past the window is one the
 * controller fails to create (a quota, an admission refusal), whether or not its FailedCreate Event is in view. Not
 * read when the controller counts more pods than are in view ({@code status.replicas}: the capture left some out), when
 * a pod in view is being deleted or not ready, when nothing dates the last pod, or when the controller has not yet
 * observed the object's generation ({@code status.observedGeneration} below {@code metadata.generation}): a scale-up
 * just made (kubectl scale, an autoscaler) bumps the generation and the controller creates the new pods once it reads
 * it, so pods missing then are not yet asked for, however long ago the old ones came; a capture without
 * managedFields has nothing else to date the request by.
 */
final class CreationStall {

  private CreationStall() {}

  /** Marks the rollout stalled when its missing pods have not been created for longer than the window. */
  static void check(AnalysisContext ctx, Judgement j, StatefulSetSpec spec, StatefulSetStatus status, List<Node> pods,
      int desired, Evidence counts) {
    int replicas = status.getReplicas() == null ? 0 : status.getReplicas();
    if (pods.isEmpty() || pods.size() >= desired || replicas > pods.size() || unobserved(ctx, status)) {
      return;
    }
    List<Stall.Dated> dated = new ArrayList<>();
    for (Node node : pods) {
      Optional<Pod> pod = node.as(Pod.class);
      if (pod.isEmpty() || node.metadata().getDeletionTimestamp() != null || !runningAndReady(ctx, node, pod.get())) {
        return;
      }
      dated.addAll(dates(node, pod.get()));
    }
    Stall.lastProgress(ctx, ctx.node(), Optional.empty()).ifPresent(dated::add);
    Optional<Stall.Dated> last = dated.stream().max(Comparator.comparing(Stall.Dated::at));
    int minReady = spec.getMinReadySeconds() == null ? 0 : spec.getMinReadySeconds();
    Duration window = ctx.tolerance().graceOr(Stall.PROGRESS_WINDOW).plusSeconds(minReady);
    if (last.isEmpty() || Times.withinGrace(ctx.now(), Optional.of(last.get().at()), window)) {
      return;
    }
    Duration age = Duration.between(last.get().at(), ctx.now());
    String progress = pods.size() + " of " + desired + " pods exist";
    j.worsen(Health.DEGRADED, ReconcileStatus.FAILED)
        .message("Stalled: " + progress + " for " + Stall.human(age))
        .find(Health.DEGRADED, WorkloadReasons.ROLLOUT_STALLED, "Rollout stalled: " + progress + ", every one running"
            + " and ready, and none created or readied for " + Stall.human(age) + " (longer than "
            + Stall.human(window) + "): the StatefulSet controller creates the next pod once those before it are"
            + " ready, so it is failing to create it", counts, last.get().evidence());
  }

  private static boolean unobserved(AnalysisContext ctx, StatefulSetStatus status) {
    Long generation = ctx.node().metadata().getGeneration();
    Long observed = status.getObservedGeneration();
    return generation != null && observed != null && observed < generation;
  }

  private static boolean runningAndReady(AnalysisContext ctx, Node node, Pod pod) {
    if (pod.getStatus() == null || !"Running".equals(pod.getStatus().getPhase())) {
      return false;
    }
    Optional<PodCondition> ready = readyCondition(pod);
    return ready.map(c -> "True".equalsIgnoreCase(c.getStatus()))
        .orElseGet(() -> PodReadiness.readyWithoutCondition(pod, ctx.graph().events(node.ref())));
  }

  private static Optional<PodCondition> readyCondition(Pod pod) {
    List<PodCondition> conditions = pod.getStatus().getConditions();
    return (conditions == null ? List.<PodCondition>of() : conditions).stream()
        .filter(c -> "Ready".equals(c.getType())).findFirst();
  }

  /** When the pod was created, became ready and its containers started: the moments it moved the rollout. */
  private static List<Stall.Dated> dates(Node node, Pod pod) {
    List<Stall.Dated> dated = new ArrayList<>();
    node.createdAt().ifPresent(at -> dated.add(new Stall.Dated(at, Evidence.builder().kind(Evidence.Kind.FIELD)
        .path("metadata.creationTimestamp").value(at + " (newest pod created)").source(node.ref()).build())));
    readyCondition(pod).flatMap(c -> Node.parseTime(c.getLastTransitionTime())).ifPresent(at -> dated.add(
        new Stall.Dated(at, Evidence.builder().kind(Evidence.Kind.FIELD).path("status.conditions[Ready]"
            + ".lastTransitionTime").value(at + " (newest pod ready)").source(node.ref()).build())));
    List<ContainerStatus> containers = pod.getStatus().getContainerStatuses();
    for (ContainerStatus c : containers == null ? List.<ContainerStatus>of() : containers) {
      Optional<Instant> started = c.getState() == null || c.getState().getRunning() == null ? Optional.empty()
          : Node.parseTime(c.getState().getRunning().getStartedAt());
      started.ifPresent(at -> dated.add(new Stall.Dated(at, Evidence.builder().kind(Evidence.Kind.FIELD)
          .path("status.containerStatuses[" + c.getName() + "].state.running.startedAt")
          .value(at + " (newest container started)").source(node.ref()).build())));
    }
    return dated;
  }
}
