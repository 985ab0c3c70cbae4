package dev.blame.api;

import java.util.Comparator;
import org.immutables.value.Value;

/** A resolved relation between two objects in the graph: {@code from KIND to}. See {@link EdgeKind}. */
@Value.Immutable
public abstract class Edge implements Comparable<Edge> {

  private static final Comparator<Edge> ORDER =
      Comparator.comparing(Edge::from).thenComparing(Edge::kind).thenComparing(Edge::to);

  /** {@return the object the relation starts at, e.g. the owner or the selecting Service}. */
  @Value.Parameter
  public abstract ObjectRef from();

  /** {@return the relation}. */
  @Value.Parameter
  public abstract EdgeKind kind();

  /** {@return the object the relation ends at, e.g. the owned pod or the mounted ConfigMap}. */
  @Value.Parameter
  public abstract ObjectRef to();

  /**
   * An edge.
   *
   * @param from the object the relation starts at
   * @param kind the relation
   * @param to the object the relation ends at
   * @return the edge
   */
  public static Edge of(ObjectRef from, EdgeKind kind, ObjectRef to) {
    return ImmutableEdge.of(from, kind, to);
  }

  /** {@return the end that is the cause in blame's views}. */
  public ObjectRef upstream() {
    return kind().fromIsUpstream() ? from() : to();
  }

  /** {@return the end that is the effect in blame's views}. */
  public ObjectRef downstream() {
    return kind().fromIsUpstream() ? to() : from();
  }

  @Override
  public int compareTo(Edge other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return from().display() + " " + kind().label() + " " + to().display();
  }
}
