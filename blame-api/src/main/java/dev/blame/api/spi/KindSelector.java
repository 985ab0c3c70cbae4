package dev.blame.api.spi;

import dev.blame.api.GroupKind;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.immutables.value.Value;

/** The kinds an {@link Analyzer} handles: a set of kinds, or any kind (a fallback analyzer). */
@Value.Immutable
public abstract class KindSelector {

  /** {@return the kinds selected; empty for {@link #any()}}. */
  public abstract Set<GroupKind> kinds();

  /** {@return true for {@link #any()}}. */
  @Value.Default
  public boolean wildcard() {
    return false;
  }

  /**
   * Selects these kinds.
   *
   * @param first a kind
   * @param more more kinds
   * @return the selector
   */
  public static KindSelector of(GroupKind first, GroupKind... more) {
    ImmutableKindSelector.Builder builder = ImmutableKindSelector.builder().addKind(first);
    builder.addAllKinds(Arrays.asList(more));
    return builder.build();
  }

  /** {@return every kind; analyzers with this selector run only where no specific analyzer does}. */
  public static KindSelector any() {
    return ImmutableKindSelector.builder().wildcard(true).build();
  }

  /**
   * {@return true when the kind is selected}.
   *
   * @param kind the kind
   */
  public boolean matches(GroupKind kind) {
    return wildcard() || kinds().contains(kind);
  }

  /**
   * Rejects a selector that is neither {@link #any()} nor names a kind.
   *
   * @throws IllegalArgumentException when it is both or neither
   */
  @Value.Check
  protected void check() {
    if (wildcard() == !kinds().isEmpty()) {
      throw new IllegalArgumentException("a kind selector is either any() or names at least one kind");
    }
  }

  @Override
  public String toString() {
    return wildcard() ? "*" : new TreeSet<>(kinds()).toString();
  }
}
