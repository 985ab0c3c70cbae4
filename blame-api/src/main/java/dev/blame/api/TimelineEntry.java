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
    EDITED,
    CREATED,
    DELETING,
    CONTAINER_STARTED,
    CONTAINER_TERMINATED,
    EVENT
  }

  @Value.Parameter
  public abstract Instant time();

  @Value.Parameter
  public abstract ObjectRef subject();

  @Value.Parameter
  public abstract Kind kind();

  /** One line: {@code Edited by kubectl-edit}, {@code Container [main] terminated with exit code 1}. */
  @Value.Parameter
  public abstract String what();

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
