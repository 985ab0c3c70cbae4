package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The training run checks what it runs: each run it makes must answer, else it exits 3 and the launcher keeps no
 * archive. Here (classes, not the jar) its live part cannot start a child JVM, so it fails there, after every
 * offline run answered.
 */
class TrainCommandTest {

  @Test
  void everyOfflineRunAnswersAndALivePartThatCannotRunFailsTheTraining() {
    Run run = Run.withBuiltInAnalyzers("__train");
    assertThat(run.out()).isEmpty();
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err()).isEqualTo(
        "error: training run: the live part did not run: not run from a jar with a java binary beside it\n");
  }
}
