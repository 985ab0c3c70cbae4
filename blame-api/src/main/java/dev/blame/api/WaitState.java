package dev.blame.api;

import java.util.Optional;
import org.immutables.value.Value;

/** Where one waited-for object stands. */
@Value.Immutable
public abstract class WaitState {

  /** Done, doomed, or neither yet. */
  public enum Phase {
    /** Not decided yet: progressing, not observed yet, or held while the rest rolls out. */
    PENDING,
    /** Current and Healthy, or deliberately Suspended. */
    DONE,
    /** Degraded, or its controller reports Failed: it will not finish without a change. */
    DOOMED
  }

  /** {@return the object, with its uid and version when it is in the graph}. */
  public abstract ObjectRef ref();

  /** {@return where the object stands}. */
  public abstract Phase phase();

  /** {@return its verdict; empty while the object does not exist}. */
  public abstract Optional<Verdict> verdict();

  /** {@return one line: the verdict's message, or why it is pending}. */
  public abstract String message();

  /**
   * A builder, for engines and tests.
   *
   * @return a new builder
   */
  public static ImmutableWaitState.Builder builder() {
    return ImmutableWaitState.builder();
  }

  @Override
  public String toString() {
    return ref().display() + " " + phase() + (message().isEmpty() ? "" : ": " + message());
  }
}
