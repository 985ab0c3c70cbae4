package dev.blame.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Why an object is in the state it is: the answer to {@link Blame#explain(ObjectRef)}.
 *
 * <ul>
 *   <li>{@link #causes()}: the tree of what drives or feeds the target (its owners, the Service that selects
 *       it, the ConfigMap it mounts), followed upstream from the target;
 *   <li>{@link #effects()}: the tree of what the target drives (ReplicaSets, pods), followed downstream;
 *   <li>{@link #findings()}: every finding about the objects of both trees, worst first;
 *   <li>{@link #culprits()}: the findings that explain the target's health: the worst findings on the
 *       deepest objects of the effect tree, or on a failing dependency; empty when the target is healthy.
 *   <li>{@link #revisionDiff()}: what the revision behind the target (or behind its first culprit) changed,
 *       who changed it and when;
 *   <li>{@link #injections()}: what admission added to the pods concerned, and by whom;
 *   <li>{@link #timeline()}: the dated steps of the rollout, oldest first.
 * </ul>
 *
 * <p>An immutable snapshot: later cluster changes do not alter it.
 */
@Value.Immutable
public abstract class Explanation {

  public abstract ObjectRef target();

  /** False when the target is not in the graph; its verdict is then {@link Health#MISSING}. */
  public abstract boolean found();

  public abstract Verdict verdict();

  public abstract BlameTree causes();

  public abstract BlameTree effects();

  public abstract List<Finding> findings();

  public abstract List<Finding> culprits();

  /** The engine's "now" when the explanation was made (from its clock). */
  public abstract Instant at();

  /**
   * What the revision of the target changed: for a revisioned workload its current revision, for a
   * ReplicaSet, ControllerRevision or pod the revision it belongs to, else the revision of the first culprit
   * pod. Empty when no revision applies or its holder is not in the graph.
   */
  public abstract Optional<RevisionDiff> revisionDiff();

  /** What admission added to the target pod, or to the culprit pods; sorted by pod, part and name. */
  public abstract List<Injection> injections();

  /** The dated steps of the rollout around the target, oldest first. */
  public abstract List<TimelineEntry> timeline();

  public Health health() {
    return verdict().health();
  }

  public ReconcileStatus status() {
    return verdict().status();
  }

  /** The revision the target belongs to, or the revision of the first culprit that has one. */
  public Optional<RevisionRef> revision() {
    if (verdict().revision().isPresent()) {
      return verdict().revision();
    }
    Optional<RevisionRef> culprit = culprits().stream().flatMap(f -> f.revision().stream()).findFirst();
    return culprit.isPresent() ? culprit : revisionDiff().map(RevisionDiff::revision);
  }

  public static ImmutableExplanation.Builder builder() {
    return ImmutableExplanation.builder();
  }
}
