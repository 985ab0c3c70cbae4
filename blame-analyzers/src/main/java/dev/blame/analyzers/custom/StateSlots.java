package dev.blame.analyzers.custom;

import dev.blame.api.spi.Condition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A condition used as a slot for a state word: its type names a status or a state, not a state to reach, and the
 * operator writes the state itself into it as a word. Kubeflow Pipelines' PipelineVersion keeps
 * {@code PipelineVersionStatus=True} with reason {@code READY} (KEP-11551, the CRD's default status); the Portworx
 * operator keeps {@code RuntimeState} with the runtime's state as the condition's status ({@code status: Online}). The
 * word is read as a phase is ({@link StatusWords}): from the reason while the slot is True (True says only that the
 * slot is filled), from the status when the status is itself a word. A False or Unknown slot (the standard
 * statuses), or a word we do not know, says nothing here, and the condition is read as any other.
 */
final class StateSlots {

  /** Last words of a type naming the slot, not its content ({@code PipelineVersionStatus}, {@code RuntimeState}). */
  private static final Set<String> SLOTS = Set.of("status", "state");
  private static final String RULE = "type:state-slot";

  private StateSlots() {}

  /** What the state word in this slot means; empty when the type is not a slot or the word is not one we know. */
  static Optional<Meaning> read(Condition c, List<String> typeWords) {
    if (typeWords.size() < 2 || !SLOTS.contains(typeWords.get(typeWords.size() - 1)) || c.isFalse()
        || "unknown".equalsIgnoreCase(c.status())) {
      return Optional.empty();
    }
    String word = c.isTrue() ? c.reason() : c.status();
    return StatusWords.read(word).map(m -> new Meaning(m.health(), List.of(RULE, m.rules().get(0))));
  }
}
