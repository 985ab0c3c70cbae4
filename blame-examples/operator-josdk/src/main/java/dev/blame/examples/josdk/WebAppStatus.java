package dev.blame.examples.josdk;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the operator reports: the generation it acted on and its conditions (only {@code Ready} here). */
public class WebAppStatus {
  private Long observedGeneration;
  private List<Condition> conditions = new ArrayList<>();

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions == null ? new ArrayList<>() : conditions;
  }

  /** The {@code Ready} condition, if any. */
  public Optional<Condition> ready() {
    return conditions.stream().filter(c -> "Ready".equals(c.getType())).findFirst();
  }
}
