package dev.blame.api.spi;

import dev.blame.api.GroupKind;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.immutables.value.Value;

/**
 * The kinds an {@link Analyzer} handles: a set of kinds and kind patterns, or any kind (a fallback analyzer).
 *
 * <p>A pattern is written as Argo CD writes its resource customization keys: {@code group/Kind}, or
 * {@code Kind} for the core group, where {@code *} stands for any run of characters
 * ({@code *.crossplane.io/*}, {@code *.services.k8s.aws/*}). An analyzer matching a kind by pattern is a
 * specific analyzer for it, like one naming it: the fallback does not run for that kind.
 */
@Value.Immutable
public abstract class KindSelector {

  /** {@return the kinds selected; empty for {@link #any()}}. */
  public abstract Set<GroupKind> kinds();

  /**
   * Glob patterns over {@code group/Kind} ({@code Kind} for the core group).
   *
   * @return the patterns; empty unless given
   */
  public abstract Set<String> patterns();

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

  /**
   * These kinds and these patterns (see the class comment); at least one of either.
   *
   * @param kinds the kinds named exactly
   * @param patterns glob patterns over {@code group/Kind}
   * @return the selector
   * @throws IllegalArgumentException when both are empty
   */
  public static KindSelector matching(java.util.Collection<GroupKind> kinds, java.util.Collection<String> patterns) {
    return ImmutableKindSelector.builder().addAllKinds(kinds).addAllPatterns(patterns).build();
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
    if (wildcard() || kinds().contains(kind)) {
      return true;
    }
    if (patterns().isEmpty()) {
      return false;
    }
    String key = key(kind);
    for (String pattern : patterns()) {
      if (glob(pattern, key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code group/Kind}, or {@code Kind} for the core group: what {@link #patterns()} match.
   *
   * @param kind a group and kind
   * @return the key patterns are matched against
   */
  public static String key(GroupKind kind) {
    return kind.group().isEmpty() ? kind.kind() : kind.group() + "/" + kind.kind();
  }

  /** Whether {@code text} matches {@code pattern}, where {@code *} matches any run of characters. */
  static boolean glob(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
        p++;
        t++;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  /**
   * Rejects a selector that is neither {@link #any()} nor names a kind.
   *
   * @throws IllegalArgumentException when it is both or neither
   */
  @Value.Check
  protected void check() {
    if (wildcard() == !(kinds().isEmpty() && patterns().isEmpty())) {
      throw new IllegalArgumentException(
          "a kind selector is either any() or names at least one kind or pattern");
    }
  }

  @Override
  public String toString() {
    if (wildcard()) {
      return "*";
    }
    java.util.List<String> all = new java.util.ArrayList<>();
    new TreeSet<>(kinds()).forEach(k -> all.add(k.toString()));
    all.addAll(new TreeSet<>(patterns()));
    return all.toString();
  }
}
