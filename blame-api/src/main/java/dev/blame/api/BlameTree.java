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

  public abstract ObjectRef ref();

  /** The relation from the parent in the tree; empty at the root. */
  public abstract Optional<EdgeKind> via();

  public abstract Optional<Node> node();

  public abstract Verdict verdict();

  /** Newest first. */
  public abstract List<EventRecord> events();

  public abstract List<BlameTree> children();

  @Value.Default
  public boolean truncated() {
    return false;
  }

  public static ImmutableBlameTree.Builder builder() {
    return ImmutableBlameTree.builder();
  }

  /** Visits this node and its descendants, parents before children. */
  public void forEach(Consumer<BlameTree> visitor) {
    visitor.accept(this);
    for (BlameTree child : children()) {
      child.forEach(visitor);
    }
  }

  /** This node and its descendants, parents before children. */
  public List<BlameTree> flatten() {
    List<BlameTree> all = new ArrayList<>();
    forEach(all::add);
    return all;
  }

  /** The first node of the tree with this reference. */
  public Optional<BlameTree> find(ObjectRef ref) {
    return flatten().stream().filter(t -> t.ref().equals(ref)).findFirst();
  }
}
