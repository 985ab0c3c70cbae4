package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Unstructured;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A list named {@code errors} whose entries are the errors the operator is stuck on: strings, or objects carrying the
 * text in {@code message} or {@code errorMessage}. OPA Gatekeeper keeps each pod's errors so
 * ({@code status.byPod[].errors[]}: {@code {code, message}} for a constraint template the pod could not ingest,
 * {@code {type, message}} for a mutator whose schema conflicts with another's); Config Sync keeps the errors of each
 * stage of a sync so ({@code status.source.errors[]}, {@code status.sync.errors[]}: {@code {code, errorMessage}}). A
 * non-empty one is the failure (DEGRADED), unless a true readiness or in-force flag sits beside it in the same map (the
 * object got past it, as with a single {@code error}). A count ({@code errors: 5}, Velero's) is not a list and is not
 * read here.
 */
final class ErrorLists {

  static final String RULE = "field:errors";

  private ErrorLists() {
  }

  static boolean named(String key) {
    return key.equals("errors");
  }

  static Optional<Signal> read(Unstructured map, String key, String field) {
    Optional<String> first = Stream.concat(map.list(key).stream().map(ErrorLists::text), map.strings(key).stream())
        .filter(t -> !t.isBlank()).findFirst();
    boolean pastIt = map.entries().stream().anyMatch(e -> Boolean.TRUE.equals(e.getValue())
        && (StatusSignals.goodWhenTrue(e.getKey()) || PolicyReports.isInForceFlag(e.getKey())));
    return first.filter(t -> !pastIt)
        .map(t -> new Signal(Health.DEGRADED, field, t, Optional.empty(), List.of(RULE)));
  }

  private static String text(Unstructured entry) {
    String message = entry.string("message");
    return message.isBlank() ? entry.string("errorMessage") : message;
  }
}
