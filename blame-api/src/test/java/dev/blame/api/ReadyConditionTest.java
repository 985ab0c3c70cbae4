package dev.blame.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The condition changes with the verdict, not with the counts in findings' messages. */
class ReadyConditionTest {

  static final ObjectRef APP = ObjectRef.of(GroupKind.DEPLOYMENT, "shop", "web");
  static final ObjectRef POD = ObjectRef.of(GroupKind.POD, "shop", "web-6b7d-abcde");
  static final ReasonCode CRASH = ReasonCode.of("CrashLoopBackOff");

  static Explanation explanation(Health health, String summary, Finding... culprits) {
    Verdict verdict = Verdict.builder().health(health).status(ReconcileStatus.IN_PROGRESS).message(summary)
        .addFindings(culprits).build();
    BlameTree root = BlameTree.builder().ref(APP).verdict(verdict).build();
    return Explanation.builder().target(APP).found(true).verdict(verdict).causes(root).effects(root)
        .addCulprits(culprits).at(Instant.parse("2026-11-22T12:00:00Z")).build();
  }

  static Finding crash(int restarts) {
    return Finding.builder().subject(POD).health(Health.DEGRADED).reason(CRASH)
        .message("Container [web] is crash-looping (" + restarts + " restarts)")
        .revision(RevisionRef.of(APP, 2)).build();
  }

  @Test
  void restartCountsChangeTheDetailButNotTheCondition() {
    ReadyCondition two = ReadyCondition.of(explanation(Health.DEGRADED, "1 of 1 new pods failing", crash(2)));
    ReadyCondition five = ReadyCondition.of(explanation(Health.DEGRADED, "1 of 1 new pods failing", crash(5)));

    assertThat(two.status()).isEqualTo("False");
    assertThat(two.reason()).isEqualTo("CrashLoopBackOff");
    assertThat(two.message()).isEqualTo("pod web-6b7d-abcde is CrashLoopBackOff since revision 2");
    assertThat(two.sameVerdict(five)).isTrue();
    assertThat(two.detail()).isNotEqualTo(five.detail()).contains("2 restarts");
  }

  @Test
  void aNewVerdictIsANewCondition() {
    ReadyCondition failing = ReadyCondition.of(explanation(Health.DEGRADED, "failing", crash(2)));
    ReadyCondition healthy = ReadyCondition.of(explanation(Health.HEALTHY, "1 of 1 replicas available"));
    ReadyCondition unknown = ReadyCondition.of(explanation(Health.UNKNOWN, "no analyzer"));

    assertThat(healthy.isTrue()).isTrue();
    assertThat(healthy.reason()).isEqualTo("Available");
    assertThat(unknown.status()).isEqualTo("Unknown");
    assertThat(unknown.reason()).isEqualTo("Unknown");
    assertThat(failing.sameVerdict(healthy)).isFalse();
    assertThat(healthy.sameVerdict(null)).isFalse();
  }
}
