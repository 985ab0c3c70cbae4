package dev.blame.api;

import java.util.Optional;
import org.immutables.value.Value;

/** Where one waited-for object stands. */
@Value.Immutable
public abstract class WaitState {

  /** Done, doomed, or neither yet. */
  public enum Phase {
    PENDING,
    DONE,
    DOOMED
  }

  public abstract ObjectRef ref();

  public abstract Phase phase();

  /** Its verdict; empty while the object does not exist. */
  public abstract Optional<Verdict> verdict();

  /** One line: the verdict's message, or why it is pending. */
  public abstract String message();

  public static ImmutableWaitState.Builder builder() {
    return ImmutableWaitState.builder();
  }

  @Override
  public String toString() {
    return ref().display() + " " + phase() + (message().isEmpty() ? "" : ": " + message());
  }
}
