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
    return culprits().stream().flatMap(f -> f.revision().stream()).findFirst();
  }

  public static ImmutableExplanation.Builder builder() {
    return ImmutableExplanation.builder();
  }
}
