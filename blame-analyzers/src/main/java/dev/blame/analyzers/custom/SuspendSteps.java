package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Unstructured;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Steps of a run that wait for someone to resume it: a part of the status ({@code status.nodes.<id>},
 * {@code status.workflow.steps[]}) whose {@code type} is the suspend step of a workflow engine and whose
 * {@code phase} says it has not finished. While such a step waits, the run it belongs to is held on purpose, not at
 * work: Argo Workflows keeps a node {@code type: Suspend} in {@code phase: Running} (its UI reads exactly that as a
 * suspended workflow, and the CLI prints {@code Running (Suspended)}), KubeVela a workflow step {@code type: suspend}
 * in {@code phase: suspending}. A suspend step that succeeded (resumed) or failed says nothing here. Pure: no I/O.
 */
final class SuspendSteps {

  static final String RULE = "step:suspend-waiting";
  /** The type word of a step that waits to be resumed, as the workflow engines name it. */
  private static final String SUSPEND = "suspend";
  /** Phases of a step that has not finished: still running, or waiting. */
  private static final Set<String> UNFINISHED = Set.of("running", "suspending", "suspended", "pending", "waiting");

  private SuspendSteps() {}

  /** The suspension a part of the status says, if it is a suspend step that has not finished. */
  static Optional<Signal> read(Unstructured part, String path) {
    List<String> type = ConditionVocabulary.words(part.string("type"));
    String phase = part.string("phase");
    if (type.size() != 1 || !type.get(0).equals(SUSPEND)
        || !UNFINISHED.contains(phase.toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of(new Signal(Health.SUSPENDED, path + ".phase", phase, Optional.empty(), List.of(RULE)));
  }
}
