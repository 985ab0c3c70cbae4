package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Unstructured;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of a check kept as a boolean, in a field named for an outcome ({@code configCheckResult},
 * {@code expressionResult}: the last word {@code result}, {@code verdict}, {@code outcome}) or as a map of such
 * booleans by what was checked ({@code configCheckResults: {<checksum>: false}}). False, the check failed and what it
 * checked is refused ({@code outcome:flag-false}, DEGRADED): the Kaasops Vector Operator's pipelines
 * ({@code configCheckResult: false} with the {@code reason}), the Logging operator's {@code Logging} (one entry per
 * configuration checksum), gitops-promoter's {@code GitCommitStatus} environments ({@code expressionResult: false});
 * true, it passed ({@code outcome:flag-true}, HEALTHY, which any other signal outranks). A word as the outcome is read
 * by {@link StatusSignals} as a status word; a flag that asks about having one ({@code hasResult}) is none.
 */
final class OutcomeFlags {

  private static final Set<String> OUTCOME = Set.of("result", "verdict", "outcome");
  private static final Set<String> OUTCOMES = Set.of("results", "verdicts", "outcomes");
  private static final Set<String> NOT_OUTCOME = Set.of("has", "is", "no", "show", "include", "keep", "max");

  private OutcomeFlags() {
  }

  static void read(Unstructured map, String path, List<Signal> signals) {
    for (Map.Entry<String, Object> entry : map.entries()) {
      String key = entry.getKey();
      if (entry.getValue() instanceof Boolean passed && named(key, OUTCOME)) {
        add(passed, path + "." + key, passed.toString(), signals);
      } else if (entry.getValue() instanceof Map<?, ?> byCheck && !byCheck.isEmpty() && named(key, OUTCOMES)
          && allFlags(byCheck.values())) {
        boolean passed = byCheck.values().stream().allMatch(Boolean.TRUE::equals);
        add(passed, path + "." + key, byCheck.toString(), signals);
      }
    }
  }

  private static boolean named(String key, Set<String> last) {
    List<String> words = ConditionVocabulary.words(key);
    return words.size() > 1 && last.contains(StatusSignals.last(words)) && !NOT_OUTCOME.contains(words.get(0));
  }

  private static boolean allFlags(Collection<?> values) {
    return values.stream().allMatch(v -> v instanceof Boolean);
  }

  private static void add(boolean passed, String field, String value, List<Signal> signals) {
    signals.add(new Signal(passed ? Health.HEALTHY : Health.DEGRADED, field, value, Optional.empty(),
        List.of(passed ? "outcome:flag-true" : "outcome:flag-false")));
  }
}
