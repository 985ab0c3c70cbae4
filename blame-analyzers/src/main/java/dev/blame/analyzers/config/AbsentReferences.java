package dev.blame.analyzers.config;

import static dev.blame.analyzers.config.PodReferencesAnalyzer.CLAIM_NOT_FOUND;
import static dev.blame.analyzers.config.PodReferencesAnalyzer.CONFIG_MAP_NOT_FOUND;
import static dev.blame.analyzers.config.PodReferencesAnalyzer.IMAGE_PULL_SECRET_NOT_FOUND;
import static dev.blame.analyzers.config.PodReferencesAnalyzer.NODE_NOT_FOUND;
import static dev.blame.analyzers.config.PodReferencesAnalyzer.SECRET_NOT_FOUND;
import static dev.blame.analyzers.config.PodReferencesAnalyzer.SERVICE_ACCOUNT_NOT_FOUND;
import static dev.blame.analyzers.config.PodReferencesAnalyzer.VOLUME_UNVERIFIED;
import static dev.blame.analyzers.config.PodReferencesAnalyzer.human;

import dev.blame.analyzers.support.Times;
import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.spi.AnalysisContext;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A pod's references whose target is not in view: a ConfigMap, Secret, claim, pull secret, service account or node
 * observed missing, or a ConfigMap or Secret volume of an unobserved kind that the kubelet's {@code FailedMount}
 * Events or a long {@code ContainerCreating} point to. The evidence is read from the pod's container statuses and
 * its Events. Part of {@link PodReferencesAnalyzer}.
 */
final class AbsentReferences {

  private AbsentReferences() {}

  /** How long a pod may wait in ContainerCreating before an unseen volume source is named: the kubelet's 30 s. */
  private static final Duration MOUNT_GRACE = Duration.ofSeconds(30);

  private static final Set<String> PULL_ERRORS = Set.of("ErrImagePull", "ImagePullBackOff");

  /** Whether any container (init or regular) of the pod has run: running or terminated, now or before. */
  private static boolean started(Pod pod) {
    return Stream.concat(statuses(pod, true).stream(), statuses(pod, false).stream())
        .anyMatch(c -> c.getState() != null
        && (c.getState().getRunning() != null || c.getState().getTerminated() != null)
        || c.getLastState() != null && c.getLastState().getTerminated() != null);
  }

  static Finding missing(AnalysisContext ctx, Pod pod, PodReference r) {
    ObjectRef ref = ctx.node().ref();
    String what = r.target().display();
    var b = Finding.builder().subject(ref).container(r.container()).health(Health.DEGRADED)
        .addEvidence(Evidence.field(r.path(), r.target().name()));
    switch (r.use()) {
      case VOLUME -> {
        b.reason(r.target().groupKind().equals(GroupKind.SECRET) ? SECRET_NOT_FOUND : CONFIG_MAP_NOT_FOUND)
            .message(what + " mounted at " + r.path() + " does not exist: the kubelet cannot mount the volume"
                + " (FailedMount) and the pod stays in ContainerCreating");
        events(ctx, "FailedMount", r.target().name()).forEach(e -> b.addEvidence(Evidence.event(e)));
      }
      case ENV -> {
        b.reason(r.target().groupKind().equals(GroupKind.SECRET) ? SECRET_NOT_FOUND : CONFIG_MAP_NOT_FOUND)
            .message(what + " read by " + r.path() + " does not exist: the kubelet cannot create container ["
                + r.container().orElse("") + "] (CreateContainerConfigError)");
        waiting(pod, r.container().orElse(""), Set.of("CreateContainerConfigError")).ifPresent(b::addEvidence);
        events(ctx, "Failed", r.target().name()).forEach(e -> b.addEvidence(Evidence.event(e)));
      }
      case CLAIM -> {
        b.reason(CLAIM_NOT_FOUND).message(what + " does not exist: the pod cannot be scheduled until it does");
        events(ctx, "FailedScheduling", r.target().name()).forEach(e -> b.addEvidence(Evidence.event(e)));
      }
      case PULL_SECRET -> {
        List<Evidence> pullErrors = statuses(pod, false).stream()
            .map(c -> waiting(pod, c.getName(), PULL_ERRORS)).flatMap(Optional::stream).toList();
        b.reason(IMAGE_PULL_SECRET_NOT_FOUND).addAllEvidence(pullErrors)
            .health(pullErrors.isEmpty() ? Health.HEALTHY : Health.DEGRADED)
            .message("image pull secret " + r.target().name() + " does not exist"
                + (pullErrors.isEmpty() ? "; images are pulled without credentials"
                    : ": the registry refuses the anonymous pull (ImagePullBackOff)"));
      }
      case SERVICE_ACCOUNT -> b.reason(SERVICE_ACCOUNT_NOT_FOUND).message(what
          + " does not exist: its token cannot be mounted, and new pods using it are rejected at admission");
      default -> b.reason(NODE_NOT_FOUND).message(what + " the pod was bound to no longer exists; the pod is"
          + " lost and will be garbage-collected");
    }
    return b.build();
  }

