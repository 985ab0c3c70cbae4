package dev.blame.api;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One revision of a revisioned workload: {@code Deployment my-busybox revision 10}.
 *
 * <p>{@link #owner()} is the workload; {@link #holder()} is the object that holds the revision's pod template
 * (a ReplicaSet for Deployments, a ControllerRevision for StatefulSets and DaemonSets), when known;
 * {@link #hash()} is the {@code pod-template-hash} or {@code controller-revision-hash} that pods carry.
 */
@Value.Immutable
public abstract class RevisionRef implements Comparable<RevisionRef> {

  /** {@return the workload whose revision it is: a Deployment, StatefulSet or DaemonSet}. */
  public abstract ObjectRef owner();

  /** {@return the revision number; {@code 0} when the workload numbers none (e.g. a bare ReplicaSet)}. */
  public abstract long number();

  /** {@return the {@code pod-template-hash} or {@code controller-revision-hash} its pods carry, when known}. */
  public abstract Optional<String> hash();

  /** {@return the object that holds the revision's template (a ReplicaSet or ControllerRevision), when known}. */
  public abstract Optional<ObjectRef> holder();

  /**
   * A revision known by number only.
   *
   * @param owner the workload
   * @param number the revision number
   * @return the revision
   */
  public static RevisionRef of(ObjectRef owner, long number) {
    return builder().owner(owner).number(number).build();
  }

  /**
   * A builder, for revisions with hash and holder.
   *
   * @return a new builder
   */
  public static ImmutableRevisionRef.Builder builder() {
    return ImmutableRevisionRef.builder();
  }

  @Override
  public int compareTo(RevisionRef other) {
    int byOwner = owner().compareTo(other.owner());
    return byOwner != 0 ? byOwner : Long.compare(number(), other.number());
  }

  /** {@code Deployment my-busybox revision 10}. */
  @Override
  public String toString() {
    return owner().display() + " revision " + number();
  }
}
