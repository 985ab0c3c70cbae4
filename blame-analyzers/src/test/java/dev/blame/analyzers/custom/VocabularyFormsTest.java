package dev.blame.analyzers.custom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Health;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Unstructured;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of form in the generic vocabulary, each with the words it must and must not read. */
class VocabularyFormsTest {

  @ParameterizedTest(name = "{0} -> {1} by {2}")
  @CsvSource(delimiter = '|', value = {
      "Provisioning | PROGRESSING | form:-ing",
      "Restarting | PROGRESSING | form:-ing",
      "PENDING_RERUN | PROGRESSING | word:pendingrerun-or-form",
      "ScalingUp | PROGRESSING | form:-ing",
      "Setting up primary | PROGRESSING | form:-ing",
      "Waiting for the instances to become active | PROGRESSING | form:-ing",
      "Cluster in healthy state | HEALTHY | word:healthy",
      "Running | HEALTHY | word:running",
      "Warning | DEGRADED | word:warning",
      "Failing | DEGRADED | word:failing",
      "Missing | MISSING | word:missing",
      "Hibernating | SUSPENDED | word:hibernating",
      "PartiallyFailed | DEGRADED | suffix:failed",
      "HEALTH_OK | HEALTHY | word:healthok",
      "ProvisioningFailedPermanently | DEGRADED | word:failed",
      "Running, last backup failed yesterday | DEGRADED | word:failed",
      "ScalingDown | PROGRESSING | form:-ing",
      "Failed to validate the config; clusterName: Invalid value: x, names must not start with a digit | DEGRADED"
          + " | form:failed-to-then-cause",
      "failed to delete check: 404 not found | DEGRADED | form:failed-to-then-cause"})
  void phaseWords(String value, Health health, String rule) {
    Optional<Meaning> meaning = StatusWords.read(value);
    assertThat(meaning).as(value).isPresent();
    assertThat(meaning.get().health()).as(value).isEqualTo(health);
    if (!rule.endsWith("-or-form")) {
      assertThat(meaning.get().rules()).as(value).contains(rule);
    }
  }

  @ParameterizedTest(name = "{0} means nothing")
  @CsvSource(delimiter = '|', value = {"Cluster Is Not Ready", "Unable to create required cluster objects",
      "NotReady", "ring", "king", "v1.2.3", "1/3",
      "this sentence has far too many words to be a phase of anything at all, it is a message",
      "Failed to validate the config as the cluster name is not valid for this cluster at all",
      "Not failed to validate the config; the cluster name is valid"})
  void wordsThatMeanNothing(String value) {
    assertThat(StatusWords.read(value)).as(value).isEmpty();
  }

  @ParameterizedTest(name = "{0}={1} {2} -> {3}")
  @CsvSource(delimiter = '|', value = {
      "Programmed | True | Programmed | HEALTHY",
      "ResourcesApplied | False | WaitingForClusters | PROGRESSING",
      "ResolvedRefs | False | BackendNotFound | DEGRADED",
      "Launched | Unknown | AwaitingReconciliation | PROGRESSING",
      "QuotaReserved | True | QuotaReserved | HEALTHY",
      "CertificateExpired | True | Expired | DEGRADED",
      "QuotaExceeded | True | Exceeded | DEGRADED",
      "NotReady | True | InvalidResourceException | DEGRADED",
      "NotReady | True | Initializing | PROGRESSING",
      "Ready | False | RestoringBackup | PROGRESSING",
      "Ready | False | NotRunning | PROGRESSING"})
  void conditionTypesByForm(String type, String status, String reason, Health health) {
    Optional<Meaning> meaning = ConditionVocabulary.meaning(Condition.of(type, status, reason, "", null));
    assertThat(meaning).as(type).isPresent();
    assertThat(meaning.get().health()).as(type + "=" + status + " " + reason).isEqualTo(health);
  }

  @ParameterizedTest(name = "{0}=True says nothing")
  @CsvSource({"Drifted", "Ignored", "RestartRequired", "Deleted", "Terminated", "Fallback", "ContinuousArchiving"})
  void participlesThatNameNoStateToReach(String type) {
    assertThat(ConditionVocabulary.meaning(Condition.of(type, "True", "", "", null))).as(type).isEmpty();
  }

  @Test
  void failureFieldsDegradeUnlessEmpty() {
    List<Signal> failing = StatusSignals.read(Unstructured.of(Map.of("status",
        Map.of("errorMessage", "Image provisioning failed", "errorType", "provisioning error"))), 1);
    assertThat(failing).extracting(Signal::health).containsOnly(Health.DEGRADED).hasSize(2);
    assertThat(failing.get(0).rules()).containsExactly("field:failure-message");

    List<Signal> cleared = StatusSignals.read(Unstructured.of(Map.of("status",
        Map.of("errorMessage", "", "lastError", "timeout at 10:02", "errors", 5))), 1);
    assertThat(cleared).isEmpty();
  }

  @Test
  void aStatusOfUnknownWordsIsNeverHealthy() {
    // Written by a controller, understood by no rule: being worked on, nothing says ready.
    Unstructured u = Unstructured.of(Map.of("status", Map.of("phase", "Cluster Is Not Ready", "robustness", "fine")));
    GenericResourceAnalyzer.Reading reading = GenericResourceAnalyzer.read(u, 1, false, true, null);
    assertThat(GenericResourceAnalyzer.health(reading, r -> true)).isEqualTo(Health.PROGRESSING);
    // An empty status says nothing at all: UNKNOWN.
    Unstructured empty = Unstructured.of(Map.of("status", Map.of()));
    assertThat(GenericResourceAnalyzer.health(GenericResourceAnalyzer.read(empty, 1, false, true, null), r -> true))
        .isEqualTo(Health.UNKNOWN);
  }
}
