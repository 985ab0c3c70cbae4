package dev.blame.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One node of an explanation's cause or effect tree, with the relation that led to it, its verdict, the
 * Events about it, and its own children further up (causes) or down (effects).
 *
 * <p>A referenced object that is not in the graph appears with an empty {@link #node()} and a
 * {@link Health#MISSING} (or {@link Health#UNKNOWN}, when its kind is not observed) verdict. Trees never
 * repeat an object on one path: {@link #truncated()} marks where a cycle or the depth limit stopped them.
 */
@Value.Immutable
public abstract class BlameTree {

  /** {@return the object at this node of the tree}. */
  public abstract ObjectRef ref();

  /** {@return the relation from the parent in the tree; empty at the root}. */
  public abstract Optional<EdgeKind> via();

  /** {@return the object as read; empty when a relation names an object that is not in the graph}. */
  public abstract Optional<Node> node();

  /** {@return the object's verdict; {@link Health#MISSING} when it is not in the graph}. */
  public abstract Verdict verdict();

  /** {@return the Events about the object, newest first}. */
  public abstract List<EventRecord> events();

  /** {@return the next objects along the tree's direction, sorted; empty at a leaf}. */
  public abstract List<BlameTree> children();

  /** {@return true when children were left out: the tree reached its depth or size limit, or a cycle}. */
  @Value.Default
  public boolean truncated() {
    return false;
  }

  /**
   * A builder, for engines and tests.
   *
   * @return a new builder; {@code ref} and {@code verdict} are required
   */
  public static ImmutableBlameTree.Builder builder() {
    return ImmutableBlameTree.builder();
  }

  /**
   * Visits this node and its descendants, parents before children.
   *
   * @param visitor called once per node
   */
  public void forEach(Consumer<BlameTree> visitor) {
    visitor.accept(this);
    for (BlameTree child : children()) {
      child.forEach(visitor);
    }
  }

  /** {@return this node and its descendants, parents before children}. */
  public List<BlameTree> flatten() {
    List<BlameTree> all = new ArrayList<>();
    forEach(all::add);
    return all;
  }

  /**
   * {@return the first node of the tree, parents before children, with this reference; empty when none}.
   *
   * @param ref the object; version and uid are ignored
   */
  public Optional<BlameTree> find(ObjectRef ref) {
    return flatten().stream().filter(t -> t.ref().equals(ref)).findFirst();
  }
}
