/**
 * The machinery behind {@link dev.blame.core.BlameEngine}: the graph store and its indexes, incremental
 * analysis, explanation building, the analyzer registry, the manifest reader and the one adapter that
 * talks to a cluster. Nothing here is API; it may change in any release.
 */
package dev.blame.core.internal;
