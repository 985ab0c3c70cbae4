/**
 * Small helpers shared by the built-in analyzers: reading status conditions and fields of typed and generic
 * objects alike ({@link dev.blame.analyzers.support.Condition}, {@link dev.blame.analyzers.support.Unstructured}),
 * timestamps, container states and kstatus' generic reconcile rules, and assembling a
 * {@link dev.blame.api.Verdict} with {@link dev.blame.analyzers.support.Judgement}, the one verdict builder. No
 * rules about a particular kind live here.
 */
@dev.blame.api.BlameStyle
package dev.blame.analyzers.support;
