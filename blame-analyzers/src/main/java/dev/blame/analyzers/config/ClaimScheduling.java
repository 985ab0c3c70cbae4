package dev.blame.analyzers.config;

import static dev.blame.analyzers.config.PodReferencesAnalyzer.CLAIM_NOT_BOUND;
import static dev.blame.analyzers.config.PodReferencesAnalyzer.CLAIM_NOT_FOUND;
import static dev.blame.analyzers.config.PodReferencesAnalyzer.VOLUME_NODE_AFFINITY_CONFLICT;

import dev.blame.analyzers.support.Times;
import dev.blame.analyzers.support.WarningEvents;
import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Unstructured;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the scheduler says about a pending pod's claims and volumes: a claim in view that is not bound, a bound claim
 * whose PersistentVolume is pinned to other nodes, and, when the claims are not in view, the scheduler's
 * {@code PodScheduled} condition or {@code FailedScheduling} Event naming a claim not found, claims not bound or a
 * volume node affinity conflict. Part of {@link PodReferencesAnalyzer}.
 */
final class ClaimScheduling {

  private ClaimScheduling() {}

  /** The scheduler's window before a pod it cannot place counts as unschedulable (kstatus' 15 s, as for pods). */
  private static final Duration SCHEDULING_GRACE = Duration.ofSeconds(15);

  /**
   * The scheduler's VolumeBinding filter says a bound volume of the pod is pinned to other nodes ({@code node(s) had
   * volume node affinity conflict}, ErrReasonNodeConflict in pkg/scheduler/framework/plugins/volumebinding) while
   * none of the pod's claims is in view (a capture of the pod and its Events, or of a pod whose volumes were trimmed):
   * the scheduler's words name the cause that {@link #volumeNodeAffinity} names from the claim. Its word is the
   * {@code PodScheduled} condition when there is one, else its latest {@code FailedScheduling} Event; DEGRADED past
   * the scheduler's window, as the pod's {@code Unschedulable} is.
   */
  static Optional<Finding> volumeConflictNotInView(AnalysisContext ctx, Pod pod, PodStatus status) {
    boolean claimInView = PodReference.of(ctx.node().ref().namespace(), ctx.node().ref().name(), pod).stream()
        .anyMatch(r -> r.use() == PodReference.Use.CLAIM && ctx.graph().node(r.target()).isPresent());
    if (claimInView) {
      return Optional.empty();
    }
    Optional<PodCondition> scheduled = Optional.ofNullable(status.getConditions())
        .orElse(List.of()).stream().filter(c -> "PodScheduled".equals(c.getType())).findFirst();
    boolean bound = pod.getSpec() != null && pod.getSpec().getNodeName() != null
        && !pod.getSpec().getNodeName().isEmpty();
    Optional<Evidence> said = scheduled.isPresent()
        ? scheduled.filter(c -> "False".equals(c.getStatus()) && c.getMessage() != null
            && c.getMessage().contains(VOLUME_CONFLICT)).map(c -> Evidence.builder().kind(Evidence.Kind.FIELD)
                .path("status.conditions[PodScheduled]").value(c.getMessage()).source(ctx.node().ref()).build())
        : bound ? Optional.empty()
        : WarningEvents.latestFailedScheduling(ctx.events()).filter(e -> e.message().contains(VOLUME_CONFLICT))
            .map(Evidence::event);
    boolean young = Times.withinGrace(ctx.now(), ctx.node().createdAt(), ctx.tolerance().graceOr(SCHEDULING_GRACE));
    return said.map(evidence -> Finding.builder().subject(ctx.node().ref())
        .health(young ? Health.PROGRESSING : Health.DEGRADED).reason(VOLUME_NODE_AFFINITY_CONFLICT)
        .addEvidence(evidence)
        .message("pod cannot be scheduled where its volume is: a bound PersistentVolume of the pod is pinned to other"
            + " nodes (scheduler: node(s) had " + VOLUME_CONFLICT + "; the claim is not in view)").build());
  }

  private static final String VOLUME_CONFLICT = "volume node affinity conflict";

  /**
   * A claim whose kind the graph does not observe (a capture without PersistentVolumeClaims): the scheduler's
   * {@code FailedScheduling} Event naming it as not found ({@code persistentvolumeclaim "x" not found}) is the
   * evidence that it does not exist, the same cause as a claim observed missing. One saying the pod's claims are not
   * bound ({@code pod has unbound immediate PersistentVolumeClaims}; older schedulers leave out "immediate"), in an
   * Event or in the {@code PodScheduled} condition, names no claim: each of the pod's claims not in view is then the
   * one waiting (the claims in view are judged by their phase). Without either nothing is said.
   */
  static Optional<Finding> unobservedClaim(AnalysisContext ctx, Pod pod, PodReference r) {
    String notFound = "persistentvolumeclaim \"" + r.target().name() + "\" not found";
    List<EventRecord> failures = ctx.events().stream().filter(e -> e.reason().equals("FailedScheduling")
        && e.message().toLowerCase(Locale.ROOT).contains(notFound)).limit(2).toList();
    if (failures.isEmpty()) {
      return unboundClaim(ctx, pod, r);
    }
    var b = Finding.builder().subject(ctx.node().ref()).health(Health.DEGRADED).reason(CLAIM_NOT_FOUND)
        .addEvidence(Evidence.field(r.path(), r.target().name()))
        .message(r.target().display() + " does not exist: the pod cannot be scheduled until it does");
    failures.forEach(e -> b.addEvidence(Evidence.event(e)));
    return Optional.of(b.build());
  }

