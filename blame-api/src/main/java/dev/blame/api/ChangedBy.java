package dev.blame.api;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Who last set a field, as an object's {@code metadata.managedFields} records it: the field manager
 * ({@code kubectl-edit}, {@code kubectl-client-side-apply}, {@code helm}, {@code argocd-controller}), the
 * operation ({@code Update} or {@code Apply}) and when.
 *
 * <p>managedFields record the last writer of each field, not a history: for an older revision they say who set
 * the fields as they are now, so blame only attributes the changes of a workload's current revision.
 */
@Value.Immutable
public abstract class ChangedBy {

  /**
   * {@return the field manager, e.g. {@code kubectl-edit}, {@code helm} or {@code argocd-controller}; as read (any
   * printable text, a look-alike of another manager included), so encode it for its sink: {@link Escape#identity} where
   * a person reads it}.
   */
  public abstract String manager();

  /** {@return {@code Update} or {@code Apply}}. */
  public abstract String operation();

  /** {@return when the manager last wrote its fields, if the entry says}. */
  public abstract Optional<Instant> time();

  /**
   * A managedFields entry.
   *
   * @param manager the field manager
   * @param operation {@code Update} or {@code Apply}
   * @param time when it wrote, if known
   * @return the entry
   */
  public static ChangedBy of(String manager, String operation, Optional<Instant> time) {
    return builder().manager(manager).operation(operation).time(time).build();
  }

  /**
   * A builder, for engines and tests.
   *
   * @return a new builder
   */
  public static ImmutableChangedBy.Builder builder() {
    return ImmutableChangedBy.builder();
  }

  @Override
  public String toString() {
    return manager() + " (" + operation() + time().map(t -> " at " + t).orElse("") + ")";
  }
}
