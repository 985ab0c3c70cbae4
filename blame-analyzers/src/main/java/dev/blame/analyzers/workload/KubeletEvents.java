package dev.blame.analyzers.workload;

import dev.blame.analyzers.support.Times;
import dev.blame.analyzers.support.WarningEvents;
import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.Health;
import dev.blame.api.ReasonCode;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Judgement;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the kubelet's Events say about a pod none of whose status is in view (a capture of its Events alone, or a
 * status the kubelet has not written). The kubelet reports a container's waiting reason as a Warning {@code Failed}
 * Event {@code Error: <reason>}, the same word it writes to {@code state.waiting.reason}
 * (pkg/kubelet/kuberuntime, {@code startContainer}: "Error: %v" of the start or pull error), and the error behind it
 * in its other {@code Failed} or {@code InspectFailed} Events ("Failed to pull image ...", "Failed to apply default
 * image tag ..."). Where only the pull's failure is in view, it names {@code ErrImagePull}: the image manager records
 * "Failed to pull image" in the call that returns that reason. That word is judged as the container rules judge the
 * waiting state; the pod's other Warnings
 * ({@code FailedMount}, {@code FailedAttachVolume}, {@code FailedCreatePodSandBox}) as a controller's are when its
 * status is missing.
 */
final class KubeletEvents {

  private static final Pattern NAMED = Pattern.compile("Error: ([A-Z][A-Za-z]+)");
  /**
   * The kubelet's container-config errors behind {@code CreateContainerConfigError}, as its {@code Failed} Event
   * writes them ("Error: " and the error of generating the container's config, pkg/kubelet/kubelet_pods.go): a
   * referenced ConfigMap or Secret not found (the object manager's NotFound, {@code configmap "x" not found}; older
   * kubelets read through the API, {@code configmaps "x" not found}), or a key missing from it.
   */
  private static final Pattern CONFIG = Pattern.compile(
      "Error: (?:(?:configmaps?|secrets?) \"[^\"]+\" not found|[Cc]ouldn't find key \\S+ in (?:ConfigMap|Secret) \\S+)");
  private static final Pattern IMAGE = Pattern.compile("(?:image|image tag) \"([^\"]+)\"");
  /** The kubelet Events a named waiting reason already says, and its back-off and probe Events. */
  private static final Set<String> ECHOES = Set.of("Failed", "InspectFailed", "BackOff", "Unhealthy");

  private KubeletEvents() {}

  /**
   * As the class says; {@code read} names the Events the caller has already read (left out of the Warnings).
   */
  static Judgement explainMissingStatus(AnalysisContext ctx, Pod pod, Judgement j, Set<String> read) {
    List<EventRecord> events = EventRecord.fold(ctx.events());
    Optional<EventRecord> named = events.stream().filter(e -> e.isWarning() && e.reason().equals("Failed"))
        .filter(e -> waiting(e).isPresent()).min(EventRecord.NEWEST_FIRST)
        .or(() -> events.stream().filter(KubeletEvents::restartBackOff).min(EventRecord.NEWEST_FIRST))
        .or(() -> events.stream().filter(KubeletEvents::pullFailure).min(EventRecord.NEWEST_FIRST)
            .filter(f -> !pulledSince(events, f)));
    if (named.isEmpty()) {
      boolean probes = ProbeEvents.probeFailures(ctx, pod, events, j);
      if (startedSinceLastWarning(events).isPresent()) {
        // Every Warning came before the kubelet started the containers: it got past them.
        return j;
      }
      Set<String> echoes = new HashSet<>(read);
      if (probes) {
        echoes.add("Unhealthy");
      }
      return WarningEvents.explainMissingStatus(ctx, echoes, j);
    }
    String reason = waiting(named.get()).orElse("ErrImagePull");
    ReasonCode code = reason.equals("CrashLoopBackOff") ? WorkloadReasons.CRASH_LOOP_BACK_OFF
        : WaitingReasons.waitingCode(reason).orElseThrow();
    boolean config = CONFIG.matcher(named.get().message().strip()).matches();
    Optional<EventRecord> cause = config ? Optional.empty() : events.stream().filter(e -> e.isWarning()
            && (e.reason().equals("Failed") || e.reason().equals("InspectFailed"))
            && !e.message().startsWith("Error: ") && !e.message().regionMatches(true, 0, "Back-off ", 0, 9))
        .min(EventRecord.NEWEST_FIRST);
    Optional<String> container = container(pod, cause.map(EventRecord::message).orElse(""));
    boolean stuck = WarningEvents.lastedAtLeast(named.get().firstTime(), named.get().lastTime(),
        ctx.tolerance().stuckOr(WarningEvents.STUCK))
        || code.equals(WorkloadReasons.CRASH_LOOP_BACK_OFF)
            && RestartBackOff.pastRecovery(ctx, pod, events, named.get(), container);
    Health health = WaitingReasons.localImageError(code) || stuck
        || cause.filter(c -> WarningEvents.deterministic(c.message())).isPresent()
        // A config error is judged as the container rules judge its waiting state: past the grace window (from
        // the kubelet's first report of it) or deterministic, it is a failure.
        || config && (WarningEvents.deterministic(named.get().message()) || !Times.withinGrace(ctx.now(),
            named.get().firstTime().or(named.get()::lastTime), ctx.tolerance().graceOr(ContainerRules.WAITING_GRACE)))
        ? Health.DEGRADED : Health.PROGRESSING;
    List<Evidence> evidence = new ArrayList<>(List.of(Evidence.event(named.get())));
    cause.map(Evidence::event).ifPresent(evidence::add);
    String text = "is waiting: " + reason + " (the kubelet's Events; no status in view)"
        + cause.or(() -> config ? named : Optional.empty()).map(c -> ": " + c.message().strip()).orElse("");
    Evidence[] all = evidence.toArray(Evidence[]::new);
    if (container.isPresent()) {
      j.findInContainer(container.get(), health, code, "Container [" + container.get() + "] " + text,
          named.get().firstTime().or(named.get()::lastTime), all);
    } else {
      j.find(health, code, "A container " + text, all);
    }
    Set<String> echoes = new HashSet<>(ECHOES);
    echoes.addAll(read);
    return WarningEvents.explainMissingStatus(ctx, echoes, j);
  }

  /**
   * The waiting reason a kubelet Event names: a {@code Failed} Event's {@code Error: ErrImagePull}, or a
   * container-config error ({@code CreateContainerConfigError}); a Warning {@code BackOff} that is not about
   * pulling is the kubelet's back-off restarting a failed container ({@code CrashLoopBackOff}: the kubelet records
   * its start back-off as a Warning and its pull back-off, "Back-off pulling image", as a Normal Event).
   */
  private static Optional<String> waiting(EventRecord e) {
    if (restartBackOff(e)) {
      return Optional.of("CrashLoopBackOff");
    }
    if (CONFIG.matcher(e.message().strip()).matches()) {
      return Optional.of("CreateContainerConfigError");
    }
    Matcher m = NAMED.matcher(e.message().strip());
    return m.matches() && WaitingReasons.waitingCode(m.group(1)).isPresent() ? Optional.of(m.group(1))
        : Optional.empty();
  }

  /**
   * The kubelet's image manager's Warning {@code Failed} "Failed to pull image "IMAGE": ERROR"
   * (pkg/kubelet/images/image_manager.go, {@code EnsureImageExists}): recorded in the same call that returns
   * {@code ErrImagePull}, the container's waiting reason until the back-off turns it into {@code ImagePullBackOff}.
   * Not when the runtime's error is the registry being unavailable or a signature check: the kubelet returns their CRI
   * errors ({@code RegistryUnavailable}, {@code SignatureValidationFailed}, which open the error the Event quotes) as
   * the waiting reason instead ({@code evalCRIPullErr}; its "because the registry is unavailable" is the waiting
   * message, not the Event's).
   */
  private static boolean pullFailure(EventRecord e) {
    String m = e.message().strip();
    String lower = m.toLowerCase(Locale.ROOT);
    return e.isWarning() && e.reason().equals("Failed") && m.startsWith("Failed to pull image \"")
        && !lower.contains("registryunavailable") && !lower.contains("registry is unavailable")
        && !lower.contains("signaturevalidationfailed");
  }

  /** Whether the kubelet pulled an image (Normal {@code Pulled}) after the failure {@code f}: the pull went through since. */
  private static boolean pulledSince(List<EventRecord> events, EventRecord f) {
    Optional<Instant> failed = f.lastTime().or(f::firstTime);
    return events.stream().filter(e -> !e.isWarning() && e.reason().equals("Pulled"))
        .map(e -> e.lastTime().or(e::firstTime)).flatMap(Optional::stream)
        .anyMatch(t -> failed.isEmpty() || !t.isBefore(failed.get()));
  }

  /**
   * The kubelet's newest Normal {@code Started} ("Started container NAME", recorded once the runtime has started the
   * container, pkg/kubelet/kuberuntime {@code startContainer}) when no Warning Event about the pod is as new or newer:
   * the containers run and nothing has failed since, so the pod is Running whatever its readiness. Empty when a
   * Warning came at or after it, or nothing was started.
   */
  static Optional<EventRecord> startedSinceLastWarning(List<EventRecord> events) {
    Optional<EventRecord> started = events.stream()
        .filter(e -> !e.isWarning() && e.reason().equals("Started")).min(EventRecord.NEWEST_FIRST);
    Optional<Instant> at = started.flatMap(e -> e.lastTime().or(e::firstTime));
    if (at.isEmpty()) {
      return Optional.empty();
    }
    boolean failedSince = events.stream().filter(e -> e.isWarning())
        .map(e -> e.lastTime().or(e::firstTime)).anyMatch(t -> t.isEmpty() || !t.get().isBefore(at.get()));
    return failedSince ? Optional.empty() : started;
  }

  private static boolean restartBackOff(EventRecord e) {
    return e.isWarning() && e.reason().equals("BackOff")
        && !e.message().toLowerCase(Locale.ROOT).startsWith("back-off pulling");
  }

  /** The pod's only container, else the one whose image the kubelet's error names. */
  static Optional<String> container(Pod pod, String error) {
    List<Container> all = new ArrayList<>();
    if (pod.getSpec() != null) {
      Optional.ofNullable(pod.getSpec().getInitContainers()).ifPresent(all::addAll);
      Optional.ofNullable(pod.getSpec().getContainers()).ifPresent(all::addAll);
    }
    if (all.size() == 1) {
      return Optional.ofNullable(all.get(0).getName());
    }
    Matcher m = IMAGE.matcher(error);
    String image = m.find() ? m.group(1) : null;
    return image == null ? Optional.empty()
        : all.stream().filter(c -> image.equals(c.getImage())).map(Container::getName).findFirst();
  }
}
