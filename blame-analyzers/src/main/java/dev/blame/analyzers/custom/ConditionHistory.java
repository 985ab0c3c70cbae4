package dev.blame.analyzers.custom;

import dev.blame.api.spi.Condition;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A conditions list that repeats a type is not a map keyed by type, as Kubernetes' conditions are, but a history its
 * operator appends to: only its latest entry says how the object is now. Percona's operators append
 * {@code initializing}, {@code ready} and {@code error} entries (PerconaServerMongoDB), the RadonDB MySQL operator
 * {@code Initializing}, {@code Ready} and {@code Error}, KEDA's HTTP add-on one {@code Ready} entry per step of a
 * creation.
 */
final class ConditionHistory {

  private ConditionHistory() {}

  /**
   * The list as it says the object is now: a list whose types are all different is kept whole; a history is its latest
   * entry, by {@code lastTransitionTime} when every entry has one (a tie goes to the later written), else the last
   * written.
   */
  static List<Condition> current(List<Condition> conditions) {
    if (!repeatsType(conditions)) {
      return conditions;
    }
    Condition latest = conditions.get(conditions.size() - 1);
    if (conditions.stream().allMatch(c -> c.since().isPresent())) {
      latest = conditions.get(0);
      for (Condition c : conditions) {
        if (!c.since().get().isBefore(latest.since().get())) {
          latest = c;
        }
      }
    }
    return List.of(latest);
  }

  private static boolean repeatsType(List<Condition> conditions) {
    Set<String> seen = new HashSet<>();
    return conditions.stream().anyMatch(c -> !c.type().isEmpty() && !seen.add(c.type().toLowerCase(Locale.ROOT)));
  }
}
