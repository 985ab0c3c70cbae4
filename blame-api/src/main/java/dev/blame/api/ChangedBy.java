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

  public abstract String manager();

  /** {@code Update} or {@code Apply}. */
  public abstract String operation();

  public abstract Optional<Instant> time();

  public static ChangedBy of(String manager, String operation, Optional<Instant> time) {
    return builder().manager(manager).operation(operation).time(time).build();
  }

  public static ImmutableChangedBy.Builder builder() {
    return ImmutableChangedBy.builder();
  }

  @Override
  public String toString() {
    return manager() + " (" + operation() + time().map(t -> " at " + t).orElse("") + ")";
  }
}
