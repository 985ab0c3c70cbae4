package dev.blame.api.spi;

/**
 * What an analyzer package knows about objects besides their verdict: their revisions ({@link RevisionFacet}),
 * what their controller is doing ({@link ActivityFacet}), which person or tool is behind them
 * ({@link AttributionFacet}) and what admission added to them ({@link InjectionFacet}). The engine knows no kinds:
 * it asks the facets, as it asks {@link Analyzer analyzers} for verdicts.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Where they come from.</b> Facets are found with {@link java.util.ServiceLoader}
 *       ({@code META-INF/services/dev.blame.api.spi.Facet}) when analyzers are discovered, and can be registered in
 *       code ({@code BlameEngine.builder().addFacet(..)}). Registered ones come first, then discovered ones ordered
 *       by class name. A provider that cannot be loaded is logged and skipped.
 *   <li><b>Which ones apply.</b> A facet applies to the objects whose kind its {@link #kinds()} selects;
 *       {@link KindSelector#any()} selects every kind (an attribution for a deployment tool, say). When several
 *       facets of one type apply, each type says how they combine.
 *   <li><b>Purity.</b> As for analyzers: no I/O, no clock, no state between calls; everything comes from the
 *       node and the {@link GraphView}. Facets are asked when an object is explained, not on every update.
 *   <li><b>Errors.</b> A facet that cannot tell returns empty. A facet that throws is logged and skipped; the
 *       explanation goes on without it.
 * </ul>
 */
public interface Facet {

  /**
   * {@return the kinds this facet speaks for}: the workloads whose revisions it reads, the controllers whose
   * activities it knows, or {@link KindSelector#any()}.
   */
  KindSelector kinds();
}