  /**
   * A ConfigMap or Secret volume whose kind the graph does not observe (a dump without them; Secrets, which a live
   * source does not read): the kubelet's {@code FailedMount} Event naming it as not found is the evidence when it
   * was captured (DEGRADED); a {@code FailedMount} naming the volume with another error explains the wait (nothing
   * here); without either, a pod still waiting in {@code ContainerCreating} past the grace window names the volume as
   * the likely cause (UNKNOWN: nothing says it exists or not).
   */
  static Optional<Finding> unverifiedVolume(AnalysisContext ctx, Pod pod, PodReference r) {
    if (started(pod)) {
      // The kubelet mounts every volume before it starts the first container: a started container proves the
      // volume was mounted, so a FailedMount "not found" Event is from before the object was created.
      return Optional.empty();
    }
    boolean secret = r.target().groupKind().equals(GroupKind.SECRET);
    String what = r.target().display();
    String notFound = (secret ? "secret" : "configmap") + " \"" + r.target().name() + "\" not found";
    // Older kubelets say the resource in the plural: secrets "x" not found.
    String pluralNotFound = notFound.replaceFirst(" ", "s ");
    List<EventRecord> mountFailures = ctx.events().stream().filter(e -> e.reason().equals("FailedMount")
        && (e.message().toLowerCase(Locale.ROOT).contains(notFound)
            || e.message().toLowerCase(Locale.ROOT).contains(pluralNotFound))).limit(2).toList();
    var b = Finding.builder().subject(ctx.node().ref()).addEvidence(Evidence.field(r.path(), r.target().name()));
    if (!mountFailures.isEmpty()) {
      mountFailures.forEach(e -> b.addEvidence(Evidence.event(e)));
      return Optional.of(b.health(Health.DEGRADED).reason(secret ? SECRET_NOT_FOUND : CONFIG_MAP_NOT_FOUND)
          .message(what + " mounted at " + r.path() + " does not exist: the kubelet cannot mount the volume"
              + " (FailedMount) and the pod stays in ContainerCreating").build());
    }
    if (failsOtherwise(ctx, r)) {
      // The kubelet says why this volume is not set up, and it is not the source's absence: the wait is explained.
      return Optional.empty();
    }
    Optional<Instant> since = Optional.ofNullable(pod.getStatus()).map(PodStatus::getConditions).orElse(List.of())
        .stream().filter(c -> "PodScheduled".equals(c.getType()) && "True".equals(c.getStatus()))
        .map(c -> Node.parseTime(c.getLastTransitionTime())).flatMap(Optional::stream).findFirst()
        .or(() -> ctx.node().createdAt());
    Optional<Evidence> creating = statuses(pod, true).stream().map(ContainerStatus::getName)
        .map(c -> waiting(pod, c, Set.of("ContainerCreating", "PodInitializing"))).flatMap(Optional::stream).findFirst()
        .or(() -> statuses(pod, false).stream().map(ContainerStatus::getName)
            .map(c -> waiting(pod, c, Set.of("ContainerCreating"))).flatMap(Optional::stream).findFirst());
    if (creating.isEmpty() || Times.withinGrace(ctx.now(), since, ctx.tolerance().graceOr(MOUNT_GRACE))) {
      return Optional.empty();
    }
    String age = since.map(t -> " for " + human(Duration.between(t, ctx.now()))).orElse("");
    return Optional.of(b.addEvidence(creating.get()).since(since).health(Health.UNKNOWN).reason(VOLUME_UNVERIFIED)
        .message("pod waits in ContainerCreating" + age + " and mounts " + what + " at " + r.path() + ", which is not"
            + " in view (" + r.target().groupKind().kind() + "s are not observed): a " + r.target().groupKind().kind()
            + " that does not exist keeps the pod there").build());
  }

  /**
   * Whether the kubelet's {@code FailedMount} names this volume with an error of its own: the operation generator
   * writes "MountVolume.SetUp failed for volume "NAME" : ERROR" (pkg/volume/util/operationexecutor), so an Event
   * naming the volume that the caller found not to say "not found" tells another cause (a write the node refuses, a
   * driver's error).
   */
  private static boolean failsOtherwise(AnalysisContext ctx, PodReference r) {
    Optional<String> volume = r.volume();
    return volume.isPresent() && ctx.events().stream().anyMatch(e -> e.reason().equals("FailedMount")
        && e.message().contains("for volume \"" + volume.get() + "\""));
  }

  private static List<EventRecord> events(AnalysisContext ctx, String reason, String name) {
    return ctx.events().stream().filter(e -> e.reason().equals(reason) && e.message().contains("\"" + name + "\""))
        .limit(2).toList();
  }

  private static Optional<Evidence> waiting(Pod pod, String container, Set<String> reasons) {
    for (boolean init : List.of(true, false)) {
      for (ContainerStatus c : statuses(pod, init)) {
        ContainerStateWaiting waiting = c.getState() == null ? null : c.getState().getWaiting();
        String reason = waiting == null || waiting.getReason() == null ? "" : waiting.getReason();
        if (container.equals(c.getName()) && reasons.contains(reason)) {
          return Optional.of(Evidence.field("status." + (init ? "initContainerStatuses" : "containerStatuses")
              + "[" + container + "].state.waiting",
              reason + ": " + (waiting.getMessage() == null ? "" : waiting.getMessage())));
        }
      }
    }
    return Optional.empty();
  }

  private static List<ContainerStatus> statuses(Pod pod, boolean init) {
    List<ContainerStatus> list = pod.getStatus() == null ? null
        : init ? pod.getStatus().getInitContainerStatuses() : pod.getStatus().getContainerStatuses();
    return list == null ? List.of() : list;
  }
}
