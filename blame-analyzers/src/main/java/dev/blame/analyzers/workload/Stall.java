package dev.blame.analyzers.workload;

import dev.blame.analyzers.support.Times;
import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Judgement;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rollout judged from the workload's own object when none of its pods is in the graph (not captured, not
 * readable): when did it last move? The newest of: the controller's last write of the status subresource and the
 * last edit of the spec ({@code metadata.managedFields} times), the creation of the update revision's
 * ControllerRevision, the newest Normal Event about the workload, and its creation when it was never edited (generation 1).
 * Longer ago than the progress window (10 min, the Deployment controller's default {@code progressDeadlineSeconds};
 * {@link dev.blame.api.Tolerance#grace()} replaces it) the rollout is stalled: DEGRADED, naming the evidence. When
 * nothing dates the last progress the rollout stays in progress: an unknown age is not a failure.
 */
final class Stall {

  static final Duration PROGRESS_WINDOW = Duration.ofMinutes(10);

  /** A moment the workload moved, and the evidence that dates it. */
  record Dated(Instant at, Evidence evidence) {}

  private Stall() {}

  /** Marks the rollout stalled, naming what dates it, when it has not moved for longer than the window. */
  static void check(AnalysisContext ctx, Judgement j, String progress, String detail, List<Evidence> status,
      Optional<ObjectRef> updateRevision) {
    Node node = ctx.node();
    Optional<Dated> last = lastProgress(ctx, node, updateRevision);
    if (last.isEmpty()) {
      return;
    }
    Duration window = ctx.tolerance().graceOr(PROGRESS_WINDOW);
    if (Times.withinGrace(ctx.now(), Optional.of(last.get().at()), window)) {
      return;
    }
    Duration age = Duration.between(last.get().at(), ctx.now());
    List<Evidence> evidence = new ArrayList<>(status);
    evidence.add(last.get().evidence());
    j.worsen(Health.DEGRADED, ReconcileStatus.FAILED)
        .message("Stalled: " + progress + " for " + human(age))
        .find(Health.DEGRADED, WorkloadReasons.ROLLOUT_STALLED, "Rollout stalled: " + progress + detail + ", no progress for "
            + human(age) + " (longer than " + human(window) + "); none of its pods is in view to say why",
            evidence.toArray(Evidence[]::new));
  }

  static Optional<Dated> lastProgress(AnalysisContext ctx, Node node, Optional<ObjectRef> updateRevision) {
    List<Dated> dated = new ArrayList<>();
    List<ManagedFieldsEntry> managed = node.metadata().getManagedFields();
    for (ManagedFieldsEntry m : managed == null ? List.<ManagedFieldsEntry>of() : managed) {
      Optional<Instant> at = Node.parseTime(m.getTime());
      if (at.isPresent()) {
        boolean status = "status".equals(m.getSubresource());
        dated.add(new Dated(at.get(), Evidence.field("metadata.managedFields[" + m.getManager()
            + (status ? ", status" : "") + "].time", m.getTime()
            + (status ? " (last status write)" : " (last spec edit)"))));
      }
    }
    updateRevision.flatMap(r -> ctx.graph().node(r)).ifPresent(r -> r.createdAt().ifPresent(at -> dated.add(
        new Dated(at, Evidence.builder().kind(Evidence.Kind.FIELD).path("metadata.creationTimestamp")
            .value(at + " (update revision created)").source(r.ref()).build()))));
    for (EventRecord e : ctx.events()) {
      if (!e.isWarning()) { // a Warning that repeats (FailedCreate) is the controller failing, not progressing
        e.lastTime().ifPresent(at -> dated.add(new Dated(at, Evidence.event(e))));
      }
    }
    if (node.generation() <= 1) {
      node.createdAt().ifPresent(at -> dated.add(new Dated(at,
          Evidence.field("metadata.creationTimestamp", at + " (never edited: generation " + node.generation() + ")"))));
    }
    return dated.stream().max(java.util.Comparator.comparing(Dated::at));
  }

  static String human(Duration d) {
    long s = d.getSeconds();
    return s >= 86_400 ? s / 86_400 + "d" : s >= 3600 ? s / 3600 + "h" : s >= 60 ? s / 60 + "m" : s + "s";
  }

  static boolean noPods(AnalysisContext ctx, List<Node> pods) {
    return pods.isEmpty() || !ctx.graph().observes(GroupKind.POD);
  }
}
