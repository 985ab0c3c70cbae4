package dev.blame.analyzers.storage;

import dev.blame.analyzers.support.WarningEvents;
import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.ReasonCode;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.Unstructured;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A bound claim whose expansion its resizer failed. Both writers of a claim's controller-side expansion record the
 * same Warning when it fails: kube-controller-manager's expand controller for in-tree volumes
 * ({@code VolumeResizeFailed} with the plugin's error, pkg/volume/util/operationexecutor) and the CSI
 * external-resizer ({@code VolumeResizeFailed} "resize volume "pv" by resizer "driver" failed: ...",
 * pkg/controller/expand_and_recover.go), and both retry the same request. They record a Normal Event when a later
 * attempt gets through ({@code VolumeResizeSuccessful} "Resize volume succeeded"; {@code FileSystemResizeRequired}
 * when the node must grow the file system next; the kubelet's {@code FileSystemResizeSuccessful}). A failure newer
 * than every such Event, on a claim whose capacity in view is still below its request (or not in view), is judged as
 * the Warning Events of a stuck object are: DEGRADED when its message is of a class no retry changes or it repeated
 * over the stuck window, PROGRESSING otherwise. The claim stays usable at its old size meanwhile; the expansion the
 * user asked for does not happen.
 */
final class ResizeFailure {

  /** The controllers' Event reason for a failed expansion attempt, and the code it is reported under. */
  static final ReasonCode VOLUME_RESIZE_FAILED = ReasonCode.of("VolumeResizeFailed");

  /** Normal Events that say a later attempt got through. */
  private static final Set<String> GOT_THROUGH = Set.of("VolumeResizeSuccessful", "FileSystemResizeRequired",
      "FileSystemResizeSuccessful");

  private ResizeFailure() {}

  /** {@return the findings for the claim's failed resize, empty when it has none or got past it} */
  static List<Finding> findings(AnalysisContext ctx, Unstructured claim) {
    List<EventRecord> failures = ctx.events().stream()
        .filter(e -> e.isWarning() && e.reason().equals(VOLUME_RESIZE_FAILED.code())).toList();
    if (failures.isEmpty() || grown(claim) || gotThroughSince(ctx.events(), failures)) {
      return List.of();
    }
    Judgement j = new Judgement(ctx.node().ref());
    WarningEvents.explain(failures, ctx.tolerance().stuckOr(WarningEvents.STUCK), Set.of(), j);
    String requested = claim.string("spec", "resources", "requests", "storage");
    String capacity = claim.string("status", "capacity", "storage");
    return j.findings().stream().map(f -> Finding.builder().from(f)
        .message("volume expansion failed" + (requested.isEmpty() ? "" : " (requested " + requested
            + (capacity.isEmpty() ? "" : ", capacity " + capacity) + ")") + ": " + f.message())
        .addEvidence(Evidence.field("status.phase", claim.string("status", "phase")))
        .build()).toList();
  }

  /** The capacity in view has reached the request: the expansion is done, whatever an older attempt said. */
  private static boolean grown(Unstructured claim) {
    String capacity = claim.string("status", "capacity", "storage");
    String requested = claim.string("spec", "resources", "requests", "storage");
    if (capacity.isEmpty() || requested.isEmpty()) {
      return false;
    }
    try {
      return Quantity.getAmountInBytes(new Quantity(capacity))
          .compareTo(Quantity.getAmountInBytes(new Quantity(requested))) >= 0;
    } catch (RuntimeException notAQuantity) {
      return false;
    }
  }

  /**
   * A Normal Event of success no older than the newest failure. One that cannot be ordered against it (undated) is
   * taken as having come after: an unknown order is not evidence of a failure that lasts.
   */
  private static boolean gotThroughSince(List<EventRecord> events, List<EventRecord> failures) {
    Optional<Instant> lastFailure = failures.stream().map(e -> e.lastTime().or(e::firstTime))
        .flatMap(Optional::stream).max(Instant::compareTo);
    return events.stream().filter(e -> !e.isWarning() && GOT_THROUGH.contains(e.reason()))
        .map(e -> e.lastTime().or(e::firstTime))
        .anyMatch(t -> t.isEmpty() || lastFailure.isEmpty() || !t.get().isBefore(lastFailure.get()));
  }
}
