package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;

/**
 * A part reported missing is a part lost, not the object missing. MISSING is the verdict of an object that does not
 * exist (Argo CD's and gitops-engine's {@code Missing}: "the resource is missing in the cluster"; an operator's own
 * top-level {@code state: NotFound}, Humio's resources whose remote counterpart is gone, training corpus). A missing
 * word in one entry of a list of parts (a node, a member, a target) says that part is gone while the object stands:
 * its controller cannot finish what the part was for, DEGRADED ({@code part:missing}), as a part {@code lost} is.
 * k0s Autopilot writes {@code SignalMissingNode} on the Plan's target node whose {@code ControlNode} or {@code Node}
 * vanished, an error state that ends the plan ({@code IncompleteTargets}; docs/autopilot-multicommand.md).
 */
final class MissingParts {

  static final String PART_MISSING = "part:missing";

  private MissingParts() {
  }

  static void read(List<Signal> signals) {
    for (ListIterator<Signal> it = signals.listIterator(); it.hasNext();) {
      Signal s = it.next();
      if (s.health() == Health.MISSING && s.condition().isEmpty() && s.field().contains("[")) {
        List<String> rules = new ArrayList<>(s.rules());
        rules.add(PART_MISSING);
        it.set(new Signal(Health.DEGRADED, s.field(), s.value(), s.condition(), rules));
      }
    }
  }
}
