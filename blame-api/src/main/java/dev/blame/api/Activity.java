package dev.blame.api;

import org.immutables.value.Value;

/**
 * Something a controller is doing to another object right now, read from the state it left: "Creating Pod
 * my-busybox-v10", "Scaling down ReplicaSet my-busybox-v9". These are the arrows of blame's cause-to-effect
 * view.
 */
@Value.Immutable
public abstract class Activity {

  /** What is being done. */
  public enum Verb {
    CREATING("Creating"),
    DELETING("Deleting"),
    SCALING_UP("Scaling up"),
    SCALING_DOWN("Scaling down"),
    UPDATING("Updating"),
    WAITING_FOR("Waiting for");

    private final String text;

    Verb(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  @Value.Parameter
  public abstract Verb verb();

  @Value.Parameter
  public abstract ObjectRef target();

  /** Extra words, e.g. {@code "1 -> 3 replicas"}; may be empty. */
  @Value.Default
  public String detail() {
    return "";
  }

  public static Activity of(Verb verb, ObjectRef target) {
    return ImmutableActivity.of(verb, target);
  }

  public static Activity of(Verb verb, ObjectRef target, String detail) {
    return ImmutableActivity.builder().verb(verb).target(target).detail(detail).build();
  }

  @Override
  public String toString() {
    return verb().text() + " " + target().display() + (detail().isEmpty() ? "" : " (" + detail() + ")");
  }
}
