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

  /** {@return the Event object itself}. */
  public abstract ObjectRef ref();

  /** {@return the object the Event is about ({@code involvedObject} or {@code regarding})}. */
  public abstract ObjectRef regarding();

  /** {@return {@code Normal} or {@code Warning}}. */
  @Value.Default
  public String type() {
    return "Normal";
  }

  /** {@return the Event's reason, e.g. {@code BackOff} or {@code FailedScheduling}}. */
  public abstract String reason();

  /** {@return the Event's message, one line as reported; may be empty}. */
  @Value.Default
  public String message() {
    return "";
  }

  /** {@return how many times it was seen; at least 1}. */
  @Value.Default
  public int count() {
    return 1;
  }

  /** {@return when it was first seen, if the Event says}. */
  public abstract Optional<Instant> firstTime();

  /** {@return when it was last seen, if the Event says (series and counts included)}. */
  public abstract Optional<Instant> lastTime();

  /** {@return the component that reported it, e.g. {@code kubelet} or {@code deployment-controller}}. */
  @Value.Default
  public String source() {
    return "";
  }

  /** {@return true for {@code Warning} Events, whatever the case}. */
  public boolean isWarning() {
    return "Warning".equalsIgnoreCase(type());
  }

  /**
   * A builder, for engines and tests.
   *
   * @return a new builder
   */
  public static ImmutableEventRecord.Builder builder() {
    return ImmutableEventRecord.builder();
  }
}
