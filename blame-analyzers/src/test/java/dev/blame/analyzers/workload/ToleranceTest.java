package dev.blame.analyzers.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.blame.testkit.BlameAssertions.pod;

import dev.blame.api.Health;
import dev.blame.api.Tolerance;
import dev.blame.testkit.BlameFixture;
import dev.blame.testkit.Scenarios;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The engine's {@link Tolerance} reaches the analyzers' terminal-vs-transient judgement: the grace window
 * replaces the fixed ones and the allowed restarts the "second crash fails" rule. The fixtures' last crash
 * ended 65 s before "now"; their pods started 9 minutes before it.
 */
class ToleranceTest {

  private static Health health(Pod pod, Tolerance tolerance) {
    return BlameFixture.objects(pod).configure(b -> b.tolerance(tolerance))
        .verdict(pod(pod.getMetadata().getNamespace(), pod.getMetadata().getName())).health();
  }

  private static Tolerance grace(Duration grace, int restarts) {
    return Tolerance.builder().grace(grace).allowedRestarts(restarts).build();
  }

  @Test
  void aCrashWithinTheGraceAndTheAllowedRestartsIsStillTransient() {
    Pod once = Scenarios.pod("shop", "web-0").crashLooping(1).build();
    assertThat(health(once, Tolerance.defaults())).isEqualTo(Health.DEGRADED);
    assertThat(health(once, grace(Duration.ofMinutes(2), 1))).isEqualTo(Health.PROGRESSING);
    assertThat(health(once, grace(Duration.ZERO, 1))).isEqualTo(Health.DEGRADED);

    Pod thrice = Scenarios.pod("shop", "web-1").crashLooping(3).build();
    assertThat(health(thrice, grace(Duration.ofMinutes(5), 3))).isEqualTo(Health.PROGRESSING);
    assertThat(health(thrice, grace(Duration.ofMinutes(5), 2))).isEqualTo(Health.DEGRADED);
  }

  @Test
  void theGraceReplacesTheWaitingAndUnschedulableWindows() {
    Pod pulling = Scenarios.pod("shop", "web-2").imagePullFailing().build();
    assertThat(health(pulling, Tolerance.defaults())).isEqualTo(Health.DEGRADED);
    assertThat(health(pulling, grace(Duration.ofMinutes(15), 1))).isEqualTo(Health.PROGRESSING);

    Pod pending = Scenarios.pod("shop", "db-0").unschedulable().build();
    assertThat(health(pending, Tolerance.defaults())).isEqualTo(Health.DEGRADED);
    assertThat(health(pending, grace(Duration.ofHours(2), 1))).isEqualTo(Health.PROGRESSING);
  }

  @Test
  void aNegativeGraceIsRefused() {
    assertThatThrownBy(() -> grace(Duration.ofSeconds(-1), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grace");
  }
}