  /** The scheduler's words for claims that are not bound: "pod has unbound [immediate] PersistentVolumeClaims". */
  private static final Pattern UNBOUND_CLAIMS = Pattern.compile(
      "unbound (immediate )?persistentvolumeclaims", Pattern.CASE_INSENSITIVE);

  private static Optional<Finding> unboundClaim(AnalysisContext ctx, Pod pod, PodReference r) {
    // The PodScheduled condition, when there is one, is the scheduler's current word; its latest Event otherwise.
    Optional<PodCondition> scheduled = Optional.ofNullable(pod.getStatus())
        .map(PodStatus::getConditions).orElse(List.of()).stream()
        .filter(c -> "PodScheduled".equals(c.getType())).findFirst();
    Optional<Evidence> said = scheduled.isPresent()
        ? scheduled.filter(c -> "False".equals(c.getStatus()) && c.getMessage() != null
            && UNBOUND_CLAIMS.matcher(c.getMessage()).find()).map(c -> Evidence.builder().kind(Evidence.Kind.FIELD)
                .path("status.conditions[PodScheduled]").value(c.getMessage()).source(ctx.node().ref()).build())
        : WarningEvents.latestFailedScheduling(ctx.events())
            .filter(e -> UNBOUND_CLAIMS.matcher(e.message()).find()).map(Evidence::event);
    return said.map(evidence -> Finding.builder().subject(ctx.node().ref()).health(Health.PROGRESSING)
        .reason(CLAIM_NOT_BOUND).addEvidence(Evidence.field(r.path(), r.target().name())).addEvidence(evidence)
        .message("pod waits for " + r.target().display() + " (not in view): the scheduler says the pod's claims are"
            + " not bound, so it cannot be placed until a volume is provisioned or bound for it").build());
  }

  /**
   * A pod the scheduler cannot place because a bound claim's PersistentVolume is pinned to nodes the pod may not
   * use: the scheduler says {@code node(s) had volume node affinity conflict}. The volume will not move and the
   * claim stays bound to it, so this fails at once. The PV itself is not read (a cluster-scoped LIST for every pod
   * query): its name comes from the claim's {@code spec.volumeName}.
   */
  static Optional<Finding> volumeNodeAffinity(AnalysisContext ctx, PodStatus status, Node claim) {
    Optional<PodCondition> scheduled = Optional.ofNullable(status.getConditions())
        .orElse(List.of()).stream().filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())
            && c.getMessage() != null && c.getMessage().contains("volume node affinity conflict")).findFirst();
    String volumeName = Unstructured.of(claim.object()).string("spec", "volumeName");
    if (scheduled.isEmpty() || volumeName.isEmpty()) {
      return Optional.empty();
    }
    ObjectRef pv = ObjectRef.of(GroupKind.PERSISTENT_VOLUME, "", volumeName);
    return Optional.of(Finding.builder().subject(ctx.node().ref()).health(Health.DEGRADED)
        .reason(VOLUME_NODE_AFFINITY_CONFLICT)
        .message("pod cannot be scheduled: its claim " + claim.ref().name() + " is bound to " + pv.display()
            + ", whose spec.nodeAffinity excludes every node the pod may run on; the claim will not leave that"
            + " volume (scheduler: " + scheduled.get().getMessage().strip() + ")")
        .addEvidence(Evidence.builder().kind(Evidence.Kind.FIELD).path("status.conditions[PodScheduled]")
            .value(scheduled.get().getMessage()).source(ctx.node().ref()).build())
        .addEvidence(Evidence.builder().kind(Evidence.Kind.FIELD).path("spec.volumeName").value(volumeName)
            .source(claim.ref()).build())
        .build());
  }

  static Optional<Finding> claimNotBound(AnalysisContext ctx, PodReference r, Node claim) {
    if ("Bound".equals(Unstructured.of(claim.object()).string("status", "phase"))) {
      return Optional.empty();
    }
    Optional<Verdict> verdict = ctx.graph().verdict(claim.ref());
    Health health = verdict.map(Verdict::health).filter(h -> h == Health.DEGRADED).orElse(Health.PROGRESSING);
    String why = verdict.flatMap(Verdict::worstFinding).map(Finding::message).orElse("not bound yet");
    return Optional.of(Finding.builder().subject(ctx.node().ref()).health(health).reason(CLAIM_NOT_BOUND)
        .message("pod waits for " + claim.ref().display() + ": " + why)
        .addEvidence(Evidence.builder().kind(Evidence.Kind.FIELD).path("status.phase")
            .value(Unstructured.of(claim.object()).string("status", "phase")).source(claim.ref()).build())
        .build());
  }
}
