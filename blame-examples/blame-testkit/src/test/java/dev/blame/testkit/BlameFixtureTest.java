package dev.blame.testkit;

import static dev.blame.testkit.BlameAssertions.assertThat;
import static dev.blame.testkit.BlameAssertions.pod;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blame.api.Blame;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class BlameFixtureTest {

  private static final ReasonCode CRASH = ReasonCode.of("CrashLoopBackOff");

  @Test
  void loadsAClassPathResourceWithAFixedClockAndTheChosenAnalyzers() {
    try (Blame blame = BlameFixture.load("scenarios/crashloop.yaml").at("2026-11-22T12:00:15Z")
        .analyzers(new WaitingAnalyzer()).build()) {
      Assertions.assertThat(blame.analyzers()).extracting(a -> a.id()).containsExactly("testkit.Waiting");
      assertThat(blame.verdict(pod("shop", "db-0")).orElseThrow())
          .hasHealth(Health.DEGRADED).hasStatus(ReconcileStatus.FAILED)
          .hasMessage("judged at 2026-11-22T12:00:15Z")
          .hasFinding(CRASH).withContainer("main")
          .withEvidence("status.containerStatuses[main].state.waiting", "CrashLoopBackOff");
    }
  }

  @Test
  void observedKindsTurnAnAbsentOwnerIntoAFinding() {
    var fixture = BlameFixture.load("scenarios/crashloop.yaml").analyzers(new WaitingAnalyzer());
    assertThat(fixture.verdict(pod("shop", "db-0"))).findings().withReason(CRASH);
    assertThat(fixture.observe(GroupKind.STATEFUL_SET).verdict(pod("shop", "db-0")))
        .hasFinding(ReasonCode.OWNER_NOT_FOUND).about(pod("shop", "db-0"));
  }

  @Test
  void loadsFilesFoldersInlineTextAndObjectsTogether(@TempDir Path dir) throws Exception {
    Files.copy(Path.of(getClass().getResource("/scenarios/crashloop.yaml").toURI()), dir.resolve("a.yaml"));
    Files.writeString(dir.resolve("expected.yaml"), "subject: not a manifest\n");
    try (Blame blame = BlameFixture.folder(dir)
        .andYaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\n")
        .andObjects(Scenarios.deployment("shop", "web").objects())
        .analyzers(new WaitingAnalyzer()).build()) {
      Assertions.assertThat(blame.kinds()).contains(GroupKind.POD, GroupKind.CONFIG_MAP, GroupKind.DEPLOYMENT);
      Assertions.assertThat(blame.list(GroupKind.POD, "shop")).hasSize(2);
    }
  }

  @Test
  void aMissingResourceOrFileIsNamed() {
    assertThatThrownBy(() -> BlameFixture.load("scenarios/nope.yaml"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scenarios/nope.yaml");
  }

  @Test
  void verdictOfAnAbsentObjectFailsTheTest() {
    assertThatThrownBy(() -> BlameFixture.load("scenarios/crashloop.yaml").analyzers(new WaitingAnalyzer())
        .verdict(pod("shop", "db-1"))).isInstanceOf(AssertionError.class).hasMessageContaining("db-1");
  }

  @TestFactory
  Stream<DynamicTest> caseTable() {
    var cases = CaseTable.resource("/cases").fixture(f -> f.analyzers(new WaitingAnalyzer())).cases();
    Assertions.assertThat(cases).hasSize(1);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), c::verify));
  }
}
