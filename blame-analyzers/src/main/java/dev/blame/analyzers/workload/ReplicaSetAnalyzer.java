package dev.blame.analyzers.workload;

import static dev.blame.analyzers.workload.WorkloadReasons.*;

import dev.blame.analyzers.config.ResourceQuotaAnalyzer;
import dev.blame.analyzers.support.AdmissionPlugins;
import dev.blame.analyzers.support.Children;
import dev.blame.analyzers.support.Counts;
import dev.blame.analyzers.support.GenericStatus;
import dev.blame.analyzers.support.Revisions;
import dev.blame.analyzers.support.UncountedFailedCreate;
import dev.blame.analyzers.support.WarningEvents;
import dev.blame.api.Activity;
import dev.blame.api.EdgeKind;
import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.Link;
import dev.blame.api.spi.TypedAnalyzer;
import dev.blame.api.spi.Unstructured;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ReplicaSets: replica counts and {@code ReplicaFailure} as kstatus reads them ({@code replicasetConditions}),
 * plus the verdicts of the pods it owns and what it is doing to them (creating, deleting).
 */
public final class ReplicaSetAnalyzer extends TypedAnalyzer<ReplicaSet> {

  public ReplicaSetAnalyzer() {
    super("blame.ReplicaSet", ReplicaSet.class, GroupKind.REPLICA_SET, "an apps/v1 ReplicaSet", Set.of(GroupKind.POD));
  }

  /**
   * It relates to its pods by ownership, which the engine reads off the owned objects; and to the
   * ResourceQuota its {@code ReplicaFailure} condition says refused its pods.
   */
  @Override
  public Set<GroupKind> linksTo() {
    return Set.of(GroupKind.RESOURCE_QUOTA);
  }

  @Override
  public List<Link> links(Node node) {
    return exceededQuota(node).map(q -> List.of(Link.to(EdgeKind.REFERENCES, q,
        "status.conditions[ReplicaFailure]"))).orElse(List.of());
  }

  @Override
  public Optional<?> linksOf(Node node) {
    return Optional.of(exceededQuota(node));
  }

  private static Optional<ObjectRef> exceededQuota(Node node) {
    return Unstructured.of(node.object()).conditions().stream()
        .filter(c -> c.type().equals("ReplicaFailure") && c.isTrue())
        .flatMap(c -> ResourceQuotaAnalyzer.quotaNamed(node.ref(), c.message()).stream())
        .findFirst();
  }

  @Override
  protected Verdict analyze(ReplicaSet object, AnalysisContext ctx) {
    Node node = ctx.node();
    ReplicaSet rs = object;
    Judgement j = new Judgement(node.ref()).revision(Optional.of(Revisions.ofReplicaSet(node)));
    GenericStatus.deletion(node, j);
    int desired = Counts.or(rs.getSpec() == null ? null : rs.getSpec().getReplicas(), 1);
    List<Node> pods = Children.owned(ctx.graph(), node.ref(), GroupKind.POD);
    activities(ctx, node, pods, desired, j);
    ReplicaSetStatus status = rs.getStatus();
    if (!GenericStatus.statusCurrent(node, status, ReplicaSetStatus::getObservedGeneration, ctx.now(), j)) {
      // Without a status (never written, or not captured) its own controller's Warning Events still say why it is
      // stuck (a FailedCreate refused by admission), as for Jobs and DaemonSets.
      return (status == null ? WarningEvents.explainMissingStatus(ctx, j) : j).build();
    }
    List<Condition> conditions = Condition.list(status.getConditions(), c -> Condition.of(
        c.getType(), c.getStatus(), c.getReason(), c.getMessage(), c.getLastTransitionTime()));
    Condition.find(conditions, "ReplicaFailure").filter(Condition::isTrue).ifPresent(c -> {
      List<Evidence> evidence = new ArrayList<>(List.of(c.evidence()));
      EventRecord.fold(ctx.events()).stream()
          .filter(e -> e.isWarning() && e.reason().equals("FailedCreate")).findFirst()
          .map(Evidence::event).ifPresent(evidence::add);
      j.worsen(Health.DEGRADED, ReconcileStatus.IN_PROGRESS).find(Health.DEGRADED,
          c.reason().equals("FailedCreate") ? FAILED_CREATE : REPLICA_FAILURE,
          "Cannot create pods" + AdmissionPlugins.rejectedBy(c.message())
              .map(p -> " (rejected by " + p + ")").orElse("") + (c.message().isEmpty() ? "" : ": " + c.message()),
          evidence.toArray(Evidence[]::new));
      AdmissionPlugins.nameMissingServiceAccount(c, j);
    });
    int replicas = Counts.orZero(status.getReplicas());
    int ready = Counts.orZero(status.getReadyReplicas());
    int available = Counts.orZero(status.getAvailableReplicas());
    Evidence counts = Evidence.field("status", "replicas " + replicas + ", ready " + ready
        + ", available " + available + " (spec.replicas " + desired + ")");
    if (replicas > desired) {
      j.worsen(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS).find(Health.PROGRESSING, EXTRA_PODS,
          (replicas - desired) + " pods pending termination", counts);
    }
    if (available < desired || ready < desired || replicas < desired) {
      j.worsen(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS).find(Health.PROGRESSING, REPLICAS_UNAVAILABLE,
          Counts.of(available, desired) + " replicas available", counts);
    }
    // Pods in phase Failed (evicted, rejected at admission) that ready replacements stand in for are not failing now.
    List<Node> failing = LeftFailedPods.failing(ctx.graph(), pods, ready >= desired);
    if (!failing.isEmpty()) {
      Children.lift(ctx.graph(), node.ref(), PODS_FAILING, failing.get(0),
              failing.size() + " of " + pods.size() + " pods failing; ")
          .ifPresent(f -> j.add(f).worsen(Health.DEGRADED, ReconcileStatus.FAILED));
    }
    if (ready >= desired) {
      LeftFailedPods.tell(j, pods);
    }
    WarningEvents.explainStuck(ctx, j);
    UncountedFailedCreate.judge(ctx, j);
    return j.message(desired == 0 && replicas == 0 ? "Scaled down"
        : Counts.of(available, desired) + " replicas available").build();
  }

  /** Deleting pods with a deletion timestamp; creating pods while fewer than desired exist. */
  private static void activities(AnalysisContext ctx, Node rs, List<Node> pods, int desired, Judgement j) {
    pods.stream().filter(p -> p.deletedAt().isPresent())
        .forEach(p -> j.activity(Activity.of(Activity.Verb.DELETING, p.ref().key())));
    long live = pods.stream().filter(p -> p.deletedAt().isEmpty()).count();
    if (ctx.graph().observes(GroupKind.POD) && live < desired && rs.deletedAt().isEmpty()) {
      ObjectRef next = ObjectRef.of(GroupKind.POD, rs.ref().namespace(), rs.ref().name() + "-");
      j.activity(Activity.of(Activity.Verb.CREATING, next, (desired - live) + " more, " + live + " of " + desired));
    }
  }

}
