package dev.blame.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Blame;
import dev.blame.api.BlameTree;
import dev.blame.api.EdgeKind;
import dev.blame.api.Explanation;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.core.testing.ChildrenAnalyzer;
import dev.blame.testkit.WaitingContainersAnalyzer;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The talk's scenario, loaded from a dump, explained through the public API. */
class TalkScenarioTest {

  static final ObjectRef DEPLOYMENT = ObjectRef.of(GroupKind.DEPLOYMENT, "demo", "my-busybox");
  static final ObjectRef NEW_RS = ObjectRef.of(GroupKind.REPLICA_SET, "demo", "my-busybox-v10");
  static final ObjectRef OLD_RS = ObjectRef.of(GroupKind.REPLICA_SET, "demo", "my-busybox-v9");
  static final ObjectRef NEW_POD = ObjectRef.of(GroupKind.POD, "demo", "my-busybox-pod-v10");
  static final ObjectRef OLD_POD = ObjectRef.of(GroupKind.POD, "demo", "my-busybox-pod-v9");

  private Blame blame;

  @BeforeEach
  void load() throws URISyntaxException {
    blame = BlameEngine.builder()
        .discoverAnalyzers(false)
        .addAnalyzer(new WaitingContainersAnalyzer())
        .addAnalyzer(new ChildrenAnalyzer())
        .clock(Clock.fixed(Instant.parse("2026-11-22T12:00:15Z"), ZoneOffset.UTC))
        .manifests(Path.of(getClass().getResource("/scenarios/talk.yaml").toURI()))
        .build();
  }

  @AfterEach
  void close() {
    blame.close();
  }

  @Test
  void deploymentEffectsAreItsReplicaSetsAndTheirPods() {
    Explanation why = blame.explain(DEPLOYMENT);

    assertThat(why.found()).isTrue();
    assertThat(why.target().uid()).contains("d0000000-0000-0000-0000-000000000001");
    BlameTree effects = why.effects();
    assertThat(effects.children()).extracting(BlameTree::ref).containsExactly(NEW_RS, OLD_RS);
    assertThat(effects.children()).allSatisfy(rs -> assertThat(rs.via()).contains(EdgeKind.OWNS));
    assertThat(effects.find(NEW_RS).orElseThrow().children()).extracting(BlameTree::ref).containsExactly(NEW_POD);
    assertThat(effects.find(OLD_RS).orElseThrow().children()).extracting(BlameTree::ref).containsExactly(OLD_POD);
    assertThat(why.causes().children()).isEmpty();
  }

  @Test
  void deploymentIsDegradedBecauseItsNewPodCrashes() {
    Explanation why = blame.explain(DEPLOYMENT);

    assertThat(why.health()).isEqualTo(Health.DEGRADED);
    assertThat(why.culprits()).singleElement().satisfies(culprit -> {
      assertThat(culprit.subject()).isEqualTo(NEW_POD);
      assertThat(culprit.container()).contains("main");
      assertThat(culprit.reason()).isEqualTo(ReasonCode.of("CrashLoopBackOff"));
    });
    // Worst first: the crash, then the owners it makes fail, then the old pod going away.
    assertThat(why.findings()).extracting(Finding::health).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(why.findings()).extracting(Finding::subject).startsWith(NEW_POD).contains(NEW_RS, DEPLOYMENT);
    assertThat(why.effects().find(OLD_POD).orElseThrow().verdict().health()).isEqualTo(Health.PROGRESSING);
  }

  @Test
  void crashingPodIsCausedByItsReplicaSetAndDeployment() {
    Explanation why = blame.explain(NEW_POD);

    BlameTree causes = why.causes();
    assertThat(causes.children()).extracting(BlameTree::ref).containsExactly(NEW_RS);
    assertThat(causes.children().get(0).children()).extracting(BlameTree::ref).containsExactly(DEPLOYMENT);
    assertThat(why.effects().children()).isEmpty();
    assertThat(why.culprits()).extracting(Finding::subject).containsExactly(NEW_POD);
    assertThat(causes.events()).singleElement().satisfies(event -> {
      assertThat(event.reason()).isEqualTo("BackOff");
      assertThat(event.isWarning()).isTrue();
      assertThat(event.count()).isEqualTo(2);
    });
  }

  @Test
  void eventsAttachToWhatTheyAreAboutAndAreNotNodes() {
    assertThat(blame.kinds()).containsExactlyInAnyOrder(GroupKind.DEPLOYMENT, GroupKind.REPLICA_SET, GroupKind.POD);
    assertThat(blame.explain(DEPLOYMENT).causes().events()).extracting(e -> e.reason())
        .containsExactly("ScalingReplicaSet");
    assertThat(blame.explain(NEW_RS).causes().events()).extracting(e -> e.reason())
        .containsExactly("SuccessfulCreate");
  }

  @Test
  void findingQueriesNarrowFluently() {
    assertThat(blame.findings().atLeast(Health.DEGRADED).list()).extracting(Finding::subject)
        .containsExactly(NEW_POD, DEPLOYMENT, NEW_RS);
    assertThat(blame.findings().ofKind(GroupKind.POD).inNamespace("demo").list()).extracting(Finding::subject)
        .containsExactly(NEW_POD);
    assertThat(blame.findings().inNamespace("elsewhere").list()).isEmpty();
    assertThat(blame.findings().withReason(ReasonCode.CHILD_FAILING).list()).extracting(Finding::subject)
        .containsExactly(DEPLOYMENT, NEW_RS, OLD_RS);
    assertThat(blame.findings().withHealth(Health.PROGRESSING).ofKind(GroupKind.REPLICA_SET).list())
        .extracting(Finding::subject).containsExactly(OLD_RS);
  }

  @Test
  void absentObjectIsExplainedAsNotFound() {
    Explanation why = blame.explain(ObjectRef.of(GroupKind.DEPLOYMENT, "demo", "nope"));

    assertThat(why.found()).isFalse();
    assertThat(why.health()).isEqualTo(Health.MISSING);
    assertThat(why.culprits()).extracting(Finding::reason).containsExactly(ReasonCode.NOT_FOUND);
  }
}
