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
    /** Creating the target, e.g. a Deployment its new ReplicaSet, a ReplicaSet a pod. */
    CREATING("Creating"),
    /** Deleting the target. */
    DELETING("Deleting"),
    /** Adding replicas to the target. */
    SCALING_UP("Scaling up"),
    /** Removing replicas from the target, e.g. an old ReplicaSet during a rollout. */
    SCALING_DOWN("Scaling down"),
    /** Changing the target in place, e.g. a StatefulSet replacing a pod. */
    UPDATING("Updating"),
    /** Blocked until the target is ready. */
    WAITING_FOR("Waiting for");

    private final String text;

    Verb(String text) {
      this.text = text;
    }

    /** {@return the verb as the cause view prints it: {@code Scaling down}}. */
    public String text() {
      return text;
    }
  }

  /** {@return what is being done}. */
  @Value.Parameter
  public abstract Verb verb();

  /** {@return the object it is done to}. */
  @Value.Parameter
  public abstract ObjectRef target();

  /** {@return extra words, e.g. {@code "1 -> 3 replicas"}; may be empty, never null}. */
  @Value.Default
  public String detail() {
    return "";
  }

  /**
   * An activity without detail.
   *
   * @param verb what is being done
   * @param target the object it is done to
   * @return the activity
   */
  public static Activity of(Verb verb, ObjectRef target) {
    return ImmutableActivity.of(verb, target);
  }

  /**
   * An activity with detail.
   *
   * @param verb what is being done
   * @param target the object it is done to
   * @param detail extra words, e.g. {@code "1 -> 3 replicas"}
   * @return the activity
   */
  public static Activity of(Verb verb, ObjectRef target, String detail) {
    return ImmutableActivity.builder().verb(verb).target(target).detail(detail).build();
  }

  @Override
  public String toString() {
    return verb().text() + " " + target().display() + (detail().isEmpty() ? "" : " (" + detail() + ")");
  }
}
