package dev.blame.api.spi;

import dev.blame.api.EdgeKind;
import dev.blame.api.Escape;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.api.Selector;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A relation an {@link Analyzer} declares from an object to others, before the others are known: either one
 * object by name ({@link #to}) or every object of a kind in a namespace whose labels match a selector
 * ({@link #select}). The engine keeps links resolved as objects come and go and exposes them as
 * {@link dev.blame.api.Edge edges}. A by-name link to an absent object yields an edge to a reference with no
 * node, which is how "the ConfigMap this pod needs is missing" is found.
 */
@Value.Immutable
public abstract class Link {

  /** {@return the relation the link makes; its direction is from the linking object to the target}. */
  public abstract EdgeKind kind();

  /** {@return the one target, for by-name links; empty for selector links}. */
  public abstract Optional<ObjectRef> target();

  /** {@return the targets' kind, for selector links; empty for by-name links}. */
  public abstract Optional<GroupKind> targetKind();

  /** {@return the targets' namespace, for selector links; {@code ""} for cluster-scoped targets}. */
  @Value.Default
  public String namespace() {
    return "";
  }

  /** {@return the selector the targets' labels must match, for selector links; empty for by-name links}. */
  public abstract Optional<Selector> selector();

  /** {@return where in the source object the link was read, e.g. {@code spec.volumes[data]}; may be empty}. */
  @Value.Default
  public String path() {
    return "";
  }

  /**
   * A link to one object by name, which need not exist (yet).
   *
   * @param kind the relation
   * @param target the object; its version and uid are dropped
   * @return the link
   */
  public static Link to(EdgeKind kind, ObjectRef target) {
    return ImmutableLink.builder().kind(kind).target(target.key()).build();
  }

  /**
   * A link to one object by name, saying where it was read.
   *
   * @param kind the relation
   * @param target the object; its version and uid are dropped
   * @param path where in the linking object the name was read, e.g. {@code spec.volumes[data]}
   * @return the link
   */
  public static Link to(EdgeKind kind, ObjectRef target, String path) {
    return ImmutableLink.builder().kind(kind).target(target.key()).path(path).build();
  }

  /**
   * A link to every object of a kind in a namespace whose labels match, as objects come and go.
   *
   * @param kind the relation, usually {@link EdgeKind#SELECTS}
   * @param targetKind the targets' kind
   * @param namespace the targets' namespace; null or {@code ""} for cluster-scoped targets
   * @param selector the selector; an empty one matches every object of the kind
   * @return the link
   */
  public static Link select(EdgeKind kind, GroupKind targetKind, String namespace, Selector selector) {
    return ImmutableLink.builder()
        .kind(kind)
        .targetKind(targetKind)
        .namespace(namespace == null ? "" : namespace)
        .selector(selector)
        .build();
  }

  /** {@return true for selector links, false for by-name links}. */
  public boolean isSelector() {
    return selector().isPresent();
  }

  /**
   * Rejects links that name both or neither a target and a selector.
   *
   * @throws IllegalArgumentException naming the link
   */
  @Value.Check
  protected void check() {
    if (target().isPresent() == selector().isPresent()
        || selector().isPresent() != targetKind().isPresent()) {
      throw new IllegalArgumentException(
          "a link names either one target, or a target kind and a selector; got "
              + Escape.terminal(String.valueOf(this)));
    }
  }
}
