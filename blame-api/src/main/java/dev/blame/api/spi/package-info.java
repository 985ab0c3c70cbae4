/**
 * The Analyzer SPI: how kubectl-blame learns what a kind of object means.
 *
 * <p>An {@link dev.blame.api.spi.Analyzer} is a pure function of an object and a read-only view of its
 * neighbours. It declares the kinds it handles, may declare {@link dev.blame.api.spi.Link links} from an
 * object to others (the engine resolves and indexes them), and returns a {@link dev.blame.api.Verdict}. It
 * never calls the Kubernetes API: the engine reads the cluster and hands analyzers what they need, so an
 * analyzer is testable with a YAML fixture and nothing else.
 *
 * <p>Analyzers are found with {@link java.util.ServiceLoader} ({@code META-INF/services/dev.blame.api.spi.Analyzer},
 * or {@code provides dev.blame.api.spi.Analyzer with ...} on the module path) or registered in code.
 */
@dev.blame.api.BlameStyle
package dev.blame.api.spi;
