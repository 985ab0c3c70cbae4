/**
 * Small helpers shared by the built-in analyzers: reading status conditions, timestamps, container states
 * and kstatus' generic reconcile rules, and assembling a {@link dev.blame.api.Verdict}. No rules about a
 * particular kind live here.
 */
@dev.blame.api.BlameStyle
package dev.blame.analyzers.support;
