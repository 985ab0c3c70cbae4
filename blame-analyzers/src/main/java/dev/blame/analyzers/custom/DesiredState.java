package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Unstructured;
import java.util.List;

/**
 * A state of standing still the status reports while the spec asks for another state: not a pause, the object is not
 * yet where the user wants it (kstatus' rule, desired against observed). Operators that let the user name the state
 * keep the asked and the reached one under one name: VMware's VM Operator ({@code spec.powerState: PoweredOn} beside
 * {@code status.powerState: PoweredOff} while it powers on, or after the guest shut down), Hive's ClusterDeployment
 * ({@code spec.powerState: Running} beside {@code status.powerState: Hibernating} while it resumes). Asked for a pause
 * word as well ({@link PauseFlags}), or asking nothing under that name, the status' word stands.
 */
final class DesiredState {

  private DesiredState() {}

  /** {@code signals} with each status-field pause the spec asks otherwise read as a change still to be made. */
  static void unreached(Unstructured object, List<Signal> signals) {
    Unstructured spec = object.child("spec");
    signals.replaceAll(s -> s.health() == Health.SUSPENDED && s.condition().isEmpty() && s.field().startsWith("status.")
        && s.field().indexOf('.', "status.".length()) < 0 && askedOtherwise(spec, s)
        ? s.reread(Health.PROGRESSING, List.of("spec:desired-state-unreached"))
        : s);
  }

  private static boolean askedOtherwise(Unstructured spec, Signal signal) {
    String asked = spec.string(signal.field().substring("status.".length()));
    String reached = signal.value();
    return !asked.isBlank() && !StatusWords.normal(asked).equals(StatusWords.normal(reached))
        && StatusWords.read(asked).filter(m -> m.health() == Health.SUSPENDED).isEmpty();
  }
}
