package dev.blame.api;

import java.time.Instant;
import java.util.Comparator;
import org.immutables.value.Value;

/**
 * One dated step of a rollout: an edit, a ReplicaSet created or scaled, a pod created or deleted, a container
 * started or crashed, an Event.
 */
@Value.Immutable
public abstract class TimelineEntry implements Comparable<TimelineEntry> {

  private static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::time)
      .thenComparing(TimelineEntry::subject)
      .thenComparing(TimelineEntry::what);

  /** What kind of step. */
  public enum Kind {
    /** The object's pod template or spec was edited (a new generation). */
    EDITED,
    /** The object was created. */
    CREATED,
    /** Deletion of the object started. */
    DELETING,
    /** A container started. */
    CONTAINER_STARTED,
    /** A container terminated. */
    CONTAINER_TERMINATED,
    /** An Event was reported. */
    EVENT
  }

  /** {@return when it happened}. */
  @Value.Parameter
  public abstract Instant time();

  /** {@return the object it happened to}. */
  @Value.Parameter
  public abstract ObjectRef subject();

  /** {@return what kind of step it is}. */
  @Value.Parameter
  public abstract Kind kind();

  /** {@return one line: {@code Edited by kubectl-edit}, {@code Container [main] terminated with exit code 1}}. */
  @Value.Parameter
  public abstract String what();

  /**
   * A step.
   *
   * @param time when it happened
   * @param subject the object it happened to
   * @param kind what kind of step
   * @param what one line for a person
   * @return the entry
   */
  public static TimelineEntry of(Instant time, ObjectRef subject, Kind kind, String what) {
    return ImmutableTimelineEntry.of(time, subject, kind, what);
  }

  /** Oldest first, then by subject and text. */
  @Override
  public int compareTo(TimelineEntry other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return time() + " " + subject().display() + ": " + what();
  }
}
