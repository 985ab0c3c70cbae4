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
 *   <li>{@link #timeline()}: the dated steps of the rollout, oldest first;
 *   <li>{@link #fieldChanges()}: who last set the fields the culprits' evidence names, on any kind of object.
 * </ul>
 *
 * <p>An immutable snapshot: later cluster changes do not alter it.
 */
@Value.Immutable
public abstract class Explanation {

  /** {@return the object explained; with its version and uid when it is in the graph}. */
  public abstract ObjectRef target();

  /** {@return false when the target is not in the graph; its verdict is then {@link Health#MISSING}}. */
  public abstract boolean found();

  /** {@return the target's verdict; {@link Health#MISSING} when it is not found}. */
  public abstract Verdict verdict();

  /** {@return the tree of what drives or feeds the target, rooted at the target, followed upstream}. */
  public abstract BlameTree causes();

  /** {@return the tree of what the target drives, rooted at the target, followed downstream}. */
  public abstract BlameTree effects();

  /** {@return every finding about the objects of both trees, worst first}. */
  public abstract List<Finding> findings();

  /**
   * {@return the findings that explain the target's health, worst first}: the worst findings on the deepest
   * objects of the effect tree, or on a failing dependency. Empty when the target is healthy.
   */
  public abstract List<Finding> culprits();

  /** {@return the engine's "now" when the explanation was made (from its clock)}; ages are counted from it. */
  public abstract Instant at();

  /**
   * {@return what the revision of the target changed}: for a revisioned workload its current revision, for a
   * ReplicaSet, ControllerRevision or pod the revision it belongs to, else the revision of the first culprit
   * pod. Empty when no revision applies or its holder is not in the graph.
   */
  public abstract Optional<RevisionDiff> revisionDiff();

  /** {@return what admission added to the target pod, or to the culprit pods; sorted by pod, part and name}. */
  public abstract List<Injection> injections();

  /** {@return the dated steps of the rollout around the target, oldest first}. */
  public abstract List<TimelineEntry> timeline();

  /**
   * {@return who last set each field the culprits' evidence names (a field under {@code spec} or {@code metadata} of
   * the culprit's subject), from its managedFields; the change that made it what the finding is about}. Empty when
   * no culprit names such a field or the subject records no manager for it. In culprit order.
   */
  public abstract List<FieldChange> fieldChanges();

  /** {@return the target's health, as {@code verdict().health()}}. */
  public Health health() {
    return verdict().health();
  }

  /** {@return the target's reconcile status, as {@code verdict().status()}}. */
  public ReconcileStatus status() {
    return verdict().status();
  }

  /**
   * {@return the revision the target belongs to, else that of the first culprit that has one, else that of the
   * revision diff; empty when none applies}.
   */
  public Optional<RevisionRef> revision() {
    if (verdict().revision().isPresent()) {
      return verdict().revision();
    }
    Optional<RevisionRef> culprit = culprits().stream().flatMap(f -> f.revision().stream()).findFirst();
    return culprit.isPresent() ? culprit : revisionDiff().map(RevisionDiff::revision);
  }

  /**
   * A builder, for engines and tests; users get explanations from {@link Blame#explain}.
   *
   * @return a new builder
   */
  public static ImmutableExplanation.Builder builder() {
    return ImmutableExplanation.builder();
  }
}
