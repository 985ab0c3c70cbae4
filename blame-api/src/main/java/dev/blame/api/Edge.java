package dev.blame.api;

import java.util.Comparator;
import org.immutables.value.Value;

/** A resolved relation between two objects in the graph: {@code from KIND to}. See {@link EdgeKind}. */
@Value.Immutable
public abstract class Edge implements Comparable<Edge> {

  private static final Comparator<Edge> ORDER =
      Comparator.comparing(Edge::from).thenComparing(Edge::kind).thenComparing(Edge::to);

  @Value.Parameter
  public abstract ObjectRef from();

  @Value.Parameter
  public abstract EdgeKind kind();

  @Value.Parameter
  public abstract ObjectRef to();

  public static Edge of(ObjectRef from, EdgeKind kind, ObjectRef to) {
    return ImmutableEdge.of(from, kind, to);
  }

  /** The end that is the cause in blame's views. */
  public ObjectRef upstream() {
    return kind().fromIsUpstream() ? from() : to();
  }

  /** The end that is the effect in blame's views. */
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
