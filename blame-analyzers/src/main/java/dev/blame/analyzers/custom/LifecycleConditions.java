package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Unstructured;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Operators that keep one condition per lifecycle state and name the present one in the object's own state field
 * ({@code status.phase}, {@code state} or {@code status}): the True condition of a creation step
 * ({@link ConditionTimeline#CREATION_STEPS}: {@code Pending}, {@code Provisioning}) beside the True good condition the
 * state field names is a step done, even when no times order them. The Hyperledger Fabric operator writes a condition
 * typed by each state its {@code status.status} takes ({@code DEPLOYED}, {@code PENDING}, {@code RUNNING}, each True,
 * with no transition time) and keeps the earlier ones; Percona's operators keep their lifecycle conditions the same way
 * ({@code initializing} True beside {@code ready}) under {@code state: ready}. Where times order the conditions,
 * {@link ConditionTimeline#olderProgress} reads them; a state field that names no True good condition of the list says
 * nothing here, and a failure beside it is never dropped.
 */
final class LifecycleConditions {

  /** The object's own state fields, read at the top of {@code status}. */
  private static final List<String> STATE_FIELDS = List.of("phase", "state", "status");

  private LifecycleConditions() {}

  static void pastSteps(Unstructured object, List<Signal> signals) {
    Optional<String> present = presentState(object);
    if (present.isEmpty()) {
      return;
    }
    List<Condition> named = signals.stream().filter(sg -> sg.health() == Health.HEALTHY)
        .flatMap(sg -> sg.condition().stream())
        .filter(c -> c.isTrue() && c.type().toLowerCase(Locale.ROOT).equals(present.get())).toList();
    if (named.isEmpty()) {
      return;
    }
    signals.removeIf(sg -> sg.health() == Health.PROGRESSING && sg.condition().filter(Condition::isTrue)
        .filter(c -> named.stream().anyMatch(n -> n.path().equals(c.path())))
        .filter(c -> isStep(sg)).isPresent());
  }

  private static boolean isStep(Signal sg) {
    return sg.rules().stream().anyMatch(r -> Rules.Family.TYPE_PROGRESS.detail(r)
        .filter(ConditionTimeline.CREATION_STEPS::contains).isPresent());
  }

  /** The one word of the object's own state field, lower case; empty when there is none or it is not one word. */
  private static Optional<String> presentState(Unstructured object) {
    Unstructured status = object.child("status");
    return STATE_FIELDS.stream().map(status::string).filter(v -> !v.isEmpty() && v.indexOf(' ') < 0)
        .map(v -> v.toLowerCase(Locale.ROOT)).findFirst();
  }
}
