package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Unstructured;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The object's own failures kept as records rather than counted, when they are all its status says: a non-empty list
 * or map named {@code failures} at the top of a status that holds no state of its own beside it (no condition, no
 * phase, state or status word, no readiness flag; times only). kube-fledged's ImageCache is left so when every pull
 * job of the cache failed or expired ({@code status.failures}: image to a list of {@code {node, reason, message}},
 * beside {@code completionTime}, kube-fledged issues 98 and 205). A count of that name is a failure
 * ({@code failures: 2}, Pulumi's, SPIRE's {@code entryFailures}); its records say the same when nothing else is said,
 * with the count's exception: parts still running beside them ({@code active}, {@code running}) are a retry under way.
 * Beside a state of its own the records are history and the state decides: actions-runner-controller's EphemeralRunner
 * keeps each failed start of its pod in {@code status.failures} (pod uid to time) and says {@code phase: Failed} itself
 * after the fifth. Only the status' own field: records nested in a part's report (a test step's failures, some
 * muted) are that part's. A map that holds numbers is a tally, not records ({@code failures: {total: 0, consecutive:
 * 0}}, as the count {@code failures: 0} is): it records as many failures as its numbers above zero, none when all are
 * zero, whatever times or words stand beside them.
 */
final class FailureRecords {

  static final String RULE = Rules.Family.COUNTER.of("failure-records");
  private static final List<String> RUNNING_COUNTERS = List.of("active", "running");

  private FailureRecords() {
  }

  static boolean named(String key, int depth) {
    return depth == 0 && key.equals("failures");
  }

  /** The records of a map by part, or the failures its counts above zero say when it is a tally. */
  private static int records(Map<?, ?> byPart) {
    List<Number> counts = byPart.values().stream().filter(Number.class::isInstance).map(Number.class::cast).toList();
    if (counts.isEmpty()) {
      return byPart.size();
    }
    return (int) counts.stream().filter(n -> n.doubleValue() > 0).count();
  }

  static Optional<Signal> read(Unstructured map, String field, Object value) {
    int records = value instanceof Map<?, ?> byPart ? records(byPart) : value instanceof List<?> list ? list.size() : 0;
    if (records == 0) {
      return Optional.empty();
    }
    boolean stateBeside = map.entries().stream().anyMatch(e -> e.getValue() instanceof List<?> list && !list.isEmpty()
        && e.getKey().equals("conditions")
        || e.getValue() instanceof String text && !text.isBlank() && StatusWords.isStatusField(e.getKey())
        || e.getValue() instanceof Boolean && StatusSignals.goodWhenTrue(e.getKey()));
    if (stateBeside) {
      return Optional.empty();
    }
    boolean retrying = RUNNING_COUNTERS.stream().anyMatch(r -> map.number(r).filter(n -> n > 0).isPresent());
    return Optional.of(new Signal(retrying ? Health.PROGRESSING : Health.DEGRADED, field, records + " recorded",
        Optional.empty(), List.of(retrying ? Rules.Family.COUNTER.of("failed-retrying") : RULE)));
  }
}
