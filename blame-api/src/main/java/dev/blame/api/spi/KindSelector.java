package dev.blame.api.spi;

import dev.blame.api.GroupKind;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.immutables.value.Value;

/** The kinds an {@link Analyzer} handles: a set of kinds, or any kind (a fallback analyzer). */
@Value.Immutable
public abstract class KindSelector {

  public abstract Set<GroupKind> kinds();

  /** True for {@link #any()}. */
  @Value.Default
  public boolean wildcard() {
    return false;
  }

  public static KindSelector of(GroupKind first, GroupKind... more) {
    ImmutableKindSelector.Builder builder = ImmutableKindSelector.builder().addKind(first);
    builder.addAllKinds(Arrays.asList(more));
    return builder.build();
  }

  /** Every kind; analyzers with this selector run only where no specific analyzer does. */
  public static KindSelector any() {
    return ImmutableKindSelector.builder().wildcard(true).build();
  }

  public boolean matches(GroupKind kind) {
    return wildcard() || kinds().contains(kind);
  }

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
