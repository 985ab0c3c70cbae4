package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import java.util.List;

/**
 * A failure reported for the current generation while {@code status.observedGeneration} lags behind it. Kubernetes'
 * {@code metav1.Condition} carries its own {@code observedGeneration}, "the .metadata.generation that the condition
 * was set based upon": a condition stamped with the object's generation is a report on the current spec, whatever
 * the status-wide field says. Operators that advance {@code status.observedGeneration} only when a reconcile succeeds
 * (StreamNative's Pulsar Resources Operator for its tenants, namespaces and topics; NACK and the RabbitMQ messaging
 * topology operator advance it so too, without stamping their conditions) leave it behind on a failure; the failure
 * they stamp is then what the object is in, not a change still to be observed. Without such a stamp the lag stays
 * work under way (kstatus): an old failure beside a new spec may be one the new spec fixes.
 */
final class CurrentFailure {

  private CurrentFailure() {}

  /** Whether a signal is a failure read from a condition written for {@code generation}. */
  static boolean reported(List<Signal> signals, long generation) {
    return signals.stream().anyMatch(s -> s.health() == Health.DEGRADED
        && s.condition().flatMap(c -> c.observedGeneration()).filter(og -> og == generation).isPresent());
  }
}
