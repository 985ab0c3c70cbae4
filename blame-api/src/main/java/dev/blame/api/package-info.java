/**
 * The kubectl-blame model: immutable values that name Kubernetes objects ({@link dev.blame.api.GroupKind},
 * {@link dev.blame.api.ObjectRef}, {@link dev.blame.api.RevisionRef}), judge them ({@link dev.blame.api.Health},
 * {@link dev.blame.api.ReconcileStatus}, {@link dev.blame.api.Finding}, {@link dev.blame.api.Verdict}) and relate
 * them ({@link dev.blame.api.Edge}), plus the query interfaces a caller uses ({@link dev.blame.api.Blame}).
 *
 * <p>Everything here is a contract: no I/O, no machinery. The engine lives in {@code blame-core}; the SPI for
 * analyzers is {@link dev.blame.api.spi}.
 */
@BlameStyle
package dev.blame.api;
