/**
 * Small helpers shared by the built-in analyzers: timestamps, container states, owned children, Warning Events
 * and kstatus' generic reconcile rules. Reading status conditions and fields of typed and generic objects
 * ({@link dev.blame.api.spi.Condition}, {@link dev.blame.api.spi.Unstructured}) and assembling a
 * {@link dev.blame.api.Verdict} ({@link dev.blame.api.spi.Judgement}) are published in the SPI, and the
 * built-in analyzers use those. No rules about a particular kind live here.
 */
@dev.blame.api.BlameStyle
package dev.blame.analyzers.support;
