package dev.blame.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.testkit.CaseTable;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One folder per scenario under {@code relations/}: real manifests (trimmed {@code kubectl get -o yaml}) and an
 * {@code expected.yaml} in {@link CaseTable}'s format naming the subject, its verdict, the exact reasons of its
 * findings, text the findings must mention and the exact edges it declares. Kinds listed under {@code observe}
 * count as observed even when the folder holds none of them ("the ConfigMap really does not exist"). Run
 * through the real engine with every analyzer discovered, as a user gets them.
 */
class RelationCasesTest {

  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  @TestFactory
  Stream<DynamicTest> relations() {
    var cases = CaseTable.resource("/relations").now(NOW).cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), c::verify));
  }
}
