package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Unstructured;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A policy's report that it is in force: {@code enforced} or {@code enforcing} true. OPA Gatekeeper writes
 * {@code enforced} in each pod's report of a constraint or a mutator ({@code status.byPod[].enforced}: the pod has
 * the object in its engine; Gatekeeper's constraints once kept one {@code status.enforced}); Cilium writes
 * {@code enforcing} in each node's report of a CiliumNetworkPolicy ({@code status.nodes.<node>.enforcing}: "set to
 * true once all endpoints present at the time the policy has been imported are enforcing this policy"). True is the
 * policy at work (HEALTHY); false says nothing (Go's {@code omitempty} drops it, and an observe or dry-run mode keeps
 * it false on purpose). A report that names the generation it is for ({@code observedGeneration} beside the flag,
 * Gatekeeper's pods) and names an older one than the object's is of an earlier spec: the edit is not in force yet
 * (PROGRESSING), as kstatus reads a condition stamped with an older generation.
 */
final class PolicyReports {

  private static final Set<String> IN_FORCE = Set.of("enforced", "enforcing");
  /** The report is of the current spec. */
  static final String IN_FORCE_RULE = "bool:in-force";
  /** The report is of an older generation than the object's. */
  static final String STALE_RULE = "generation:report-stale";

  private PolicyReports() {
  }

  static boolean isInForceFlag(String name) {
    return IN_FORCE.contains(name.toLowerCase(Locale.ROOT));
  }

  /** What an in-force flag of value {@code flag} says, in {@code map} at {@code field}. */
  static Optional<Signal> read(Unstructured map, String field, boolean flag, long generation) {
    if (!flag) {
      return Optional.empty();
    }
    boolean stale = generation > 0 && map.number("observedGeneration").filter(g -> g < generation).isPresent();
    return Optional.of(new Signal(stale ? Health.PROGRESSING : Health.HEALTHY, field,
        stale ? "true for generation " + map.number("observedGeneration").orElse(0L) + " of " + generation : "true",
        Optional.empty(), List.of(stale ? STALE_RULE : IN_FORCE_RULE)));
  }
}
