package dev.blame.api;

import java.util.List;

/**
 * A fluent, immutable query over findings: each method returns a narrowed copy.
 *
 * <pre>{@code
 * blame.findings().atLeast(Health.DEGRADED).inNamespace("shop").list();
 * }</pre>
 *
 * <p>Only objects that have findings are visited, so a query does not scan the whole graph.
 */
public interface FindingQuery {

  /** Findings whose health is this one or worse. */
  FindingQuery atLeast(Health health);

  /** Findings whose health is exactly one of these. */
  FindingQuery withHealth(Health first, Health... more);

  FindingQuery inNamespace(String namespace);

  FindingQuery ofKind(GroupKind kind);

  FindingQuery withReason(ReasonCode reason);

  /** The matching findings, worst first (see {@link Finding#WORST_FIRST}). */
  List<Finding> list();
}
