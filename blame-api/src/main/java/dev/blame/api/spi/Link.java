package dev.blame.api.spi;

import dev.blame.api.EdgeKind;
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

  public abstract EdgeKind kind();

  /** The one target, for by-name links. */
  public abstract Optional<ObjectRef> target();

  /** The targets' kind, for selector links. */
  public abstract Optional<GroupKind> targetKind();

  /** The targets' namespace, for selector links. */
  @Value.Default
  public String namespace() {
    return "";
  }

  public abstract Optional<Selector> selector();

  /** Where in the source object the link was read, e.g. {@code spec.volumes[data]}; may be empty. */
  @Value.Default
  public String path() {
    return "";
  }

  public static Link to(EdgeKind kind, ObjectRef target) {
    return ImmutableLink.builder().kind(kind).target(target.key()).build();
  }

  public static Link to(EdgeKind kind, ObjectRef target, String path) {
    return ImmutableLink.builder().kind(kind).target(target.key()).path(path).build();
  }

  public static Link select(EdgeKind kind, GroupKind targetKind, String namespace, Selector selector) {
    return ImmutableLink.builder()
        .kind(kind)
        .targetKind(targetKind)
        .namespace(namespace == null ? "" : namespace)
        .selector(selector)
        .build();
  }

  public boolean isSelector() {
    return selector().isPresent();
  }

  @Value.Check
  protected void check() {
    if (target().isPresent() == selector().isPresent()
        || selector().isPresent() != targetKind().isPresent()) {
      throw new IllegalArgumentException(
          "a link names either one target, or a target kind and a selector; got " + this);
    }
  }
}
