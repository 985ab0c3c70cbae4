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

  public static ImmutableEventRecord.Builder builder() {
    return ImmutableEventRecord.builder();
  }
}
