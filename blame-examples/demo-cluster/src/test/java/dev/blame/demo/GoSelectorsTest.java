package dev.blame.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import org.junit.jupiter.api.Test;

/**
 * Selectors in event messages as Go's {@code %v} prints a {@code *metav1.LabelSelector} (forms seen in cilium's tests
 * and in a Datadog agent's status output: keys sorted, a trailing comma after every field).
 */
class GoSelectorsTest {

  @Test
  void labelsAreSortedAndExpressionsListTheirValues() {
    assertThat(GoSelectors.of(new LabelSelectorBuilder().addToMatchLabels("tier", "db").addToMatchLabels("app", "x")
        .build())).isEqualTo("&LabelSelector{MatchLabels:map[string]string{app: x,tier: db,},"
            + "MatchExpressions:[]LabelSelectorRequirement{},}");
    assertThat(GoSelectors.of(new LabelSelectorBuilder().addNewMatchExpression().withKey("any.role")
        .withOperator("In").withValues("database", "cache").endMatchExpression().addNewMatchExpression()
        .withKey("legacy").withOperator("DoesNotExist").endMatchExpression().build()))
        .isEqualTo("&LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{"
            + "LabelSelectorRequirement{Key:any.role,Operator:In,Values:[database cache],},"
            + "LabelSelectorRequirement{Key:legacy,Operator:DoesNotExist,Values:[],},},}");
    assertThat(GoSelectors.of(null)).isEqualTo("nil");
  }
}
