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

  /**
   * {@return this query narrowed to findings whose health is this one or worse}.
   *
   * @param health the least bad health kept, e.g. {@link Health#DEGRADED}
   */
  FindingQuery atLeast(Health health);

  /**
   * {@return this query narrowed to findings whose health is exactly one of these}.
   *
   * @param first a health kept
   * @param more more healths kept
   */
  FindingQuery withHealth(Health first, Health... more);

  /**
   * {@return this query narrowed to findings about objects in this namespace}.
   *
   * @param namespace the namespace; {@code ""} for cluster-scoped objects
   */
  FindingQuery inNamespace(String namespace);

  /**
   * {@return this query narrowed to findings about objects of this kind}.
   *
   * @param kind the kind
   */
  FindingQuery ofKind(GroupKind kind);

  /**
   * {@return this query narrowed to findings with this reason}.
   *
   * @param reason the reason
   */
  FindingQuery withReason(ReasonCode reason);

  /** {@return the matching findings, worst first (see {@link Finding#WORST_FIRST})}. */
  List<Finding> list();
}
