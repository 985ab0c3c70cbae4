package dev.blame.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quick mode's smallest size end to end: the JSON line's shape and sane values. Speed goals live in the
 * benchmark, not here.
 */
class QuickModeTest {

  @Test
  void generatorIsDeterministicAndRealistic() {
    SyntheticCluster a = SyntheticCluster.generate(SyntheticCluster.Spec.of(1_000));
    SyntheticCluster b = SyntheticCluster.generate(SyntheticCluster.Spec.of(1_000));
    assertThat(a.podCount()).isEqualTo(1_000);
    assertThat(a.pages()).hasSameSizeAs(b.pages());
    for (int i = 0; i < a.pages().size(); i++) {
      assertThat(a.pages().get(i)).isEqualTo(b.pages().get(i));
    }
    assertThat(a.averagePodBytes()).isBetween(6_500.0, 9_000.0);
    assertThat(a.workloads()).anyMatch(w -> !w.failure().isEmpty());
    assertThat(Measure.decode(a.pages())).hasSize(a.objectCount());
  }

  @Test
  void smallestQuickSizePrintsOneJsonLineWithSaneValues() throws Exception {
    String line = Main.run(List.of(1_000), true, true);
    assertThat(line).doesNotContain("\n");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.fieldNames()).toIterable().containsExactly("pods", "ingestOverDecode", "bytesPerPod",
        "queryP99Micros", "eventsPerSecond", "eventP99Micros", "listCalls", "watchCalls", "getCalls");
    assertThat(json.get("pods").asInt()).isEqualTo(1_000);
    assertThat(json.get("ingestOverDecode").asDouble()).isPositive().isLessThan(100);
    assertThat(json.get("bytesPerPod").asDouble()).isPositive().isLessThan(100_000);
    assertThat(json.get("queryP99Micros").asDouble()).isPositive();
    assertThat(json.get("eventsPerSecond").asDouble()).isPositive();
    assertThat(json.get("eventP99Micros").asDouble()).isPositive();
    // One LIST and one WATCH per watched kind, and at least pods, ReplicaSets, Deployments and Events.
    assertThat(json.get("listCalls").asInt()).isGreaterThanOrEqualTo(4)
        .isEqualTo(json.get("watchCalls").asInt());
    assertThat(json.get("getCalls").asInt()).isGreaterThanOrEqualTo(0);
  }
}
