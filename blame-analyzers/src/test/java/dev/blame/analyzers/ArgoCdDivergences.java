package dev.blame.analyzers;

import java.util.Map;

/**
 * Cases of the Argo CD CRD corpus where our verdict differs from Argo CD's on purpose, each with the
 * argument; docs/status-vocabulary.md lists the same. Used by {@link ArgoCdCrdConformanceTest}.
 */
final class ArgoCdDivergences {

  /** Our verdict for the case and why it differs from Argo CD's. */
  record Divergence(String ours, String reason) {}

  static final Map<String, Divergence> DIVERGENCES = Map.of();

  private ArgoCdDivergences() {}
}
