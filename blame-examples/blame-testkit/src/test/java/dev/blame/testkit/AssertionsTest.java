package dev.blame.testkit;

import static dev.blame.testkit.BlameAssertions.assertThat;
import static dev.blame.testkit.BlameAssertions.deployment;
import static dev.blame.testkit.BlameAssertions.pod;
import static dev.blame.testkit.BlameAssertions.ref;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class AssertionsTest {

  private static final ReasonCode CRASH = ReasonCode.of("CrashLoopBackOff");
  private static final ObjectRef POD = pod("shop", "web-1");

  private static Finding crash(ObjectRef subject, Health health) {
    return Finding.builder().subject(subject).container("main").health(health).reason(CRASH)
        .message("Container [main] is in CrashLoopBackOff")
        .addEvidence(Evidence.field("status.containerStatuses[main].state.waiting", "CrashLoopBackOff")).build();
  }

  @Test
  void findingChainsNarrowAndNameWhatIsMissing() {
    Verdict verdict = Verdict.builder().health(Health.DEGRADED).status(ReconcileStatus.FAILED)
        .addFinding(crash(POD, Health.DEGRADED)).build();
    assertThat(verdict).isWellFormedFor(POD).hasHealth(Health.DEGRADED).hasStatus(ReconcileStatus.FAILED)
        .hasReasons(List.of(CRASH)).hasWorstFindingInContainer("main")
        .hasFinding(CRASH).withContainer("main").about(POD).withMessageContaining("CrashLoopBackOff")
        .withEvidenceOfKind(Evidence.Kind.FIELD);
    assertThatThrownBy(() -> assertThat(verdict).hasFinding(CRASH).withContainer("sidecar"))
        .hasMessageContaining("with reason CrashLoopBackOff in container sidecar")
        .hasMessageContaining("CrashLoopBackOff <- [status.containerStatuses[main].state.waiting");
    assertThatThrownBy(() -> assertThat(verdict).hasHealth(Health.HEALTHY))
        .hasMessageContaining("expected health HEALTHY but was DEGRADED");
  }

  @Test
  void wellFormedMeansEvidenceAndHealthNoBetterThanTheSubjectsWorstFinding() {
    Verdict tooGood = Verdict.builder().health(Health.PROGRESSING).status(ReconcileStatus.IN_PROGRESS)
        .addFinding(crash(POD, Health.DEGRADED)).build();
    assertThatThrownBy(() -> assertThat(tooGood).isWellFormedFor(POD)).hasMessageContaining("better than");
    // A finding lifted from a child may be worse than the parent's health.
    assertThat(tooGood).isWellFormedFor(deployment("shop", "web"));
    Verdict noEvidence = Verdict.unknown(POD, ReasonCode.NO_ANALYZER, "no analyzer");
    assertThatThrownBy(() -> assertThat(noEvidence).isWellFormed()).hasMessageContaining("without evidence");
  }

  @Test
  void referencesReadKubectlLikeText() {
    Assertions.assertThat(ref("Deployment.apps/shop/web")).isEqualTo(deployment("shop", "web"));
    Assertions.assertThat(ref("Pod/web-1")).isEqualTo(pod("web-1"));
    Assertions.assertThat(ref("PersistentVolume//pv-1"))
        .isEqualTo(ObjectRef.of(GroupKind.PERSISTENT_VOLUME, "", "pv-1"));
    assertThatThrownBy(() -> ref("web")).hasMessageContaining("Kind[.group]/namespace/name");
  }
}
