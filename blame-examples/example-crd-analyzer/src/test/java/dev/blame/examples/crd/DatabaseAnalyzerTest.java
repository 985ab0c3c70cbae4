package dev.blame.examples.crd;

import static dev.blame.testkit.BlameAssertions.assertThat;
import static dev.blame.testkit.BlameAssertions.ref;

import dev.blame.analyzers.custom.GenericResourceAnalyzer;
import dev.blame.api.Blame;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.testkit.BlameFixture;
import dev.blame.testkit.Scenarios;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** How a plug-in author tests an analyzer with blame-testkit: fixtures in, the real engine, verdicts out. */
class DatabaseAnalyzerTest {

  private static final ObjectRef ORDERS = ref("Database.example.dev/shop/orders");

  private static final String DATABASE = """
      apiVersion: example.dev/v1
      kind: Database
      metadata:
        name: orders
        namespace: shop
        generation: 2
      spec:
        engine: postgres
        replicas: 3
      status:
        observedGeneration: 2
        phase: Ready
        readyReplicas: 1
      """;

  // tag::discovery-test[]
  @Test
  void isDiscoveredAndWinsOverTheGenericFallbackForDatabases() {
    // Discovery, as a user gets it: this module's ServiceLoader entry and the built-in analyzers.
    try (Blame blame = BlameFixture.yaml(DATABASE).andYaml(DATABASE.replace("kind: Database", "kind: Cache"))
        .build()) {
      Assertions.assertThat(blame.analyzers()).extracting(a -> a.id()).contains("example.Database", "blame.Generic");
      assertThat(blame.verdict(ORDERS).orElseThrow()).isWellFormedFor(ORDERS)
          .hasHealth(Health.PROGRESSING).hasReason(DatabaseAnalyzer.REPLICAS_NOT_READY);
      // The generic fallback reads the replica counters by convention, without the Database's own reason.
      assertThat(blame.verdict(ref("Cache.example.dev/shop/orders")).orElseThrow())
          .hasHealth(Health.PROGRESSING).hasStatus(ReconcileStatus.IN_PROGRESS)
          .hasReason(GenericResourceAnalyzer.REPLICAS_UNAVAILABLE);
    }
  }
  // end::discovery-test[]

  // tag::verdict-test[]
  @Test
  void readyPhaseWithTooFewReplicasIsStillProgressing() {
    assertThat(BlameFixture.yaml(DATABASE).analyzers(new DatabaseAnalyzer()).verdict(ORDERS))
        .isWellFormedFor(ORDERS).hasHealth(Health.PROGRESSING).hasStatus(ReconcileStatus.IN_PROGRESS)
        .hasFinding(DatabaseAnalyzer.REPLICAS_NOT_READY).withMessage("1 of 3 database replicas ready")
        .withEvidence("status.readyReplicas", "1").withEvidence("spec.replicas", "3");
  }
  // end::verdict-test[]

  @Test
  void failedPhaseIsDegradedWithTheControllersMessage() {
    var failed = Scenarios.customResource("example.dev/v1", "Database", "shop", "orders").spec("replicas", 3)
        .status("phase", "Failed").status("message", "volume quota exceeded").build();
    assertThat(BlameFixture.objects(failed).analyzers(new DatabaseAnalyzer()).verdict(ORDERS))
        .isWellFormedFor(ORDERS).hasHealth(Health.DEGRADED).hasStatus(ReconcileStatus.FAILED)
        .hasFinding(DatabaseAnalyzer.PROVISIONING_FAILED).withMessageContaining("volume quota exceeded")
        .withEvidence("status.phase", "Failed");
  }

  @Test
  void aFalseReadyConditionOfAFailedDatabaseIsKeptWithItsReason() {
    String failed = DATABASE.replace("phase: Ready", """
        phase: Failed
          message: provisioning failed
          conditions:
          - type: Ready
            status: "False"
            reason: VolumeQuotaExceeded
            message: |
              persistentvolumeclaims "data-orders-0" is forbidden:
              exceeded quota
            lastTransitionTime: "2026-11-02T08:00:00Z"
        """.stripIndent().stripTrailing());
    assertThat(BlameFixture.yaml(failed).analyzers(new DatabaseAnalyzer()).verdict(ORDERS))
        .isWellFormedFor(ORDERS).hasHealth(Health.DEGRADED).hasStatus(ReconcileStatus.FAILED)
        .hasReason(DatabaseAnalyzer.PROVISIONING_FAILED)
        .hasFinding(ReasonCode.of("VolumeQuotaExceeded"))
        .withMessage("VolumeQuotaExceeded: persistentvolumeclaims \"data-orders-0\" is forbidden: exceeded quota")
        .withEvidence("status.conditions[Ready]", "False VolumeQuotaExceeded: persistentvolumeclaims "
            + "\"data-orders-0\" is forbidden: exceeded quota");
  }

  @Test
  void allReplicasReadyIsHealthy() {
    var ready = Scenarios.customResource("example.dev/v1", "Database", "shop", "orders").spec("replicas", 3)
        .status("phase", "Ready").status("readyReplicas", 3).build();
    assertThat(BlameFixture.objects(ready).analyzers(new DatabaseAnalyzer()).verdict(ORDERS))
        .hasHealth(Health.HEALTHY).hasNoFindings();
  }

  // tag::link-test[]
  @Test
  void aMissingConfigMapIsDegradedOnlyWhenConfigMapsAreObserved() {
    var db = Scenarios.customResource("example.dev/v1", "Database", "shop", "orders").spec("replicas", 1)
        .spec("configMap", "orders-config").status("phase", "Ready").status("readyReplicas", 1).build();
    // "observe": the dump was made with ConfigMaps in it, so an absent one really does not exist.
    assertThat(BlameFixture.objects(db).analyzers(new DatabaseAnalyzer()).observe(GroupKind.CONFIG_MAP)
        .verdict(ORDERS))
        .isWellFormedFor(ORDERS).hasHealth(Health.DEGRADED)
        .hasFinding(DatabaseAnalyzer.CONFIG_MISSING).withEvidence("spec.configMap", "orders-config");
    // Without ConfigMaps in the input, absence proves nothing: no finding.
    assertThat(BlameFixture.objects(db).analyzers(new DatabaseAnalyzer()).verdict(ORDERS))
        .hasHealth(Health.HEALTHY);
  }
  // end::link-test[]
}
