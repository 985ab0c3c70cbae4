package dev.blame.analyzers.workload;

import static dev.blame.analyzers.workload.WorkloadReasons.CRASH_LOOP_BACK_OFF;
import static dev.blame.analyzers.workload.WorkloadReasons.IMAGE_PULL_BACK_OFF;
import static dev.blame.analyzers.workload.WorkloadReasons.OOM_KILLED;
import static dev.blame.analyzers.workload.WorkloadReasons.UNSCHEDULABLE;
import static dev.blame.testkit.BlameAssertions.assertThat;
import static dev.blame.testkit.BlameAssertions.deployment;
import static dev.blame.testkit.BlameAssertions.pod;

import dev.blame.api.Health;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.testkit.BlameFixture;
import dev.blame.testkit.PodScenario;
import dev.blame.testkit.Scenarios;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The testkit's scenario builders through every real analyzer: variations the YAML tables need not repeat. */
class PodScenariosTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("crash-looping", (UnaryOperator<PodScenario>) PodScenario::crashLooping, CRASH_LOOP_BACK_OFF),
        Arguments.of("image pull failing", (UnaryOperator<PodScenario>) PodScenario::imagePullFailing,
            IMAGE_PULL_BACK_OFF),
        Arguments.of("OOMKilled", (UnaryOperator<PodScenario>) PodScenario::oomKilled, OOM_KILLED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void aFailingContainerIsTheCulpritOfItsDeployment(String name, UnaryOperator<PodScenario> failure,
      ReasonCode reason) {
    var web = Scenarios.deployment("shop", "web").replicas(3).pod(0, failure);
    var why = BlameFixture.objects(web.objects()).explain(deployment("shop", "web"));
    assertThat(why).isWellFormed().hasHealth(Health.DEGRADED)
        .hasCulprit(pod("shop", web.podNames().get(0))).withReason(reason).withContainer("main");
  }

  @Test
  void aPodUnschedulableForTenMinutesIsDegraded() {
    var pending = Scenarios.pod("shop", "db-0").unschedulable().build();
    assertThat(BlameFixture.objects(pending).verdict(pod("shop", "db-0")))
        .isWellFormedFor(pod("shop", "db-0")).hasHealth(Health.DEGRADED).hasStatus(ReconcileStatus.FAILED)
        .hasFinding(UNSCHEDULABLE).withEvidence("status.conditions[PodScheduled]", "Insufficient cpu");
  }

  @Test
  void aHealthyDeploymentHasNoCulprits() {
    var web = Scenarios.deployment("shop", "web").replicas(2);
    assertThat(BlameFixture.objects(web.objects()).explain(deployment("shop", "web")))
        .isWellFormed().hasHealth(Health.HEALTHY).hasStatus(ReconcileStatus.CURRENT).hasNoCulprits();
  }
}
