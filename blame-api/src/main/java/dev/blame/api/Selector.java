package dev.blame.api;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * A Kubernetes label selector with the API server's matching rules: {@code matchLabels} and set-based
 * {@code matchExpressions} ({@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}), all of which
 * must hold. An empty selector matches everything; where an absent selector selects nothing (a Service
 * without {@code spec.selector}), callers check {@link #isEmpty()} first.
 */
@Value.Immutable
public abstract class Selector {

  /** Set-based operators. */
  public enum Operator {
    /** The label is present and its value is one of the values. */
    IN,
    /** The label is absent, or its value is none of the values. */
    NOT_IN,
    /** The label is present, whatever its value. */
    EXISTS,
    /** The label is absent. */
    DOES_NOT_EXIST
  }

  /** One requirement of a selector. */
  @Value.Immutable
  public abstract static class Requirement {
    /** {@return the label key the requirement is about}. */
    @Value.Parameter
    public abstract String key();

    /** {@return how the label's value is tested}. */
    @Value.Parameter
    public abstract Operator operator();

    /** {@return the values for {@code In} and {@code NotIn}; empty for {@code Exists} and {@code DoesNotExist}}. */
    @Value.Parameter
    public abstract Set<String> values();

    /**
     * Tests the requirement as the API server does.
     *
     * @param labels an object's labels; not null
     * @return true when the requirement holds for them
     */
    public boolean matches(Map<String, String> labels) {
      String value = labels.get(key());
      switch (operator()) {
        case IN:
          return value != null && values().contains(value);
        case NOT_IN:
          return value == null || !values().contains(value);
        case EXISTS:
          return value != null;
        default:
          return value == null;
      }
    }

    /** {@return the requirement in kubectl's selector syntax: {@code tier in (a,b)}, {@code !canary}}. */
    @Override
    public String toString() {
      switch (operator()) {
        case EXISTS:
          return key();
        case DOES_NOT_EXIST:
          return "!" + key();
        default:
          String op = operator() == Operator.IN ? " in " : " notin ";
          return key() + op + "(" + String.join(",", new TreeSet<>(values())) + ")";
      }
    }
  }

  /** {@return the equality requirements, {@code key=value}; all must hold}. */
  public abstract Map<String, String> matchLabels();

  /** {@return the set-based requirements ({@code matchExpressions}), in their order; all must hold}. */
  public abstract List<Requirement> requirements();

  /**
   * A selector of equality requirements only, such as a Service's {@code spec.selector}.
   *
   * @param matchLabels the labels that must match; null is read as none
   * @return the selector, empty (matching everything) when there are none
   */
  public static Selector of(Map<String, String> matchLabels) {
    return ImmutableSelector.builder().matchLabels(matchLabels == null ? Map.of() : matchLabels).build();
  }

  /**
   * A builder, for selectors with set-based requirements.
   *
   * @return a new, empty builder
   */
  public static ImmutableSelector.Builder builder() {
    return ImmutableSelector.builder();
  }

  /**
   * Converts a fabric8 {@code LabelSelector}.
   *
   * @param selector the selector as read; null gives an empty selector
   * @return the selector
   * @throws IllegalArgumentException naming the offending requirement when an operator is unknown or its
   *     values do not fit it (In/NotIn need values, Exists/DoesNotExist take none)
   */
  public static Selector from(LabelSelector selector) {
    ImmutableSelector.Builder builder = builder();
    if (selector == null) {
      return builder.build();
    }
    if (selector.getMatchLabels() != null) {
      builder.matchLabels(selector.getMatchLabels());
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        builder.addRequirement(requirement(r));
      }
    }
    return builder.build();
  }

  private static Requirement requirement(LabelSelectorRequirement r) {
    String op = r.getOperator() == null ? "" : r.getOperator();
    List<String> values = r.getValues() == null ? List.of() : r.getValues();
    Operator operator;
    switch (op.toLowerCase(Locale.ROOT)) {
      case "in":
        operator = Operator.IN;
        break;
      case "notin":
        operator = Operator.NOT_IN;
        break;
      case "exists":
        operator = Operator.EXISTS;
        break;
      case "doesnotexist":
        operator = Operator.DOES_NOT_EXIST;
        break;
      default:
        throw new IllegalArgumentException("label selector requirement on key '" + Escape.terminal(r.getKey())
            + "' has operator '" + Escape.terminal(op) + "'; expected In, NotIn, Exists or DoesNotExist");
    }
    boolean needsValues = operator == Operator.IN || operator == Operator.NOT_IN;
    if (r.getKey() == null || r.getKey().isEmpty()) {
      throw new IllegalArgumentException("label selector requirement with operator '" + Escape.terminal(op)
          + "' has no key");
    }
    if (needsValues == values.isEmpty()) {
      throw new IllegalArgumentException("label selector requirement '" + Escape.terminal(r.getKey() + " " + op) + "' "
          + (needsValues ? "needs at least one value" : "must not have values"));
    }
    return ImmutableRequirement.of(r.getKey(), operator, values);
  }

  /**
   * Whether the selector has no requirement. It then matches everything; callers for which an absent selector
   * selects nothing test this first.
   *
   * @return true when there are neither match labels nor requirements
   */
  public boolean isEmpty() {
    return matchLabels().isEmpty() && requirements().isEmpty();
  }

  /**
   * Tests the selector as the API server does.
   *
   * @param labels an object's labels; null is read as no labels
   * @return true when every requirement holds for them
   */
  public boolean matches(Map<String, String> labels) {
    Map<String, String> actual = labels == null ? Map.of() : labels;
    for (Map.Entry<String, String> e : matchLabels().entrySet()) {
      if (!e.getValue().equals(actual.get(e.getKey()))) {
        return false;
      }
    }
    for (Requirement r : requirements()) {
      if (!r.matches(actual)) {
        return false;
      }
    }
    return true;
  }

  /** kubectl's form: {@code app=web,tier in (a,b)}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    new TreeMap<>(matchLabels()).forEach((k, v) -> parts.add(k + "=" + v));
    parts.addAll(requirements().stream().map(Requirement::toString).collect(Collectors.toList()));
    return String.join(",", parts);
  }
}
