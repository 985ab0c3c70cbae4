package dev.blame.api;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One difference between a revision's pod template and the previous revision's: {@code container main: image
 * busybox:v2 -> busybox:v3}.
 *
 * <p>{@link #path()} is where the value lives in the workload, in the form {@code kubectl get -o yaml} shows
 * with list items named by their key: {@code spec.template.spec.containers[main].image}. {@link #from()} is
 * empty when the field was added, {@link #to()} when it was removed; values are one line (lists and objects as
 * compact JSON), never a Secret's data (templates hold none).
 */
@Value.Immutable
public abstract class RevisionChange {

  /** {@return where in the pod template the change is, e.g. {@code spec.containers[main].image}}. */
  public abstract String path();

  /** {@return the container the change is in, for changes inside a container or init container}. */
  public abstract Optional<String> container();

  /**
   * {@return the field as a person reads it, without the container: {@code image}, {@code env FOO}, {@code volume data}}.
   */
  public abstract String field();

  /** {@return the value in the previous revision; empty when the field was added}. */
  public abstract Optional<String> from();

  /** {@return the value in this revision; empty when the field was removed}. */
  public abstract Optional<String> to();

  /**
   * {@return who last set the field in the workload, when {@code metadata.managedFields} says; see {@link ChangedBy}}.
   */
  public abstract Optional<ChangedBy> changedBy();

  /**
   * A builder, for engines and tests.
   *
   * @return a new builder
   */
  public static ImmutableRevisionChange.Builder builder() {
    return ImmutableRevisionChange.builder();
  }

  /**
   * {@return {@code container main: image busybox:v2 -> busybox:v3}, {@code container main: command added [sh -c exit 1]}}.
   */
  public String description() {
    String where = container().map(c -> "container " + c + ": ").orElse("");
    if (from().isEmpty()) {
      return where + field() + " added " + to().orElse("");
    }
    if (to().isEmpty()) {
      return where + field() + " removed (was " + from().get() + ")";
    }
    return where + field() + " " + from().get() + " \u2192 " + to().get();
  }

  @Override
  public String toString() {
    return description();
  }
}
