package dev.blame.analyzers.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.testkit.CaseTable;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The table of workload cases, through the real engine with every analyzer discovered, as a user gets them:
 * every folder {@code workload/<kind>/<case>/} holds {@code objects.yaml} (a trimmed {@code kubectl get -o yaml}
 * dump, Events included) and {@code expected.yaml} in {@link CaseTable}'s format, with its own {@code now}. The
 * talk's scenario ({@code scenarios/talk/}) has one {@code expected-*.yaml} per object.
 */
class WorkloadCasesTest {

  @TestFactory
  Stream<DynamicTest> workloadCases() {
    return tests(CaseTable.resource("/workload").cases(), 40);
  }

  @TestFactory
  Stream<DynamicTest> talkScenario() {
    return tests(CaseTable.resource("/scenarios/talk").cases(), 4);
  }

  static Stream<DynamicTest> tests(List<CaseTable.Case> cases, int atLeast) {
    assertThat(cases).hasSizeGreaterThanOrEqualTo(atLeast);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), c::verify));
  }
}
