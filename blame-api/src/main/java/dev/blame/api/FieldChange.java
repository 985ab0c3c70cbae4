package dev.blame.api;

import org.immutables.value.Value;

/**
 * Who last set a field a culprit's evidence names, on any kind of object: a Service's {@code spec.selector} set by
 * {@code kubectl-edit}, an HPA's {@code spec.scaleTargetRef} set by {@code helm}. Read from the subject's
 * {@code metadata.managedFields}: the newest entry, outside the {@code status} subresource, that owns the field or
 * a field under it.
 *
 * <p>managedFields record the last writer of each field, not a history: the change named is the one that made the
 * field what it is now, which is the value the finding is about.
 */
@Value.Immutable
public abstract class FieldChange {

  /** {@return the object the field belongs to (the culprit finding's subject)}. */
  public abstract ObjectRef subject();

  /**
   * {@return the field, as the finding's evidence names it, e.g. {@code spec.scaleTargetRef}}. As read from the
   * analyzer's evidence: encode it for its sink.
   */
  public abstract String path();

  /** {@return the field's value as the evidence gives it, one line}. As read: hostile until encoded. */
  public abstract String value();

  /** {@return the manager, operation and time of the newest managedFields entry owning the field}. */
  public abstract ChangedBy changedBy();

  /**
   * A builder, for engines and tests.
   *
   * @return a new builder
   */
  public static ImmutableFieldChange.Builder builder() {
    return ImmutableFieldChange.builder();
  }
}
