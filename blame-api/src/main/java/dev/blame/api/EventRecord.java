package dev.blame.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Kubernetes Event (core {@code v1} or {@code events.k8s.io/v1}) reduced to what blame shows, attached to
 * the object it is about ({@link #regarding()}).
 */
@Value.Immutable
public abstract class EventRecord {

  /** Newest first, by last time seen, then first time. */
  public static final Comparator<EventRecord> NEWEST_FIRST =
      Comparator.comparing(
              (EventRecord e) -> e.lastTime().or(e::firstTime).orElse(Instant.EPOCH))
          .reversed()
          .thenComparing(e -> e.ref().name());

  /** The Event object itself. */
  public abstract ObjectRef ref();

  /** The object the Event is about ({@code involvedObject} or {@code regarding}). */
  public abstract ObjectRef regarding();

  /** {@code Normal} or {@code Warning}. */
  @Value.Default
  public String type() {
    return "Normal";
  }

  public abstract String reason();

  @Value.Default
  public String message() {
    return "";
  }

  /** How many times it was seen; at least 1. */
  @Value.Default
  public int count() {
    return 1;
  }

  public abstract Optional<Instant> firstTime();

  public abstract Optional<Instant> lastTime();

  /** The component that reported it, e.g. {@code kubelet} or {@code deployment-controller}. */
  @Value.Default
  public String source() {
    return "";
  }

  public boolean isWarning() {
    return "Warning".equalsIgnoreCase(type());
  }

  /**
   * Folds Events of the same type, reason and message up to the numbers in it (a retry that names a new pod
   * or a new count), as kubectl and the Event recorder do: one record per group, the newest of it, with the
   * group's total {@link #count()}, earliest {@link #firstTime()} and latest {@link #lastTime()}. Newest group
   * first. Pure; the input is not changed.
   */
  public static java.util.List<EventRecord> fold(java.util.Collection<EventRecord> events) {
    java.util.Map<String, java.util.List<EventRecord>> groups = new java.util.LinkedHashMap<>();
    events.stream().sorted(NEWEST_FIRST).forEach(e -> groups.computeIfAbsent(
        e.type() + '\n' + e.reason() + '\n' + DIGITS.matcher(e.message()).replaceAll("#"),
        k -> new java.util.ArrayList<>()).add(e));
    java.util.List<EventRecord> folded = new java.util.ArrayList<>(groups.size());
    for (java.util.List<EventRecord> group : groups.values()) {
      if (group.size() == 1) {
        folded.add(group.get(0));
        continue;
      }
      int count = 0;
      Instant first = null;
      Instant last = null;
      for (EventRecord e : group) {
        count += Math.max(1, e.count());
        Instant f = e.firstTime().or(e::lastTime).orElse(null);
        Instant l = e.lastTime().or(e::firstTime).orElse(null);
        first = f != null && (first == null || f.isBefore(first)) ? f : first;
        last = l != null && (last == null || l.isAfter(last)) ? l : last;
      }
      folded.add(builder().from(group.get(0)).count(count).firstTime(Optional.ofNullable(first))
          .lastTime(Optional.ofNullable(last)).build());
    }
    return folded;
  }

  private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d+");

  public static ImmutableEventRecord.Builder builder() {
    return ImmutableEventRecord.builder();
  }
}
