package dev.blame.analyzers.workload;

import dev.blame.analyzers.support.ContainerView;
import dev.blame.api.EventRecord;
import java.util.List;
import java.util.Optional;

/**
 * What the kubelet's Events of a pod say about one of its containers: the error behind a waiting state whose message
 * is missing or only a back-off, the runtime's words when inspecting the image failed, and the kills and probe
 * failures it records. Read by {@link ContainerRules}.
 */
final class ContainerEvents {

  private final List<EventRecord> events;

  ContainerEvents(List<EventRecord> events) {
    this.events = events;
  }

  /**
   * The waiting message, or when the status has none (older kubelets, trimmed captures) what the kubelet said
   * in its newest Warning {@code Failed} Event ({@code Error: secrets "x" not found}); empty when neither.
   */
  String kubeletSays(String waitingMessage) {
    Optional<String> failed = events.stream().filter(e -> e.isWarning() && e.reason().equals("Failed"))
        .map(e -> e.message().startsWith("Error: ") ? e.message().substring(7) : e.message())
        // "Error: ImagePullBackOff" names the state, not the error: skipped, as back-off messages are.
        .filter(m -> !backOff(m) && m.strip().contains(" ")).findFirst();
    if (waitingMessage != null && !waitingMessage.isBlank()) {
      // A back-off message ("Back-off pulling image ...") says only that the kubelet waits before retrying; the
      // error it retries is in its Failed Event.
      return backOff(waitingMessage) && failed.isPresent()
          ? waitingMessage.strip() + "; last error: " + withoutImage(failed.get(), waitingMessage) : waitingMessage;
    }
    return failed.orElse("");
  }

  /**
   * What the runtime said when inspecting the image failed: the waiting message, or the newest Warning
   * {@code InspectFailed} Event's ("Failed to inspect image ...": the Event the image manager records before
   * returning {@code ErrImageInspect}); empty when neither.
   */
  String inspectFailure(String waitingMessage) {
    if (waitingMessage != null && !waitingMessage.isBlank()) {
      return waitingMessage;
    }
    return events.stream().filter(e -> e.isWarning() && e.reason().equals("InspectFailed"))
        .min(EventRecord.NEWEST_FIRST).map(EventRecord::message).orElse("");
  }

  /** {@code Failed to pull image "x": why} as {@code why} when the back-off message already names image "x". */
  private static String withoutImage(String failed, String backOff) {
    String prefix = "Failed to pull image \"";
    int end = failed.indexOf("\": ");
    if (failed.startsWith(prefix) && end > prefix.length()
        && backOff.contains(failed.substring(prefix.length() - 1, end + 1))) {
      return failed.substring(end + 3);
    }
    return failed;
  }

  private static boolean backOff(String message) {
    return message.regionMatches(true, 0, "Back-off ", 0, 9);
  }

  /**
   * The kubelet's Event saying it kills this container for a failed liveness probe: {@code Killing} "Container X
   * failed liveness probe, will be restarted", or {@code Unhealthy} "Liveness probe failed: ..." (which names no
   * container: taken when no other container of the pod restarts, {@code onlyRestarting}). The Unhealthy one is
   * preferred: it says why.
   */
  Optional<EventRecord> livenessKills(ContainerView c, boolean onlyRestarting) {
    Optional<EventRecord> killing = events.stream().filter(e -> e.reason().equals("Killing")
        && e.message().contains("Container " + c.name() + " failed liveness probe")).findFirst();
    Optional<EventRecord> unhealthy = events.stream().filter(e -> e.reason().equals("Unhealthy")
        && e.message().regionMatches(true, 0, "Liveness probe failed", 0, 21)).findFirst();
    return unhealthy.filter(e -> killing.isPresent() || onlyRestarting).or(() -> killing);
  }

  /** The first of the kubelet's {@code Unhealthy} Events that names a readiness probe. */
  Optional<EventRecord> readinessFailure() {
    return events.stream()
        .filter(e -> e.reason().equals("Unhealthy") && e.message().toLowerCase().contains("readiness"))
        .findFirst();
  }
}
