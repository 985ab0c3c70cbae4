/**
 * The Analyzer SPI: how kubectl-blame learns what a kind of object means.
 *
 * <p>An {@link dev.blame.api.spi.Analyzer} is a pure function of an object and a read-only view of its
 * neighbours. It declares the kinds it handles, may declare {@link dev.blame.api.spi.Link links} from an
 * object to others (the engine resolves and indexes them), and returns a {@link dev.blame.api.Verdict}. It
 * never calls the Kubernetes API: the engine reads the cluster and hands analyzers what they need, so an
 * analyzer is testable with a YAML fixture and nothing else.
 *
 * <p>{@link dev.blame.api.spi.Facet Facets} say what the engine knows of no kind: the revisions of a workload
 * ({@link dev.blame.api.spi.RevisionFacet}), what a controller is doing ({@link dev.blame.api.spi.ActivityFacet}),
 * which tool is behind an object ({@link dev.blame.api.spi.AttributionFacet}) and what admission added to a pod
 * ({@link dev.blame.api.spi.InjectionFacet}). {@link dev.blame.api.spi.TypedAnalyzer} is a base for an analyzer
 * of one kind with a model class.
 *
 * <p>The helpers the built-in analyzers use are published here, one copy each: {@link dev.blame.api.spi.Judgement}
 * builds a verdict from findings, {@link dev.blame.api.spi.Condition} reads a status condition of any kind and
 * {@link dev.blame.api.spi.Unstructured} reads any object, typed or not, as nested maps.
 *
 * <p>Analyzers are found with {@link java.util.ServiceLoader} ({@code META-INF/services/dev.blame.api.spi.Analyzer},
 * or {@code provides dev.blame.api.spi.Analyzer with ...} on the module path) or registered in code.
 */
@dev.blame.api.BlameStyle
package dev.blame.api.spi;
